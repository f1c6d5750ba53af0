/**
 * The first thing on the page: what HeadLab is, two one-click demos (SPRINT's
 * picks for a sample question with the selector shipped beside the model,
 * and the teaching demo), and the page's link.
 */
import { useCanStart } from '../../store/busy';
import { useModelStore } from '../../store/modelStore';
import { useSolveStore } from '../../store/solveStore';
import { useSprintStore } from '../../store/sprintStore';
import { MATH_MODEL } from '../../engine/model/bundledModels';
import { syntheticProblem } from '../../engine/problems/synthetic';
import { HELD_OUT_SEED } from '../../engine/problems/splits';
import { LinkBar } from './LinkBar';

/** A mixed-family question whose planted head the default model's shipped selector picks first (e2e/shipped-selector.spec.ts). */
const MIX_SAMPLE = 'Mia has 4 jars with 3 beads in each. Tom has 7 empty jars. Mia finds 5 more beads. How many beads does Mia have?';

export function StartPanel() {
  const ready = useCanStart();
  const { info, load, backend } = useModelStore();
  const selector = useSprintStore((s) => s.selector);
  const rank = useSprintStore((s) => s.rank);
  const setQuestion = useSolveStore((s) => s.setQuestion);
  const onMath = info?.name === MATH_MODEL;

  const sprintDemo = async () => {
    const question = info?.name === 'headlab-mix-6x8' ? MIX_SAMPLE : syntheticProblem(HELD_OUT_SEED, 1).question;
    setQuestion(question);
    await rank(question);
    document.getElementById('sprint-heading')?.scrollIntoView();
  };
  const teachingDemo = async () => {
    if (!onMath) await load({ kind: 'bundled', name: MATH_MODEL }, backend);
    document.getElementById('teach-heading')?.scrollIntoView();
  };

  return (
    <section className="panel start" aria-labelledby="start-heading">
      <h2 id="start-heading">Start here</h2>
      <p>
        HeadLab runs a small language model in this tab and lets you switch off (prune) single attention heads, then see what happens to its
        answers to arithmetic word problems. Nothing leaves your browser.
      </p>
      <div className="buttons">
        <button type="button" disabled={!ready || !selector} onClick={() => void sprintDemo()}>
          SPRINT demo: rank heads for a sample question
        </button>
        <button type="button" disabled={!ready} onClick={() => void teachingDemo()}>
          Teaching demo: a pruned head turns a wrong answer right{onMath ? '' : ` (loads ${MATH_MODEL})`}
        </button>
      </div>
      {info && !selector && <p className="meta">This model has no SPRINT selector yet: sweep and train one below, or import one.</p>}
      <p className="meta">
        Then: toggle heads in the grid and press Solve, compare a problem set with and without them, or sweep every head. Each panel says what it
        measured and how.
      </p>
      <LinkBar />
    </section>
  );
}
