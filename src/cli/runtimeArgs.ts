/** `--device cpu|webgpu` and `--threads N`: which onnxruntime-node runtime the CLI loads models on. */
import { positiveInt, UsageError } from './args';
import type { CliValues } from './cliContext';
import type { ModelRuntime } from '../engine/model/loadModel';
import { nodeRuntimeFor, type NodeDevice } from '../node/nodeRuntime';

const DEVICES: NodeDevice[] = ['cpu', 'webgpu'];

export function runtimeFromArgs(values: Pick<CliValues, 'device' | 'threads'>): ModelRuntime {
  const device = (values.device ?? 'cpu') as NodeDevice;
  if (!DEVICES.includes(device)) throw new UsageError(`--device takes cpu or webgpu, got "${values.device}"`);
  return nodeRuntimeFor({ device, threads: positiveInt(values.threads, 'threads', 1) });
}
