/**
 * Head roles over the loaded problem set: a button that scores every head,
 * the strongest heads per role, JSON and CSV exports. The grid's "Colour
 * by" choice then offers each role (roleHeatmap.ts).
 */
import { HEAD_ROLES, ROLE_INFO } from '../../engine/attention/roleQueries';
import { rolesCsv, rolesJson } from '../../engine/attention/rolesExport';
import type { HeadRolesReport } from '../../engine/attention/headRoles';
import { useAttentionStore } from '../../store/attentionStore';
import { useCanStart } from '../../store/busy';
import { useModelStore } from '../../store/modelStore';
import { useRunsStore } from '../../store/runsStore';
import { downloadText } from '../export/downloadText';

/** The three heads scoring highest on `role`, as "L.H score". */
function strongest(report: HeadRolesReport, role: (typeof HEAD_ROLES)[number]): string {
  const scores = report.scores[role];
  if (scores.every((s) => s === null)) return 'no token in this data counts for it';
  return scores
    .map((s, i) => ({ s: s ?? 0, i }))
    .sort((a, b) => b.s - a.s)
    .slice(0, 3)
    .map(({ s, i }) => `layer ${Math.floor(i / report.numHeads)} head ${i % report.numHeads} (${s.toFixed(3)})`)
    .join(', ');
}

export function RolesSection() {
  const roles = useAttentionStore((s) => s.roles);
  const canStart = useCanStart();
  const problems = useRunsStore((s) => s.problems);
  const label = useRunsStore((s) => s.sourceLabel);
  const info = useModelStore((s) => s.info);
  const { report } = roles;
  const name = info?.name.replace(/[^\w.-]+/g, '-') ?? 'model';

  return (
    <div data-testid="head-roles">
      <h3>Head roles</h3>
      <p className="meta">
        Each head’s mean attention weight on what a role looks at, over every problem’s question and reference solution (read, not generated), from the
        problem set in “Compare on a problem set”: {label}.
      </p>
      <div className="buttons">
        <button type="button" disabled={!canStart || problems.length === 0} onClick={() => void useAttentionStore.getState().scoreRoles(problems, label)}>
          Score head roles
        </button>
        {roles.status === 'running' && (
          <button type="button" onClick={() => useAttentionStore.getState().cancelRoles()}>
            Cancel scoring
          </button>
        )}
        {report && info && (
          <>
            <button type="button" onClick={() => downloadText(`headlab-roles-${name}.json`, rolesJson(report, info), 'application/json')}>
              Export roles as JSON
            </button>
            <button type="button" onClick={() => downloadText(`headlab-roles-${name}.csv`, rolesCsv(report), 'text/csv')}>
              Export roles as CSV
            </button>
          </>
        )}
      </div>
      {roles.status === 'running' && (
        <p className="meta" role="status">
          Scoring: {roles.done} of {roles.total} problems read…
        </p>
      )}
      {roles.status === 'error' && (
        <p role="alert" className="error">
          {roles.error}
        </p>
      )}
      {report && (
        <>
          <p className="meta" data-testid="roles-summary">
            Scored over {report.problems} problems ({roles.ranOn}). Colour the grid by a role with its “Colour by” choice.
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">role</th>
                <th scope="col">what it measures</th>
                <th scope="col">strongest heads</th>
              </tr>
            </thead>
            <tbody>
              {HEAD_ROLES.map((r) => (
                <tr key={r}>
                  <th scope="row">{ROLE_INFO[r].label}</th>
                  <td>{ROLE_INFO[r].means}</td>
                  <td data-testid={`role-strongest-${r}`}>{strongest(report, r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
