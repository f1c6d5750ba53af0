import { describe, expect, it } from 'vitest';
import { wrapText } from './canvasText';

/** Every character 1 unit wide, so widths are lengths. */
const mono = { measureText: (s: string) => ({ width: s.length }) as TextMetrics };

describe('wrapText', () => {
  it('breaks between words, no line wider than the width', () => {
    expect(wrapText(mono, 'pruned heads (layer.head): 1.4, 2.3', 14)).toEqual(['pruned heads', '(layer.head):', '1.4, 2.3']);
  });

  it('cuts a word wider than a line into pieces that fit, the last followed by the next word', () => {
    const lines = wrapText(mono, 'on org/a-very-long-model-name; pruned', 10);
    expect(lines).toEqual(['on', 'org/a-very', '-long-mode', 'l-name;', 'pruned']);
    expect(lines.join('')).toBe('onorg/a-very-long-model-name;pruned');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(10);
  });
});
