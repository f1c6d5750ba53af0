/**
 * The grid coloured by a head role: each head's score on the role chosen in
 * "Colour by", scaled from the lowest to the highest head, with every role's
 * score in the cell's tooltip; and its legend. Coloured by anything else,
 * the grid's tooltips still end with every role's score once roles are scored.
 */
import { useMemo } from 'react';
import { HEAD_ROLES, ROLE_INFO } from '../../engine/attention/roleQueries';
import type { HeadRolesReport } from '../../engine/attention/headRoles';
import { useAttentionStore } from '../../store/attentionStore';
import type { HeatCell } from '../heads/HeadCell';
import { scoreColour } from '../heads/heatColour';

export interface RoleHeatmap {
  cells: HeatCell[];
  min: number;
  max: number;
}

/** The role colouring, or undefined when no role is chosen or no roles are scored. */
export function useRoleHeatmap(): RoleHeatmap | undefined {
  const role = useAttentionStore((s) => s.colourRole);
  const report = useAttentionStore((s) => s.roles.report);
  return useMemo(() => {
    if (!role || !report) return undefined;
    const scores = report.scores[role].map((s) => s ?? NaN);
    const finite = scores.filter(Number.isFinite);
    const [min, max] = finite.length ? [Math.min(...finite), Math.max(...finite)] : [0, 0];
    const cells = scores.map((s, i) => {
      const [l, h] = [Math.floor(i / report.numHeads), i % report.numHeads];
      const all = allRoles(report, i);
      return {
        colour: Number.isFinite(s) ? scoreColour(max > min ? (s - min) / (max - min) : 0) : '#e1e4ea',
        title: `layer ${l} head ${h}: ${ROLE_INFO[role].label} ${Number.isFinite(s) ? s.toFixed(3) : 'not measurable here'} (${ROLE_INFO[role].means}); all roles: ${all}`,
      };
    });
    return { cells, min, max };
  }, [role, report]);
}

/** Per head, "previous token 0.123, first token (sink) 0.045, ...": every role's score. */
function allRoles(report: HeadRolesReport, i: number): string {
  return HEAD_ROLES.map((r) => `${ROLE_INFO[r].label} ${report.scores[r][i]?.toFixed(3) ?? '–'}`).join(', ');
}

/**
 * `cells` (another colouring's) with every role's score added to each
 * tooltip, once roles are scored; the same array otherwise. Memoised, so
 * the grid's cells keep their objects while nothing changes.
 */
export function useCellsWithRoles(cells: HeatCell[] | undefined): HeatCell[] | undefined {
  const report = useAttentionStore((s) => s.roles.report);
  return useMemo(
    () => (report && cells ? cells.map((c, i) => c && { ...c, title: `${c.title}; head roles: ${allRoles(report, i)}` }) : cells),
    [report, cells],
  );
}

/** The role options of the grid's "Colour by" choice, once roles are scored. */
export function RoleOptions() {
  const scored = useAttentionStore((s) => s.roles.report !== undefined);
  if (!scored) return null;
  return (
    <>
      {HEAD_ROLES.map((r) => (
        <option key={r} value={`role:${r}`}>
          head role: {ROLE_INFO[r].label}
        </option>
      ))}
    </>
  );
}

export function RoleLegend({ heat }: { heat: RoleHeatmap }) {
  const role = useAttentionStore((s) => s.colourRole);
  if (!role) return null;
  return (
    <p className="legend" data-testid="role-legend">
      Colour: {ROLE_INFO[role].label}, the head’s mean {ROLE_INFO[role].means};{' '}
      <span className="swatch" style={{ background: scoreColour(0) }} /> {heat.min.toFixed(3)} (lowest head){' '}
      <span className="swatch" style={{ background: scoreColour(1) }} /> {heat.max.toFixed(3)} (highest head). Pruned heads are outlined.
    </p>
  );
}
