/**
 * Before a comparison, sweep or evaluation: the problems that fit the
 * model's context (asked of the worker, which holds the tokenizer), and a
 * sentence naming those skipped. One over-long question no longer stops a
 * whole run.
 */
import { engineClient } from '../worker/client';
import type { FinalEvent } from '../worker/protocol';
import { skippedText, withoutTooLong } from '../engine/model/contextFit';

export interface Runnable<P> {
  problems: P[];
  /** Which were skipped and why, when any were. */
  skipped?: string;
}

/** The problems that fit; throws, naming the limit, when none does. */
export async function runnableProblems<P extends { id: string; question: string }>(problems: P[], maxNewTokens: number): Promise<Runnable<P>> {
  const request = { type: 'fitCheck' as const, problems: problems.map(({ id, question }) => ({ id, question })), maxNewTokens };
  const { tooLong, contextLimit } = await engineClient().request<Extract<FinalEvent, { type: 'fitChecked' }>>(request).done;
  if (tooLong.length === 0) return { problems };
  const kept = withoutTooLong(problems, tooLong);
  const skipped = skippedText(tooLong, problems.length, contextLimit, maxNewTokens);
  if (kept.length === 0) throw new Error(`Nothing to run: ${skipped}`);
  return { problems: kept, skipped };
}
