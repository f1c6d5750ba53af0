/** "Verify truncation": the engine's three proofs, run in this browser's worker on the loaded model's files. */
import { useTruncateStore } from '../../store/truncateStore';

export function TruncationCheck({ idle }: { idle: boolean }) {
  const check = useTruncateStore((s) => s.check);
  const verify = useTruncateStore((s) => s.verify);
  const pass = check.results?.every((r) => r.pass);
  return (
    <div>
      <button type="button" disabled={!idle || check.status === 'running'} onClick={() => void verify()}>Verify truncation</button>
      {check.status === 'running' && <span> checking…</span>}
      {check.status === 'error' && <p role="alert">{check.error}</p>}
      {check.results && (
        <table data-testid="truncation-check">
          <caption>
            {pass ? 'Truncation verified' : 'Truncation check FAILED'} on this model file,{' '}
            {check.of?.length ? `for what is applied: ${check.of.join(', ')}` : 'on a sample truncation (none is applied): the middle layer\'s MLP down projection'}
          </caption>
          <thead><tr><th>check</th><th>max |diff|</th><th>tolerance</th><th>result</th></tr></thead>
          <tbody>
            {check.results.map((r) => (
              <tr key={r.name}>
                <td>{r.name}{r.note ? ` (${r.note})` : ''}</td>
                <td>{r.maxAbsDiff.toExponential(2)}</td>
                <td>{r.tolerance.toExponential(1)}</td>
                <td>{r.pass ? 'pass' : 'FAIL'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
