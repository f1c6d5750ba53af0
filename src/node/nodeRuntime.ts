/**
 * onnxruntime-node as the engine's ModelRuntime: the CLI, tests and
 * benchmarks use it, on the CPU or on a GPU through the WebGPU execution
 * provider that onnxruntime-node bundles for Linux x64 (Dawn over Vulkan:
 * no CUDA download, any GPU with a Vulkan driver).
 */
import * as ort from 'onnxruntime-node';
import type { ModelRuntime } from '../engine/model/loadModel';

export type NodeDevice = 'cpu' | 'webgpu';

export interface NodeRuntimeOptions {
  device?: NodeDevice;
  /**
   * Intra-op threads (CPU). Default 1: for models this small the default pool
   * (one spinning thread per core) loses. Measured on the 2-core dev machine,
   * a sweep cell by cell took 2-4x longer with it, and batched sweeps were no
   * faster, as the spinning threads compete with the JS thread; see bench/README.md
   * for when raising it pays (real-size models on many cores).
   */
  threads?: number;
}

/** No WebGPU adapter: what is missing and how to point Vulkan at a driver. */
export class NoGpuAdapterError extends Error {
  constructor(detail: string) {
    super(
      `--device webgpu: onnxruntime-node found no WebGPU adapter (${detail}). It runs WebGPU over Vulkan, so it needs the Vulkan loader ` +
        `(libvulkan.so.1; Debian: apt-get install libvulkan1) and a Vulkan driver for the GPU (NVIDIA's driver, or mesa-vulkan-drivers). ` +
        `To choose a driver, set VK_ICD_FILENAMES to its ICD file, e.g. VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json ` +
        `for Chromium's SwiftShader (software: slow, but it runs anywhere).`,
    );
    this.name = 'NoGpuAdapterError';
  }
}

/** A runtime whose sessions run on `device` with `threads` intra-op threads. */
export function nodeRuntimeFor({ device = 'cpu', threads = 1 }: NodeRuntimeOptions = {}): ModelRuntime {
  const options: ort.InferenceSession.SessionOptions = { executionProviders: [device], intraOpNumThreads: threads };
  return {
    Tensor: ort.Tensor,
    async createSession(bytes, externalData) {
      try {
        return await ort.InferenceSession.create(bytes, { ...options, externalData });
      } catch (err) {
        const message = (err as Error).message ?? String(err);
        if (device === 'webgpu' && /adapter|vulkan/i.test(message)) throw new NoGpuAdapterError(message.split('\n')[0].replace(/^.*?Failed to get/, 'failed to get'));
        throw err;
      }
    },
  };
}

/** The CPU runtime with one intra-op thread. */
export const nodeRuntime: ModelRuntime = nodeRuntimeFor();
