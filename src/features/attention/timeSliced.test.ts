/**
 * timeSliced: every step runs once, in order, then `done`; a spent budget
 * yields to the event loop between steps; and a stopped run does no more.
 */
import { describe, expect, it } from 'vitest';
import { timeSliced } from './timeSliced';

const nextTask = () => new Promise((resolve) => setTimeout(resolve));

describe('timeSliced', () => {
  it('runs each step once, in order, then done, starting in a task of its own', async () => {
    const seen: number[] = [];
    const finished = new Promise<void>((resolve) => timeSliced(5, (i) => seen.push(i), resolve));
    expect(seen).toEqual([]);
    await finished;
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it('yields between steps once the slice is spent', async () => {
    const seen: number[] = [];
    timeSliced(3, (i) => seen.push(i), undefined, -1);
    await nextTask();
    expect(seen).toEqual([0]);
    await nextTask();
    expect(seen).toEqual([0, 1]);
  });

  it('does nothing more once stopped', async () => {
    const seen: number[] = [];
    let done = false;
    const stop = timeSliced(3, (i) => seen.push(i), () => (done = true), -1);
    await nextTask();
    stop();
    await nextTask();
    await nextTask();
    expect(seen).toEqual([0]);
    expect(done).toBe(false);
  });
});
