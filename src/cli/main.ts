/**
 * Headless HeadLab over the same engine as the app, on onnxruntime-node.
 *   npm run cli -- generate --model M --prompt TEXT [--prune L.H,...] [--max-new-tokens N] [--json]
 *   npm run cli -- eval --model M --problems P [--prune L.H,...] [--batch N] [--json]
 *   npm run cli -- sweep --model M --problems P [--mode generate|logprob] [--heads all|L.H,...] [--shard i/n] [--decode verified|groups|reread|plain] --out FILE
 *   npm run cli -- merge A.json B.json ... --out FILE
 * generate/eval/sweep: [--truncate L.MATRIX:KEEP,...]; sweep: [--truncate-sweep F,...]
 * M: a model folder, an http(s) base URL or a Hub id. P: synthetic:COUNT:SEED[:LEVEL], mix:COUNT:SEED[:LEVEL],
 * hub:gsm8k|math500:COUNT[:OFFSET] or a JSONL file.
 * Progress goes to stderr; results to stdout or --out.
 */
import { parseArgs } from 'node:util';
import { downloadProgress } from './downloadProgress';
import { UsageError } from './args';
import type { CliContext } from './cliContext';
import { evalCommand } from './commands/evalCommand';
import { generateCommand } from './commands/generateCommand';
import { mergeCommand } from './commands/mergeCommand';
import { sweepCommand } from './commands/sweepCommand';
import { sprintCommand } from './commands/sprintCommand';
import { attentionCommand } from './commands/attentionCommand';
import { checkCommand } from './commands/checkCommand';
import { loadNodeSource } from '../node/loadNodeSource';
import { headMaskTransform } from '../engine/onnx/addHeadMask';
import { runtimeFromArgs } from './runtimeArgs';
import { PROBLEMS_FORMS } from './problemArgs';
import { truncationLoadOptions, truncationsArg } from './truncateArgs';

const USAGE = `usage: npm run cli -- generate --model M --prompt TEXT [--prune L.H,...] [--max-new-tokens N] [--json]
       npm run cli -- eval --model M --problems P [--prune L.H,...] [--batch N] [--max-new-tokens N] [--json]
       npm run cli -- sweep --model M --problems P [--mode generate|logprob] [--heads all|L.H,...] [--shard i/n] [--batch N] [--decode verified|groups|reread|plain] --out FILE
       npm run cli -- merge A.json B.json ... --out FILE
       npm run cli -- check --model M [--dtype fp32|fp16|q4f16|...] [--json]
       npm run cli -- attention --model M --prompt TEXT [--prune L.H,...] [--layer L] [--head H] [--json]
       npm run cli -- sprint train --model M --sweep SWEEP.json --out SELECTOR.json [--train-fraction 0.8] [--seed S] [--epochs E] [--temperature T] [--k K] [--encoder mean-final-hidden|minilm]
       npm run cli -- sprint eval --model M --selector SELECTOR.json --problems P [--n 16] [--decode verified|groups|reread|plain] [--out REPORT.json] [--json]
  M: model folder, http(s) base URL, or Hugging Face Hub id
  P: ${PROBLEMS_FORMS}
     (synthetic LEVEL 1 to 4; mix: eight question families, LEVEL 1 to 3)
  L.H: 0-based layer and head
  generate, eval and sweep take --truncate L.MATRIX:KEEP[:bottom],... (MATRIX attn.q|k|v|o, mlp.gate|up|down; KEEP a fraction or rN):
  each matrix replaced by its top singular components; sweep --truncate-sweep 0.5,0.1 [--matrices attn.o,mlp.down] runs every layer x matrix at each fraction
  sweep and sprint eval --decode plain decode every pruned answer token by token; the default, verified, checks each against
  the unpruned answer in one teacher-forced pass and decodes on only where it differs, from that pass's cache in one batch
  that rows join as others end; groups decodes on from the cache in fixed groups; reread reads prompt and prefix again to
  decode on (all four give the same answers)
  Every command that loads a model also takes --device cpu|webgpu (default cpu; webgpu runs on a GPU over Vulkan)
  and --threads N (CPU intra-op threads, default 1)`;

const COMMANDS: Record<string, (ctx: CliContext) => Promise<void>> = {
  generate: generateCommand,
  eval: evalCommand,
  sweep: sweepCommand,
  merge: mergeCommand,
  sprint: sprintCommand,
  attention: attentionCommand,
  check: checkCommand,
};

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const run = command ? COMMANDS[command] : undefined;
  if (!run) throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: command === 'merge' || command === 'sprint',
    options: {
      model: { type: 'string' },
      prompt: { type: 'string' },
      problems: { type: 'string' },
      prune: { type: 'string' },
      heads: { type: 'string' },
      mode: { type: 'string' },
      shard: { type: 'string' },
      out: { type: 'string' },
      batch: { type: 'string' },
      decode: { type: 'string' },
      'max-new-tokens': { type: 'string' },
      json: { type: 'boolean', default: false },
      sweep: { type: 'string' },
      selector: { type: 'string' },
      seed: { type: 'string' },
      epochs: { type: 'string' },
      n: { type: 'string' },
      'train-fraction': { type: 'string' },
      encoder: { type: 'string' },
      temperature: { type: 'string' },
      k: { type: 'string' },
      layer: { type: 'string' },
      head: { type: 'string' },
      device: { type: 'string' },
      threads: { type: 'string' },
      dtype: { type: 'string' },
      truncate: { type: 'string' },
      'truncate-sweep': { type: 'string' },
      matrices: { type: 'string' },
    },
  });
  await run({
    values,
    positionals,
    out: (line) => process.stdout.write(line + '\n'),
    progress: (text) => process.stderr.write(text),
    loadModel: (withHeadMask, truncations = truncationsArg(values.truncate)) => {
      if (!values.model) throw new UsageError('--model is required');
      const options = { ...(withHeadMask ? { transform: headMaskTransform({ hiddenStateOutput: true }) } : {}), ...truncationLoadOptions(truncations) };
      return loadNodeSource(values.model, options, downloadProgress((text) => process.stderr.write(text)), runtimeFromArgs(values));
    },
  });
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const e = err as Error & { code?: string };
  const usage = e instanceof UsageError || e.code?.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`cli: ${e.message}\n${usage ? USAGE + '\n' : ''}`);
  process.exit(usage ? 2 : 1);
});
