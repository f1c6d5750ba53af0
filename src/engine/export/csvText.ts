/**
 * One text cell of a CSV export, quoted as RFC 4180 has it (inner quotes
 * doubled), so every CSV the engine writes quotes text the same way. Text
 * that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab
 * or a carriage return) gets a leading single quote, as OWASP advises: model
 * output and imported problems are not to be trusted.
 */
export function csvText(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}
