/**
 * The models shipped with the app, by name, each with the one line that
 * says what it is for. Choosing one loads it through the usual bundled
 * path; the URL follows from the model store.
 */
import { BUNDLED_MODELS } from '../../engine/model/bundledModels';
import { useModelStore } from '../../store/modelStore';

export function BundledModelList() {
  const { load, status, backend, source, info } = useModelStore();
  const busy = status === 'loading';
  // The loaded model's source; before the first load finishes nothing is "in use" yet.
  const inUse = info && source?.kind === 'bundled' ? source.name : undefined;
  return (
    <ul className="bundled-models" aria-label="Bundled models">
      {BUNDLED_MODELS.map((m) => (
        <li key={m.name} data-testid={`bundled-${m.name}`}>
          <button type="button" disabled={busy || inUse === m.name} onClick={() => void load({ kind: 'bundled', name: m.name }, backend)}>
            Load {m.name}
          </button>{' '}
          <strong>{m.name}</strong>
          {inUse === m.name ? ' (in use)' : ''}: <span className="meta">{m.purpose}</span>
        </li>
      ))}
    </ul>
  );
}
