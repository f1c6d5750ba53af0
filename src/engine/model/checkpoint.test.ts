import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkpoint, nextMacrotask } from './checkpoint';

/** A job made only of microtasks, as a WASM session.run in a worker is: it never yields unless checkpoint does. */
async function microtaskJob(signal: AbortSignal, steps: number): Promise<number> {
  for (let i = 0; i < steps; i++) {
    await Promise.resolve();
    await checkpoint(signal);
  }
  return steps;
}

describe('checkpoint', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lets an abort queued as a macrotask land inside a job of microtasks', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new DOMException('Cancelled', 'AbortError')), 0);
    await expect(microtaskJob(controller.signal, 100_000)).rejects.toThrow('Cancelled');
  });

  it('yields through a MessageChannel where there is no setImmediate (a Web Worker)', async () => {
    vi.stubGlobal('setImmediate', undefined);
    const order: string[] = [];
    const channel = new MessageChannel();
    channel.port1.onmessage = () => order.push('message');
    channel.port2.postMessage(null);
    await nextMacrotask();
    await nextMacrotask();
    order.push('after');
    channel.port1.close();
    expect(order).toEqual(['message', 'after']);
  });

  it('costs nothing without a signal', async () => {
    let ran = false;
    setTimeout(() => (ran = true), 0);
    await checkpoint(undefined);
    expect(ran).toBe(false);
  });
});
