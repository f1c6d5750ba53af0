/**
 * The decoder's calls in a plain and a verified sweep of the bundled model,
 * split into reads (more than one token per row) and one-token steps, with
 * the cost per token: what bounds a verified sweep's speed-up.
 * usage: npx tsx bench/verifiedSteps.ts [--problems 40] [--batch 32]
 */
import { parseArgs } from 'node:util';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../src/node/loadNodeModel';
import { headMaskTransform } from '../src/engine/onnx/addHeadMask';
import { gradeAnswer } from '../src/engine/grading/gradeAnswer';
import { runSweep } from '../src/engine/sweep/runSweep';
import type { StepInput } from '../src/engine/model/decoderSession';
import { benchSweepFile } from './benchSweepFile';
import { machineDescription, report } from './benchTable';

const { values } = parseArgs({ options: { problems: { type: 'string', default: '40' }, batch: { type: 'string', default: '32' } } });
const model = await loadNodeModel(BUNDLED_MODEL_DIR, { transform: headMaskTransform() });
const base = benchSweepFile({ fingerprint: model.fingerprint, mode: 'generate', seed: 13, count: Number(values.problems) });
const batchRows = Number(values.batch);
const decoder = model.decoder;
const step = decoder.step.bind(decoder);
const tally = { readMs: 0, reads: 0, readTokens: 0, stepMs: 0, steps: 0, rowSteps: 0 };
decoder.step = async (input: StepInput) => {
  const t = performance.now();
  const out = await step(input);
  const ms = performance.now() - t;
  if (input.inputIds.length / input.batch > 1) [tally.readMs, tally.reads, tally.readTokens] = [tally.readMs + ms, tally.reads + 1, tally.readTokens + input.inputIds.length];
  else [tally.stepMs, tally.steps, tally.rowSteps] = [tally.stepMs + ms, tally.steps + 1, tally.rowSteps + input.batch];
  return out;
};
await runSweep(model, { ...base, problems: base.problems.slice(0, 1) }, { batchRows, grade: gradeAnswer }); // warm-up, opens the layer sessions
const rows = [];
for (const decode of ['plain', 'verified'] as const) {
  for (const k of Object.keys(tally) as (keyof typeof tally)[]) tally[k] = 0;
  const t = performance.now();
  await runSweep(model, base, { batchRows, grade: gradeAnswer, decode });
  const seconds = (performance.now() - t) / 1000;
  rows.push({
    sweep: decode, seconds: seconds.toFixed(2),
    'read calls': tally.reads, 'read tokens': tally.readTokens, 'read s': (tally.readMs / 1000).toFixed(2), 'ms per read token': (tally.readMs / tally.readTokens).toFixed(4),
    'step calls': tally.steps, 'row-steps': tally.rowSteps, 'step s': (tally.stepMs / 1000).toFixed(2), 'ms per row-step': (tally.stepMs / tally.rowSteps).toFixed(4),
  });
}
report({
  name: 'verified-steps',
  command: `npx tsx bench/verifiedSteps.ts --problems ${values.problems} --batch ${batchRows}`,
  machine: machineDescription(),
  date: new Date().toISOString(),
  rows,
  notes: [
    `${base.configs.length} configurations x ${base.problems.length} problems of seed 13; one run each`,
    "reads: DecoderSession.step calls with more than one token per row (prompts; a verified sweep's drafts' prompts and the re-reads of rows that decode on); the verification's own greedy reads are bench/verifiedProfile.ts's",
    'every token passes all 6 layers in these calls; a row-step is one row advanced one token',
  ],
});
