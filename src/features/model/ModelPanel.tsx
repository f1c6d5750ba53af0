/** The bundled models to choose from, which model is loaded, its grid, its size, and the backend with the reason for it. */
import { useModelStore } from '../../store/modelStore';
import { ModelPicker } from './ModelPicker';
import { BundledModelList } from './BundledModelList';
import { LoadStage } from './LoadStage';
import { HeadCheck } from './HeadCheck';
import { sourceName } from '../../engine/model/modelSource';
import { useTruncateStore } from '../../store/truncateStore';

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

export function ModelPanel() {
  const { status, info, error, files, loading } = useModelStore();
  const truncated = useTruncateStore((s) => s.active);
  return (
    <section className="panel" aria-labelledby="model-heading">
      <h2 id="model-heading">Model</h2>
      <BundledModelList />
      <ModelPicker />
      {status === 'loading' && (
        <div role="status">
          Loading {loading ? sourceName(loading) : 'model'}…{info ? ` ${info.name} stays in use until it is ready.` : ''}
          <ul className="files">
            {Object.entries(files).map(([file, p]) => (
              <li key={file}>
                {file}: {p.status}
                {p.progress !== undefined ? ` ${Math.round(p.progress)}%` : ''}
              </li>
            ))}
          </ul>
          <LoadStage />
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {info && (
        <dl className="facts">
          <dt>Model</dt>
          <dd data-testid="model-name">{info.name}</dd>
          <dt>Grid</dt>
          <dd data-testid="model-grid">
            {info.spec.numLayers} layers × {info.spec.numHeads} heads
          </dd>
          <dt>Backend</dt>
          <dd data-testid="backend">{info.backend === 'webgpu' ? 'WebGPU' : 'WASM'}</dd>
          <dt>Why</dt>
          <dd data-testid="backend-reason">{info.backendReason}</dd>
          <dt>WASM threads</dt>
          <dd data-testid="threads">
            {info.threads}: {info.threadsReason}
          </dd>
          <dt>Weights</dt>
          <dd>
            {info.dtype}, {megabytes(info.onnxBytes)}
          </dd>
          <dt>Truncation</dt>
          <dd data-testid="model-truncation" className={truncated.length ? 'warning' : undefined}>
            {truncated.length ? `${truncated.join(', ')}: every answer in this tab runs on these truncated weights until the truncation is cleared` : 'none'}
          </dd>
        </dl>
      )}
      <HeadCheck />
    </section>
  );
}
