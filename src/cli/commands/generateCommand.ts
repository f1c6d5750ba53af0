/** `generate`: one prompt, optionally with heads pruned; JSON {"text","tokens"} with --json. */
import type { CliContext } from '../cliContext';
import { checkHeads, parseHeads, positiveInt, required } from '../args';
import { solveQuestions } from '../../engine/model/solve';
import { maskFor } from '../../engine/sweep/sweepSchema';

export async function generateCommand({ values, out, loadModel }: CliContext): Promise<void> {
  const prompt = required(values.prompt, 'prompt');
  const prune = parseHeads(values.prune);
  const maxNewTokens = positiveInt(values['max-new-tokens'], 'max-new-tokens', 64);
  const model = await loadModel(prune.length > 0);
  checkHeads(prune, model.spec);
  const headMask = prune.length ? maskFor(prune, model.spec.numLayers, model.spec.numHeads) : undefined;
  const [solution] = await solveQuestions(model, [prompt], { maxNewTokens, headMask });
  out(values.json ? JSON.stringify({ text: solution.text, tokens: solution.tokens }) : solution.text);
}
