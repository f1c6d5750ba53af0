/** The WASM thread count the worker starts with, and the words the model panel shows for it. */
import { describe, expect, it } from 'vitest';
import { AUTO_THREADS_MIN_BYTES, decideThreads, ISOLATION_HEADERS } from './wasmThreads';

describe('decideThreads', () => {
  it('runs one thread without cross-origin isolation, whatever was chosen, and names the headers', () => {
    const d = decideThreads(4, 3e9, false, 8);
    expect(d.threads).toBe(1);
    expect(d.reason).toContain(ISOLATION_HEADERS);
  });

  it('keeps a choice within the machine\'s cores, and says when it cut it', () => {
    expect(decideThreads(2, 1, true, 8)).toEqual({ threads: 2, reason: 'as chosen' });
    expect(decideThreads(8, 1, true, 2)).toEqual({ threads: 2, reason: '2 as asked for 8: this machine has 2 cores' });
  });

  it('Auto: 2 threads for a small model (1 on one core), up to 4 for a large one', () => {
    expect(decideThreads('auto', 5.6e6, true, 8)).toEqual({ threads: 2, reason: 'Auto: 2 for a model under 64 MB: its sweeps ran faster on 2 than on 1, single answers slower (bench/README.md)' });
    expect(decideThreads('auto', 5.6e6, true, 1)).toEqual({ threads: 1, reason: 'Auto: 1 for a model under 64 MB: this machine has one core' });
    expect(decideThreads('auto', AUTO_THREADS_MIN_BYTES, true, 8).threads).toBe(4);
    expect(decideThreads('auto', 2.5e9, true, 2)).toEqual({ threads: 2, reason: 'Auto: 2 for a model of 2384 MB on 2 cores' });
  });
});
