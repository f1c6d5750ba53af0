/**
 * A short guided tour for teachers: what a head is, why zeroing its o_proj
 * input removes it, why pruning can help, and a one-click demo on
 * headlab-math-6x8 (its answers are the ones pinned here).
 */
import { syntheticProblem } from '../../engine/problems/synthetic';
import { HELD_OUT_SEED } from '../../engine/problems/splits';
import { useState } from 'react';
import { currentPrunedHeads, useHeadsStore, type HeadRef } from '../../store/headsStore';
import { useModelStore } from '../../store/modelStore';
import { useBusyWith } from '../../store/busy';
import { useSolveStore } from '../../store/solveStore';
import { MATH_MODEL } from '../../engine/model/bundledModels';
import { DemoResult } from './DemoResult';
import { DemoAttention, HeadExample } from '../attention/TeachPatterns';
import { TruncationLesson } from '../truncate/TruncationLesson';

/** Held-out problem 5: unpruned, headlab-math-6x8 answers 20; with layer 1 head 4 pruned it answers 30, the reference (e2e/heads.spec.ts). */
const DEMO = { problem: syntheticProblem(HELD_OUT_SEED, 5), head: [1, 4] as [number, number] };

export function TeachPanel() {
  const free = useBusyWith() === undefined;
  const bundled = useModelStore((s) => s.status === 'ready' && s.info?.name === MATH_MODEL) && free;
  const setPruned = useHeadsStore((s) => s.setPruned);
  const { setQuestion, solve } = useSolveStore();
  // What the demo replaced (the user's question and pruning), until it is put back or the demo runs again over its own.
  const [replaced, setReplaced] = useState<{ question: string; pruned: HeadRef[] } | undefined>();

  const demo = async (prune: boolean) => {
    const question = useSolveStore.getState().question;
    if (!replaced && question !== DEMO.problem.question) setReplaced({ question, pruned: currentPrunedHeads() });
    setPruned(prune ? [DEMO.head] : []);
    setQuestion(DEMO.problem.question);
    await solve(64);
  };
  const putBack = () => {
    if (!replaced) return;
    setQuestion(replaced.question);
    setPruned(replaced.pruned);
    setReplaced(undefined);
  };

  return (
    <section className="panel" aria-labelledby="teach-heading">
      <h2 id="teach-heading">How this works</h2>
      <details>
        <summary>What is an attention head?</summary>
        <p>
          Each layer of a transformer has several attention heads. Every head looks back over the earlier tokens, weighs them, and writes a small
          vector (head_dim numbers) for each position. The layer concatenates the heads&apos; vectors and mixes them with one matrix, the output
          projection o_proj.
        </p>
        <HeadExample />
      </details>
      <details>
        <summary>Why does zeroing its o_proj input remove it?</summary>
        <p>
          The input of o_proj is exactly the heads&apos; vectors side by side. Setting one head&apos;s slice to zero removes everything that head
          contributes, and nothing else. Zeroing slices of o_proj&apos;s <em>output</em> would not remove a head: every output number mixes all
          the heads.
        </p>
      </details>
      <details>
        <summary>Can pruning help reasoning?</summary>
        <p>
          Sometimes. SPRINT (arXiv 2506.03978) learns, per question, which single head to prune and finds that the pruned models&apos; answers
          make a diverse best-of-N. Chen, Bruna and Bietti (arXiv 2406.03068) show that truncating some weight components can improve reasoning,
          because those components store noisy global associations. This app&apos;s bundled models were trained on problems with distracting,
          irrelevant quantities, so such noise exists here too. Usually, though, pruning a head costs accuracy: the sweep shows both.
        </p>
      </details>
      <p>Demo on the bundled model {MATH_MODEL} (load it above): a held-out question it gets wrong, then right with one head pruned.</p>
      <blockquote data-testid="demo-question">{DEMO.problem.question}</blockquote>
      <div className="buttons">
        <button type="button" disabled={!bundled} onClick={() => void demo(false)}>
          1. Ask with nothing pruned
        </button>
        <button type="button" disabled={!bundled} onClick={() => void demo(true)}>
          2. Ask with layer {DEMO.head[0]} head {DEMO.head[1]} pruned
        </button>
      </div>
      <p className="meta">The right answer is {DEMO.problem.final}.</p>
      <DemoResult question={DEMO.problem.question} />
      {replaced && (
        <p className="warning" data-testid="demo-replaced">
          The demo put its question in the Question box
          {replaced.question.trim() ? ` (yours began “${replaced.question.slice(0, 40)}${replaced.question.length > 40 ? '…' : ''}”)` : ''} and set the grid&apos;s
          pruning{replaced.pruned.length ? ` (you had ${replaced.pruned.map(([l, h]) => `${l}.${h}`).join(', ')} pruned)` : ''}.{' '}
          <button type="button" onClick={putBack}>
            Put back your question and pruning
          </button>
        </p>
      )}
      <DemoAttention question={DEMO.problem.question} head={DEMO.head} />
      <TruncationLesson />
    </section>
  );
}
