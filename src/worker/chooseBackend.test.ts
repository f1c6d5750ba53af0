import { describe, expect, it } from 'vitest';
import { chooseBackend, describeAdapter, type GpuAdapterLike } from './chooseBackend';

const gpuWith = (adapter: GpuAdapterLike | null) => ({ requestAdapter: async () => adapter });
const swiftshader: GpuAdapterLike = { info: { vendor: 'google', architecture: 'swiftshader', description: '' } };
const hardware: GpuAdapterLike = { info: { vendor: 'nvidia', architecture: 'ada', description: 'NVIDIA GeForce RTX 4070' }, features: new Set(['shader-f16']) };

describe('chooseBackend', () => {
  it('Auto takes a hardware adapter, with its name', async () => {
    expect(await chooseBackend('auto', gpuWith(hardware))).toEqual({ backend: 'webgpu', reason: 'WebGPU adapter found (nvidia ada NVIDIA GeForce RTX 4070)', shaderF16: true });
  });

  it('Auto prefers WASM over a software adapter, named by info or by the fallback flag', async () => {
    const bySwiftShader = await chooseBackend('auto', gpuWith(swiftshader));
    expect(bySwiftShader.backend).toBe('wasm');
    expect(bySwiftShader.reason).toContain('renders in software (google swiftshader)');
    for (const adapter of [{ ...hardware, isFallbackAdapter: true }, { info: { ...hardware.info, isFallbackAdapter: true } }, { info: { vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' } }]) {
      expect((await chooseBackend('auto', gpuWith(adapter))).backend).toBe('wasm');
    }
  });

  it('an explicit WebGPU choice is honoured on a software adapter, and the slowness said', async () => {
    const d = await chooseBackend('webgpu', gpuWith(swiftshader));
    expect(d).toEqual({ backend: 'webgpu', reason: 'WebGPU was chosen (google swiftshader, a software adapter: expect it to be slow)', shaderF16: false });
  });

  it('says why WebGPU could not be had', async () => {
    expect((await chooseBackend('auto', undefined)).reason).toBe('this browser has no WebGPU (navigator.gpu is missing), so WASM is used');
    expect((await chooseBackend('webgpu', gpuWith(null))).reason).toBe('WebGPU was chosen, but WebGPU is present but offers no GPU adapter, so WASM is used');
    const failing = { requestAdapter: async () => Promise.reject(new Error('blocked')) };
    expect(await chooseBackend('auto', failing)).toEqual({ backend: 'wasm', reason: 'the WebGPU adapter request failed (blocked), so WASM is used' });
    expect(await chooseBackend('wasm', gpuWith(hardware))).toEqual({ backend: 'wasm', reason: 'WASM was chosen' });
  });

  it('names an adapter that reports nothing', () => {
    expect(describeAdapter({})).toEqual({ name: 'unnamed adapter', software: false });
  });
});
