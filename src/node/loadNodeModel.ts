/**
 * Node glue for the CLI, tests and benchmarks: a model folder on disk,
 * opened with onnxruntime-node (CPU). The Node counterpart of the worker.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { ModelFileError } from '../engine/model/errors';
import { loadDecoderModel, type LoadedModel, type LoadOptions } from '../engine/model/loadModel';
import { nodeRuntime } from './nodeRuntime';

export const BUNDLED_MODEL_DIR = fileURLToPath(new URL('../../public/models/headlab-math-6x8', import.meta.url));

/** Loads the model folder `dir` (Hub layout: config.json, tokenizer.json, onnx/model.onnx). */
export async function loadNodeModel(dir: string, options: LoadOptions = {}): Promise<LoadedModel> {
  const root = resolve(dir);
  const files = {
    async bytes(name: string) {
      try {
        return new Uint8Array(await readFile(join(root, name)));
      } catch (err) {
        throw new ModelFileError(name, (err as NodeJS.ErrnoException).code === 'ENOENT' ? `not found in ${root}` : (err as Error).message);
      }
    },
    async optionalText(name: string) {
      try {
        return await readFile(join(root, name), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new ModelFileError(name, (err as Error).message);
      }
    },
  };
  return loadDecoderModel(
    files,
    () => {
      env.allowRemoteModels = false;
      env.allowLocalModels = true;
      env.localModelPath = dirname(root) + '/';
      return AutoTokenizer.from_pretrained(basename(root));
    },
    nodeRuntime,
    options,
  );
}
