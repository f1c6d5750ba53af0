import { describe, expect, it } from 'vitest';
import { interventionsText } from './interventions';

describe('interventionsText', () => {
  it('names pruned heads and truncations, and says when there are none', () => {
    expect(interventionsText([], [])).toBe('No heads pruned. No truncation.');
    expect(interventionsText([[2, 5]], ['0.mlp.down:0.01'])).toBe('Pruned: layer 2 head 5. Truncated: 0.mlp.down:0.01.');
    expect(interventionsText([[0, 1], [3, 4]], [])).toBe('Pruned: layer 0 head 1, layer 3 head 4. No truncation.');
  });
});
