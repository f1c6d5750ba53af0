/** `eval`: greedy accuracy over a problem set, optionally with heads pruned. */
import type { CliContext } from '../cliContext';
import { checkHeads, parseHeads, positiveInt, required } from '../args';
import { loadProblemsArg } from '../problemArgs';
import { fittingProblems } from '../fittingProblems';
import { evaluateProblems } from '../../engine/runs/evaluateProblems';
import { maskFor } from '../../engine/sweep/sweepSchema';

export async function evalCommand({ values, out, progress, loadModel }: CliContext): Promise<void> {
  const loaded = await loadProblemsArg(required(values.problems, 'problems'), progress);
  const prune = parseHeads(values.prune);
  const model = await loadModel(prune.length > 0);
  checkHeads(prune, model.spec);
  const maxNewTokens = positiveInt(values['max-new-tokens'], 'max-new-tokens', 64);
  const problems = fittingProblems(model, loaded, maxNewTokens, progress);
  const report = await evaluateProblems(model, problems, {
    maxNewTokens,
    batch: positiveInt(values.batch, 'batch', 32),
    headMask: prune.length ? maskFor(prune, model.spec.numLayers, model.spec.numHeads) : undefined,
    onProgress: (done, total) => progress(`\r${done}/${total} problems`),
  });
  progress('\n');
  if (values.json) {
    const results = report.results.map(({ id, predicted, reference, correct }) => ({ id, predicted, reference, correct }));
    out(JSON.stringify({ accuracy: report.accuracy, n: report.n, byLevel: report.byLevel, byFamily: report.byFamily, pruned: prune, results }));
    return;
  }
  for (const [level, acc] of Object.entries(report.byLevel)) out(`level ${level}: ${(100 * acc.accuracy).toFixed(1)}% of ${acc.n}`);
  for (const [family, acc] of Object.entries(report.byFamily)) out(`family ${family}: ${(100 * acc.accuracy).toFixed(1)}% of ${acc.n}`);
  out(`accuracy: ${(100 * report.accuracy).toFixed(1)}% of ${report.n}`);
}
