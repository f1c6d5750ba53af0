/**
 * "Verify head masking": runs the proof (engine/check) on the loaded
 * model, shows each check's largest logit difference against its
 * tolerance, and says when this model file passed before.
 */
import { useCanStart } from '../../store/busy';
import { rememberedPass, useHeadCheckStore } from '../../store/headCheckStore';
import { useModelStore } from '../../store/modelStore';

function diff(value: number | null): string {
  return value === null || !Number.isFinite(value) ? 'n/a' : value === 0 ? '0' : value.toExponential(2);
}

export function HeadCheck() {
  const info = useModelStore((s) => s.info);
  const { status, report, error, run } = useHeadCheckStore();
  useHeadCheckStore((s) => s.remembered);
  const canStart = useCanStart();
  if (!info) return null;
  const pass = rememberedPass(info.fingerprint);
  const shown = report?.fingerprint === info.fingerprint ? report : undefined;
  return (
    <div className="head-check">
      <button type="button" onClick={() => void run()} disabled={!canStart || status === 'running'}>
        Verify head masking
      </button>
      {status === 'running' && <span role="status"> Verifying: the unmodified model is opened again for each check head…</span>}
      <p data-testid="head-check-remembered">
        {pass
          ? `Head masking verified on this model file (${pass.dtype}) on ${new Date(pass.at).toLocaleString()}.`
          : 'Head masking not yet verified on this model file.'}
      </p>
      {error && (
        <p role="alert" className="error">
          The check could not run: {error}
        </p>
      )}
      {shown && (
        <table data-testid="head-check-results">
          <caption>{shown.pass ? 'Head masking verified' : 'Head masking NOT verified'}: largest logit difference on one prompt</caption>
          <thead>
            <tr>
              <th>check</th>
              <th>max |diff|</th>
              <th>tolerance</th>
              <th>result</th>
            </tr>
          </thead>
          <tbody>
            {shown.checks.map((c) => (
              <tr key={c.name} title={c.note}>
                <td>{c.name}</td>
                <td>{diff(c.maxAbsDiff)}</td>
                <td>{c.tolerance}</td>
                <td>{c.pass ? 'pass' : 'FAIL'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
