/**
 * `sweep`: every single-head pruning (or the listed heads) over a problem
 * set, saved to --out as cells finish; re-running with the same --out
 * resumes where it stopped.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { CliContext } from '../cliContext';
import { checkHeads, parseHeads, parseShard, positiveInt, required, UsageError } from '../args';
import { loadProblemsArg } from '../problemArgs';
import { gradeAnswer } from '../../engine/grading/gradeAnswer';
import { runSweep } from '../../engine/sweep/runSweep';
import { pendingCells, singleHeadConfigs, SWEEP_SCHEMA, SWEEP_VERSION, validateSweepFile, type SweepFile } from '../../engine/sweep/sweepSchema';

function save(path: string, file: SweepFile): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(file));
  renameSync(`${path}.tmp`, path);
}

export async function sweepCommand({ values, progress, loadModel }: CliContext): Promise<void> {
  const outPath = required(values.out, 'out');
  const mode = values.mode ?? 'generate';
  if (mode !== 'generate' && mode !== 'logprob') throw new UsageError(`--mode must be generate or logprob, got "${mode}"`);
  const shard = parseShard(values.shard);
  const problems = await loadProblemsArg(required(values.problems, 'problems'), progress);
  const model = await loadModel(true);
  const { numLayers, numHeads } = model.spec;
  const heads = !values.heads || values.heads === 'all' ? undefined : parseHeads(values.heads, 'heads');
  if (heads) checkHeads(heads, model.spec, 'heads');
  const configs = heads ? [[], ...heads.map((h) => [h])] : singleHeadConfigs(numLayers, numHeads);

  let file: SweepFile = {
    schema: SWEEP_SCHEMA,
    version: SWEEP_VERSION,
    model: { name: values.model!, fingerprint: model.fingerprint, numLayers, numHeads },
    mode,
    maxNewTokens: positiveInt(values['max-new-tokens'], 'max-new-tokens', 64),
    problems: problems.map(({ id, question, reference, solution }) => ({ id, question, reference, ...(solution ? { solution } : {}) })),
    configs,
    cells: [],
    ...(shard ? { shard } : {}),
  };
  if (existsSync(outPath)) {
    const saved = validateSweepFile(JSON.parse(readFileSync(outPath, 'utf8')), outPath);
    const { cells: _c, ...want } = file;
    const { cells, ...have } = saved;
    if (JSON.stringify(have) !== JSON.stringify(want)) {
      throw new UsageError(`${outPath} holds a different sweep (model, problems, heads, mode or shard); choose another --out`);
    }
    file = { ...file, cells };
    progress(`resuming: ${cells.length} cells already in ${outPath}\n`);
  }
  const total = pendingCells(file).length;
  const start = Date.now();
  file = await runSweep(model, file, {
    batchRows: positiveInt(values.batch, 'batch', 32),
    grade: gradeAnswer,
    onCells: (cells, done) => {
      file = { ...file, cells: [...file.cells, ...cells] };
      save(outPath, file);
      const rate = done / ((Date.now() - start) / 1000);
      progress(`\r${done}/${total} cells, ${rate.toFixed(1)} cells/s, ETA ${Math.round((total - done) / rate)} s   `);
    },
  });
  save(outPath, file);
  progress(`\nwrote ${file.cells.length} cells to ${outPath}\n`);
}
