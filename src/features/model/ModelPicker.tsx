/** Load a model from the Hugging Face Hub (with a dtype), and choose the backend; the bundled models are listed beside it. */
import { useState } from 'react';
import { MODEL_DTYPES, type ModelDtype } from '../../engine/model/modelFiles';
import { reloadWithThreads, useModelStore } from '../../store/modelStore';
import { useBusyWith } from '../../store/busy';
import type { BackendChoice } from '../../worker/protocol';

/** Suggestions for the Hub field. Not verified from this project's machines, which have no network. */
export const SUGGESTED_HUB_MODELS = [
  'HuggingFaceTB/SmolLM2-135M-Instruct',
  'onnx-community/Qwen2.5-0.5B-Instruct',
  'onnx-community/Qwen2.5-Math-1.5B-Instruct',
  'onnx-community/Qwen3-0.6B-ONNX',
  'onnx-community/Llama-3.2-1B-Instruct',
];

export function ModelPicker() {
  const { load, status, backend, setBackend, threads } = useModelStore();
  const working = useBusyWith() !== undefined;
  const [id, setId] = useState('');
  const [dtype, setDtype] = useState<ModelDtype | ''>('');
  const busy = status === 'loading';

  return (
    <form
      className="buttons"
      onSubmit={(e) => {
        e.preventDefault();
        if (id.trim()) void load({ kind: 'hub', id: id.trim(), dtype: dtype || undefined }, backend);
      }}
    >
      <label>
        Hub model id <input type="text" list="hub-models" value={id} onChange={(e) => setId(e.target.value)} size={36} placeholder="owner/name" />
      </label>
      <datalist id="hub-models">
        {SUGGESTED_HUB_MODELS.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
      <label>
        Weights{' '}
        <select value={dtype} onChange={(e) => setDtype(e.target.value as ModelDtype | '')}>
          <option value="">as the repo says</option>
          {MODEL_DTYPES.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy || !id.trim()}>
        Load from Hub
      </button>
      <label>
        Backend{' '}
        <select value={backend} disabled={busy} onChange={(e) => void setBackend(e.target.value as BackendChoice)}>
          <option value="auto">Auto (WebGPU on a hardware GPU, else WASM)</option>
          <option value="webgpu">WebGPU</option>
          <option value="wasm">WASM</option>
        </select>
      </label>
      <label>
        Threads{' '}
        <select value={String(threads)} disabled={working} onChange={(e) => reloadWithThreads(e.target.value === 'auto' ? 'auto' : Number(e.target.value))}>
          <option value="auto">Auto (by the model&apos;s size)</option>
          {[1, 2, 4, 8].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
