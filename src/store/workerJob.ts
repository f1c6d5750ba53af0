/**
 * The two ends of a store's worker job that the stores handle alike: what
 * to show when the job threw (the user cancelled it, or it failed with a
 * message), and cancelling it while it runs.
 */
import { engineClient } from '../worker/client';

/** The state for a job that threw: cancelled on an AbortError (shown as `cancelled`), else an error with its message. */
export function failedJob<C extends string>(err: unknown, cancelled: C): { status: C; error?: undefined } | { status: 'error'; error: string } {
  const e = err as Error;
  return e.name === 'AbortError' ? { status: cancelled, error: undefined } : { status: 'error', error: e.message };
}

/** Cancels request `requestId` if its job is still running. */
export function cancelRunning(job: { requestId?: number; status: string }): void {
  if (job.requestId !== undefined && job.status === 'running') engineClient().cancel(job.requestId);
}
