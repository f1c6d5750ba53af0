/**
 * Which backend a model loads on, decided before any session exists, with
 * the reason in words. Auto prefers WebGPU only on a hardware adapter: a
 * software one (SwiftShader, llvmpipe, WARP) runs this app about 50 times
 * slower than WASM (bench/README.md), so Auto takes WASM and says why.
 */
import type { Backend, BackendChoice } from './protocol';

export interface BackendDecision {
  backend: Backend;
  reason: string;
  /** WebGPU only: whether the adapter can run float16 shaders (fp16, q4f16 models). */
  shaderF16?: boolean;
}

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
  device?: string;
  isFallbackAdapter?: boolean;
}

/** The parts of a GPUAdapter read here (older browsers put isFallbackAdapter on the adapter itself). */
export interface GpuAdapterLike {
  info?: AdapterInfoLike;
  isFallbackAdapter?: boolean;
  features?: { has(name: string): boolean };
}

export interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

const SOFTWARE_ADAPTER = /swiftshader|llvmpipe|lavapipe|softpipe|software|microsoft basic render|\bwarp\b/i;

/** The adapter's name in words, and whether it renders in software (a fallback adapter or a known CPU rasteriser). */
export function describeAdapter(adapter: GpuAdapterLike): { name: string; software: boolean } {
  const info = adapter.info ?? {};
  const name = [info.vendor, info.architecture, info.description || info.device].filter(Boolean).join(' ') || 'unnamed adapter';
  const software = adapter.isFallbackAdapter === true || info.isFallbackAdapter === true || SOFTWARE_ADAPTER.test(name);
  return { name, software };
}

/**
 * Decides the backend for `choice`. `gpu` is navigator.gpu (undefined where
 * the browser has no WebGPU). An explicit WebGPU choice is honoured even on a
 * software adapter; Auto is not.
 */
export async function chooseBackend(choice: BackendChoice, gpu: GpuLike | undefined): Promise<BackendDecision> {
  if (choice === 'wasm') return { backend: 'wasm', reason: 'WASM was chosen' };
  const fallback = choice === 'webgpu' ? 'WebGPU was chosen, but ' : '';
  if (!gpu) return { backend: 'wasm', reason: `${fallback}this browser has no WebGPU (navigator.gpu is missing), so WASM is used` };
  let adapter: GpuAdapterLike | null;
  try {
    adapter = await gpu.requestAdapter();
  } catch (err) {
    return { backend: 'wasm', reason: `${fallback}the WebGPU adapter request failed (${(err as Error).message}), so WASM is used` };
  }
  if (!adapter) return { backend: 'wasm', reason: `${fallback}WebGPU is present but offers no GPU adapter, so WASM is used` };
  const { name, software } = describeAdapter(adapter);
  const shaderF16 = adapter.features?.has('shader-f16') ?? false;
  if (software && choice === 'auto') {
    return { backend: 'wasm', reason: `the only WebGPU adapter renders in software (${name}), which is far slower than WASM here; choose WebGPU to use it anyway` };
  }
  if (choice === 'webgpu') {
    return { backend: 'webgpu', reason: `WebGPU was chosen (${name}${software ? ', a software adapter: expect it to be slow' : ''})`, shaderF16 };
  }
  return { backend: 'webgpu', reason: `WebGPU adapter found (${name})`, shaderF16 };
}
