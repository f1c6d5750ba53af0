/**
 * `npm run cli -- attention` as a user runs it, on the bundled model: the
 * JSON shape, --layer/--head narrowing, --prune, agreement with the
 * weights recomputed from the layer's queries and keys, and the sentence a
 * fused-attention export gets.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadNodeModel, BUNDLED_MODEL_DIR } from '../node/loadNodeModel';
import { headMaskTransform } from '../engine/onnx/addHeadMask';
import { withAttentionOutputs, PATTERNS_UNAVAILABLE } from '../engine/onnx/attentionOutputs';
import { buildPromptIds } from '../engine/model/prompt';
import { runAttention } from '../engine/attention/runAttention';
import { recomputeRow } from '../engine/attention/testing/recomputeAttention';
import type { PatternsJson } from '../engine/attention/patternsJson';
import { buildFusedDecoder, fusedConfig } from '../engine/onnx/testing/buildFusedDecoder';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MODEL = 'public/models/headlab-math-6x8';
const PROMPT = 'Mia has 5 apples. Mia buys 3 more apples. How many apples does Mia have now?';

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
}

function attentionJson(...args: string[]): PatternsJson {
  const run = cli('attention', '--model', MODEL, '--prompt', PROMPT, '--json', ...args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as PatternsJson;
}

describe('npm run cli -- attention', () => {
  it('prints every layer and head, rows over the tokens in order, each a causal softmax row', () => {
    const json = attentionJson();
    const n = json.tokens.length;
    expect(json.tokens.slice(0, 3)).toEqual(['<s>', '<|user|>', 'Mia']);
    expect(json.tokens.at(-1)).toBe('<|assistant|>');
    expect(json.layers.map((l) => l.layer)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const { heads } of json.layers) {
      expect(heads.map((h) => h.head)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      for (const { weights } of heads) {
        expect(weights).toHaveLength(n);
        weights.forEach((row, i) => {
          expect(row).toHaveLength(n);
          expect(Math.abs(row.reduce((a, v) => a + v, 0) - 1)).toBeLessThan(1e-5);
          expect(row.slice(i + 1).every((v) => v === 0)).toBe(true);
        });
      }
    }
  }, 60_000);

  it('--layer and --head give that head alone, equal to the recomputation from its queries and keys within 1e-4', async () => {
    const json = attentionJson('--layer', '1', '--head', '4');
    expect(json.layers).toHaveLength(1);
    expect(json.layers[0].layer).toBe(1);
    expect(json.layers[0].heads.map((h) => h.head)).toEqual([4]);
    const model = await loadNodeModel(BUNDLED_MODEL_DIR, { transform: withAttentionOutputs(headMaskTransform(), { queriesAndKeys: true }) });
    const ids = buildPromptIds(model.tokenizer, PROMPT, model.spec, 0);
    const run = await runAttention(model.decoder, [ids], { layers: [1], queriesAndKeys: true });
    let worst = 0;
    json.layers[0].heads[0].weights.forEach((row, q) => {
      recomputeRow(run, model.spec, 0, 0, 4, q).forEach((w, k) => (worst = Math.max(worst, Math.abs(w - row[k]))));
    });
    expect(worst).toBeLessThan(1e-4);
  }, 60_000);

  it('--prune 1.4 leaves layers 0 and 1 as they were and changes layer 2', () => {
    const plain = attentionJson();
    const pruned = attentionJson('--prune', '1.4');
    const diff = (l: number) => Math.max(...plain.layers[l].heads.flatMap((h, i) => h.weights.flatMap((row, q) => row.map((v, k) => Math.abs(v - pruned.layers[l].heads[i].weights[q][k])))));
    expect(diff(0)).toBe(0);
    expect(diff(1)).toBe(0);
    expect(diff(2)).toBeGreaterThan(1e-3);
  }, 60_000);

  it('refuses a bad --layer or --head with exit 2', () => {
    const run = cli('attention', '--model', MODEL, '--prompt', PROMPT, '--layer', '6');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--layer must be an integer from 0 to 5, got "6"');
  }, 60_000);

  it('says "this export fuses attention; patterns are unavailable" for a GroupQueryAttention export that otherwise answers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'headlab-fused-'));
    mkdirSync(join(dir, 'onnx'));
    for (const f of ['tokenizer.json', 'tokenizer_config.json']) cpSync(join(BUNDLED_MODEL_DIR, f), join(dir, f));
    writeFileSync(join(dir, 'onnx', 'model.onnx'), buildFusedDecoder());
    writeFileSync(join(dir, 'config.json'), JSON.stringify(fusedConfig()));
    const run = cli('attention', '--model', dir, '--prompt', PROMPT, '--json');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(PATTERNS_UNAVAILABLE);
    // The same export answers: only its patterns are unavailable.
    expect(cli('generate', '--model', dir, '--prompt', PROMPT, '--max-new-tokens', '3').status).toBe(0);
  }, 60_000);
});
