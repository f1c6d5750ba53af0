import { describe, expect, it } from 'vitest';
import { readUrlView, writeUrlView } from './urlState';

describe('URL view', () => {
  it('round-trips model, pruned heads and problem set, keeping other parameters', () => {
    const search = '?backend=wasm&hub=onnx-community/Qwen2.5-0.5B-Instruct&dtype=q4f16&prune=1.4,2.3&seed=7&count=10&level=2';
    const view = readUrlView(search);
    expect(view).toEqual({
      source: { kind: 'hub', id: 'onnx-community/Qwen2.5-0.5B-Instruct', dtype: 'q4f16' },
      prune: [[1, 4], [2, 3]],
      spec: { seed: 7, count: 10, level: 2 },
    });
    expect(writeUrlView('?backend=wasm', view)).toBe(search);
  });

  it('falls back to the bundled model and lists each malformed value it ignores', () => {
    expect(readUrlView('?model=../etc&prune=1-4,x,2.0&seed=3&count=9999')).toEqual({
      source: { kind: 'bundled', name: 'headlab-mix-6x8' },
      prune: [[2, 0]],
      spec: undefined,
      ignored: ["model=../etc is not a bundled model's folder name", 'prune=1-4,x are not LAYER.HEAD', 'count=9999 is not a whole number from 1 to 2000'],
    });
    expect(readUrlView('?count=5').ignored).toEqual(['seed= is not a whole number of 0 or more']);
  });

  it("opens the sets the app itself proposes (SPRINT's 600 training questions)", () => {
    expect(readUrlView('?seed=11&count=600').spec).toEqual({ seed: 11, count: 600, level: undefined });
  });

  it('carries the question, and leaves out one too long for a link', () => {
    const view = readUrlView('?q=Mia%20has%2012%20apples%3F');
    expect(view.question).toBe('Mia has 12 apples?');
    expect(writeUrlView('', { ...view, source: { kind: 'bundled', name: 'headlab-mix-6x8' } })).toBe('?q=Mia+has+12+apples%3F');
    expect(writeUrlView('?q=old', { source: { kind: 'bundled', name: 'headlab-mix-6x8' }, prune: [], question: 'x'.repeat(1501) })).toBe('');
  });

  it('carries the mix generator as gen=mix, with its own levels; no gen is synthetic, as in older links', () => {
    const view = readUrlView('?gen=mix&seed=7&count=10&level=3');
    expect(view.spec).toEqual({ seed: 7, count: 10, level: 3, generator: 'mix' });
    expect(writeUrlView('', view)).toBe('?gen=mix&seed=7&count=10&level=3');
    // Level 4 is synthetic's alone; an unknown generator is read as synthetic.
    expect(readUrlView('?gen=mix&seed=7&count=10&level=4').spec).toEqual({ seed: 7, count: 10, level: undefined, generator: 'mix' });
    expect(readUrlView('?gen=other&seed=7&count=10&level=4').spec).toEqual({ seed: 7, count: 10, level: 4 });
    expect(writeUrlView('?gen=mix&seed=1&count=2', { ...view, spec: { seed: 3, count: 4 } })).toBe('?seed=3&count=4');
  });

  it('leaves the default bundled model out of the link and names the other one', () => {
    expect(readUrlView('?model=headlab-math-6x8').source).toEqual({ kind: 'bundled', name: 'headlab-math-6x8' });
    expect(writeUrlView('', { source: { kind: 'bundled', name: 'headlab-math-6x8' }, prune: [] })).toBe('?model=headlab-math-6x8');
    expect(writeUrlView('?model=headlab-math-6x8', { source: { kind: 'bundled', name: 'headlab-mix-6x8' }, prune: [] })).toBe('');
  });
});
