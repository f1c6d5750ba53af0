/**
 * The UI side of the protocol: sends requests, routes events back to the
 * caller, and turns the final event into a resolved promise.
 */
import { FINAL_EVENT_TYPES, type FinalEvent, type WorkerEvent, type WorkerRequest } from './protocol';

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

const FINAL_TYPES = new Set<WorkerEvent['type']>(FINAL_EVENT_TYPES);

/** A worker-side failure, with the worker's error name kept. */
export class WorkerError extends Error {
  constructor(readonly workerName: string, message: string) {
    super(message);
    this.name = workerName;
  }
}

export class EngineClient {
  private nextId = 1;
  private readonly listeners = new Map<number, (e: WorkerEvent) => void>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<WorkerEvent>) => this.listeners.get(e.data.id)?.(e.data);
  }

  /** Sends a request; `onEvent` sees every event for it (progress, tokens). */
  request<T extends FinalEvent>(req: Request, onEvent?: (e: WorkerEvent) => void): { id: number; done: Promise<T> } {
    const id = this.nextId++;
    const done = new Promise<T>((resolve, reject) => {
      this.listeners.set(id, (e) => {
        onEvent?.(e);
        if (e.type === 'error') reject(new WorkerError(e.error.name, e.error.message));
        else if (FINAL_TYPES.has(e.type)) resolve(e as T);
        else return;
        this.listeners.delete(id);
      });
    });
    this.worker.postMessage({ ...req, id } as WorkerRequest);
    return { id, done };
  }

  cancel(target: number): void {
    this.worker.postMessage({ type: 'cancel', id: this.nextId++, target } satisfies WorkerRequest);
  }
}

let client: EngineClient | undefined;

/** The app's single engine worker, started on first use. */
export function engineClient(): EngineClient {
  client ??= new EngineClient(new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' }));
  return client;
}
