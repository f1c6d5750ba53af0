/**
 * One text cell of a CSV export, quoted as RFC 4180 has it (inner quotes
 * doubled), so every CSV the engine writes quotes text the same way.
 */
export function csvText(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
