/**
 * The worker runs one job at a time, so while one runs the others would only
 * queue up behind it. The UI names the running job, and disables what would
 * have to wait for it, instead of leaving a button that seems to do nothing.
 */
import { useModelStore } from './modelStore';
import { useSolveStore } from './solveStore';
import { useRunsStore } from './runsStore';
import { useSweepStore } from './sweepStore';
import { useSprintStore } from './sprintStore';
import { useSprintEvalStore } from './sprintEvalStore';
import { useAttentionStore } from './attentionStore';
import { useTruncateStore } from './truncateStore';
import { useEveryHeadStore } from './everyHeadStore';

/** The job the worker is running, in words ("the sweep"), or undefined when it is free. */
export function useBusyWith(): string | undefined {
  const loading = useModelStore((s) => s.status === 'loading');
  const solving = useSolveStore((s) => s.status === 'running');
  const comparing = useRunsStore((s) => s.status === 'running');
  const sweeping = useSweepStore((s) => s.status === 'running');
  const sprint = useSprintStore((s) => s.status);
  const evaluating = useSprintEvalStore((s) => s.status === 'running');
  const patterns = useAttentionStore((s) => s.status === 'running');
  const roles = useAttentionStore((s) => s.roles.status === 'running');
  const everyHead = useEveryHeadStore((s) => s.status === 'running');
  const truncation = useTruncateStore((s) => (s.sweep.status === 'running' ? 'the truncation sweep' : s.status === 'running' ? 'the truncation' : s.check.status === 'running' ? 'the truncation check' : undefined));
  if (sweeping) return 'the sweep';
  if (truncation) return truncation;
  if (comparing) return 'the comparison';
  if (evaluating) return 'the SPRINT evaluation';
  if (sprint === 'training') return 'SPRINT training';
  if (sprint === 'ranking') return 'SPRINT ranking';
  if (solving) return 'the answer being generated';
  if (everyHead) return 'the question under every head';
  if (roles) return 'the head roles';
  if (patterns) return 'the attention patterns';
  if (loading) return 'the model load';
  return undefined;
}

/** True when a model is loaded and the worker is free for a new job. */
export function useCanStart(): boolean {
  const ready = useModelStore((s) => s.status === 'ready');
  const busy = useBusyWith();
  return ready && busy === undefined;
}
