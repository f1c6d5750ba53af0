/** A stand-in written by `npm run standin`, published as a model folder of a build, for the browser benches. */
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onnxFileFor, type ModelDtype } from '../src/engine/model/modelFiles';

/**
 * The stand-in in `dir` as `<outDir>/models/<id>`, config.json naming the dtype (a folder load takes
 * config's dtype); the weights are hard-linked: Playwright cannot fulfil a route with hundreds of megabytes.
 */
export function publishStandin(dir: string, dtype: ModelDtype, id: string, outDir: string): void {
  const target = join(outDir, 'models', id);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(join(target, 'onnx'), { recursive: true });
  for (const f of ['generation_config.json', 'tokenizer.json', 'tokenizer_config.json']) copyFileSync(join(dir, f), join(target, f));
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
  writeFileSync(join(target, 'config.json'), JSON.stringify({ ...config, 'transformers.js_config': { ...config['transformers.js_config'], dtype } }));
  const onnx = onnxFileFor(dtype);
  for (const f of [onnx, `${onnx}_data`]) if (existsSync(join(dir, f))) linkSync(join(dir, f), join(target, f));
}
