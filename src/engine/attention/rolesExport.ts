/**
 * Head roles as files: JSON (the report with its schema name) and CSV (one
 * row per head, one column per role, empty where the data had no query).
 */
import { HEAD_ROLES, ROLE_INFO } from './roleQueries';
import type { HeadRolesReport } from './headRoles';

/** The report as a JSON document, tagged with the model it was measured on. */
export function rolesJson(report: HeadRolesReport, model: { name: string; fingerprint: string }): string {
  return JSON.stringify({ schema: 'headlab-head-roles', version: 1, model, ...report }, null, 2);
}

/** layer,head,previous_token,first_token,same_token,number_copying,induction: one line per head. */
export function rolesCsv(report: HeadRolesReport): string {
  const lines = [['layer', 'head', ...HEAD_ROLES.map((r) => ROLE_INFO[r].csv)].join(',')];
  for (let l = 0; l < report.numLayers; l++) {
    for (let h = 0; h < report.numHeads; h++) {
      const cells = HEAD_ROLES.map((r) => report.scores[r][l * report.numHeads + h]);
      lines.push([l, h, ...cells.map((v) => (v === null ? '' : v.toFixed(6)))].join(','));
    }
  }
  return lines.join('\n') + '\n';
}
