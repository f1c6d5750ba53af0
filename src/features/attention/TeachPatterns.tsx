/**
 * Real patterns for the teaching panel: one head of the loaded model on a
 * short question ("What is an attention head?"), and what the demo's
 * pruned head attended to before it was pruned. Both ask the worker like
 * the inspect mode does and draw with the same one-head view.
 */
import { useAttentionStore, currentQuestion, type PatternRequest } from '../../store/attentionStore';
import { useCanStart } from '../../store/busy';
import { HeadView } from './HeadView';

/** Layer 0 head 2: headlab-math-6x8's sharpest head on this question (mean top weight 0.65; `npm run cli -- attention`). */
const EXAMPLE = { question: 'Mia has 5 apples. Mia buys 3 more apples. How many apples does Mia have now?', layer: 0, head: 2 };

/** The view of `req`'s head when the store holds it, else a button that asks for it. */
function PatternFor({ req, head, label, testId }: { req: PatternRequest; head: number; label: string; testId: string }) {
  const canStart = useCanStart();
  const { view, viewFor, status, error } = useAttentionStore();
  const shown = view && viewFor && viewFor.question === req.question && viewFor.layer === req.layer && viewFor.answer.join() === req.answer.join() && viewFor.prune.length === 0;
  return (
    <div data-testid={testId}>
      <button type="button" disabled={!canStart} onClick={() => void useAttentionStore.getState().showFor(req, head)}>
        {label}
      </button>
      {status === 'error' && !shown && <p className="error">{error}</p>}
      {shown && <HeadView view={view} head={head} cell={req.answer.length ? 6 : 16} group={1} />}
    </div>
  );
}

export function HeadExample() {
  return (
    <>
      <p>
        Below is a real head: layer {EXAMPLE.layer}, head {EXAMPLE.head} of the loaded model, reading a short question. Each row is a token; the
        purple cells in its row are the earlier tokens it takes information from, and each row’s weights add up to 1.
      </p>
      <PatternFor req={{ question: EXAMPLE.question, answer: [], layer: EXAMPLE.layer, prune: [] }} head={EXAMPLE.head} label="Show a real head" testId="teach-example" />
    </>
  );
}

/** What `head` attended to on `question` (and the latest answer to it), with nothing pruned. */
export function DemoAttention({ question, head }: { question: string; head: [number, number] }) {
  const current = currentQuestion();
  const answer = current.question === question ? current.answer : [];
  return (
    <PatternFor
      req={{ question, answer, layer: head[0], prune: [] }}
      head={head[1]}
      label={`What did layer ${head[0]} head ${head[1]} attend to?`}
      testId="teach-demo-attention"
    />
  );
}
