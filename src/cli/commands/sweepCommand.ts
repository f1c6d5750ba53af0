/**
 * `sweep`: every single-head pruning (or the listed heads) over a problem
 * set, saved to --out as cells finish; re-running with the same --out
 * resumes where it stopped.
 */
import { existsSync } from 'node:fs';
import { checkOutPath, writeWhole } from '../writeWhole';
import type { CliContext } from '../cliContext';
import { checkHeads, decodeArg, parseHeads, parseShard, positiveInt, required, UsageError } from '../args';
import { loadProblemsArg } from '../problemArgs';
import { gradeAnswer } from '../../engine/grading/gradeAnswer';
import { runSweep } from '../../engine/sweep/runSweep';
import { pendingCells, singleHeadConfigs, sweepProblemOf, SWEEP_SCHEMA, SWEEP_VERSION, type SweepCell, type SweepFile } from '../../engine/sweep/sweepSchema';
import { validateSweepFile } from '../../engine/sweep/validateSweep';
import { readJsonFile } from '../readJsonFile';
import { fittingProblems } from '../fittingProblems';
import { saveThrottle } from '../saveThrottle';
import { runTruncatedSweep, truncationSweepConfigs } from '../../engine/truncate/truncationSweep';
import { formatTruncation } from '../../engine/truncate/truncationSpec';
import { matricesArg, sweepFractions, truncationsArg } from '../truncateArgs';

function save(path: string, file: SweepFile): void {
  writeWhole(path, JSON.stringify(file));
}

export async function sweepCommand({ values, progress, loadModel }: CliContext): Promise<void> {
  const outPath = required(values.out, 'out');
  checkOutPath(outPath);
  const mode = values.mode ?? 'generate';
  if (mode !== 'generate' && mode !== 'logprob') throw new UsageError(`--mode must be generate or logprob, got "${mode}"`);
  const shard = parseShard(values.shard);
  const loaded = await loadProblemsArg(required(values.problems, 'problems'), progress);
  const truncate = truncationsArg(values.truncate);
  const fractions = sweepFractions(values['truncate-sweep']);
  const model = await loadModel(true);
  const { numLayers, numHeads } = model.spec;
  const maxNewTokens = positiveInt(values['max-new-tokens'], 'max-new-tokens', 64);
  const problems = fittingProblems(model, loaded, maxNewTokens, progress);
  const heads = !values.heads || values.heads === 'all' ? undefined : parseHeads(values.heads, 'heads');
  if (heads) checkHeads(heads, model.spec, 'heads');
  if (fractions && (heads || truncate.length)) throw new UsageError('--truncate-sweep runs truncations alone: it takes neither --heads nor --truncate');
  const scan = fractions ? truncationSweepConfigs(numLayers, fractions, matricesArg(values.matrices)) : undefined;
  const configs = scan?.configs ?? (heads ? [[], ...heads.map((h) => [h])] : singleHeadConfigs(numLayers, numHeads));
  // --truncate applies to every configuration: a head sweep of the truncated model.
  const truncations = scan?.truncations ?? (truncate.length ? configs.map(() => truncate.map(formatTruncation)) : undefined);

  let file: SweepFile = {
    schema: SWEEP_SCHEMA,
    version: SWEEP_VERSION,
    model: { name: values.model!, fingerprint: model.fingerprint, numLayers, numHeads },
    mode,
    maxNewTokens,
    problems: problems.map(sweepProblemOf),
    configs,
    ...(truncations ? { truncations } : {}),
    cells: [],
    ...(shard ? { shard } : {}),
  };
  if (existsSync(outPath)) {
    const saved = validateSweepFile(readJsonFile(outPath, '--out'), outPath);
    const { cells: _c, ...want } = file;
    const { cells, ...have } = saved;
    if (JSON.stringify(have) !== JSON.stringify(want)) {
      throw new UsageError(`${outPath} holds a different sweep (model, problems, heads, truncations, mode or shard); choose another --out`);
    }
    file = { ...file, cells };
    progress(`resuming: ${cells.length} cells already in ${outPath}\n`);
  }
  const total = pendingCells(file).length;
  const start = Date.now();
  const saveSoon = saveThrottle(() => save(outPath, file));
  const run = {
    batchRows: positiveInt(values.batch, 'batch', 32),
    decode: decodeArg(values.decode),
    grade: gradeAnswer,
    onCells: (cells: SweepCell[], done: number) => {
      file = { ...file, cells: [...file.cells, ...cells] };
      saveSoon();
      const rate = done / ((Date.now() - start) / 1000);
      progress(`\r${done}/${total} cells, ${rate.toFixed(1)} cells/s, ETA ${Math.round((total - done) / rate)} s   `);
    },
  };
  if (truncations) {
    // Every configuration's model is loaded with its own truncations; the plain one served for the spec and fingerprint.
    await model.decoder.session.release();
    file = await runTruncatedSweep(file, { ...run, load: (list) => loadModel(true, list) });
  } else file = await runSweep(model, file, run);
  save(outPath, file);
  progress(`\nwrote ${file.cells.length} cells to ${outPath}\n`);
}
