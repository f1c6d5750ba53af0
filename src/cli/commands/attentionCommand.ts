/**
 * `attention`: the attention patterns of one prompt, as the model reads it
 * (its chat template), optionally with heads pruned; --layer and --head
 * narrow the output. JSON on stdout with --json, else a short summary per
 * head: where each query token looks most.
 */
import type { CliContext } from '../cliContext';
import { checkHeads, parseHeads, required, UsageError } from '../args';
import { maskFor } from '../../engine/sweep/sweepSchema';
import { isPatternsUnavailable, PATTERNS_UNAVAILABLE, patternsTransform, questionPatterns } from '../../engine/attention/questionPatterns';
import { patternsJson, type PatternsJson } from '../../engine/attention/patternsJson';
import { loadNodeSource } from '../../node/loadNodeSource';

function index(raw: string | undefined, name: string, count: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n >= count) throw new UsageError(`--${name} must be an integer from 0 to ${count - 1}, got "${raw}"`);
  return n;
}

/** One line per head: for each query token, the key it weighs most. */
function summary(json: PatternsJson): string[] {
  const lines = [`tokens: ${json.tokens.map((t) => JSON.stringify(t)).join(' ')}`];
  for (const { layer, heads } of json.layers) {
    for (const { head, weights } of heads) {
      const looks = weights.map((row, i) => {
        const j = row.indexOf(Math.max(...row));
        return `${JSON.stringify(json.tokens[i])}→${JSON.stringify(json.tokens[j])} ${row[j].toFixed(2)}`;
      });
      lines.push(`layer ${layer} head ${head}: ${looks.join(', ')}`);
    }
  }
  return lines;
}

export async function attentionCommand({ values, out }: CliContext): Promise<void> {
  const prompt = required(values.prompt, 'prompt');
  const model = required(values.model, 'model');
  const prune = parseHeads(values.prune);
  const loaded = await loadNodeSource(model, { transform: patternsTransform() }).catch((err: unknown) => {
    if (isPatternsUnavailable(err)) throw new Error(`${PATTERNS_UNAVAILABLE} (${model})`);
    throw err;
  });
  const { spec } = loaded;
  checkHeads(prune, spec);
  const layer = index(values.layer, 'layer', spec.numLayers);
  const head = index(values.head, 'head', spec.numHeads);
  const patterns = await questionPatterns(loaded, prompt, [], {
    headMask: prune.length ? maskFor(prune, spec.numLayers, spec.numHeads) : undefined,
    layers: layer === undefined ? undefined : [layer],
  });
  const json = patternsJson(patterns.tokens, patterns.layers, spec.numHeads, head);
  if (values.json) out(JSON.stringify(json));
  else for (const line of summary(json)) out(line);
}
