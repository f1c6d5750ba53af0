/** Shared output for benchmarks: a printed table and a JSON file under bench/results/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';

export interface BenchReport {
  name: string;
  command: string;
  machine: string;
  date: string;
  rows: Record<string, string | number>[];
  notes?: string[];
  /** Anything else the bench measured, kept in the JSON only. */
  details?: unknown;
}

export function machineDescription(): string {
  const c = cpus();
  return `${c.length} x ${c[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
}

/** Prints the rows as an aligned table and writes bench/results/<name>.json. */
export function report(r: BenchReport): void {
  const cols = Object.keys(r.rows[0] ?? {});
  const width = cols.map((c) => Math.max(c.length, ...r.rows.map((row) => String(row[c]).length)));
  const line = (cells: string[]) => cells.map((s, i) => s.padEnd(width[i])).join('  ');
  console.log(`\n${r.name} (${r.machine})`);
  console.log(line(cols));
  console.log(line(width.map((w) => '-'.repeat(w))));
  for (const row of r.rows) console.log(line(cols.map((c) => String(row[c]))));
  for (const n of r.notes ?? []) console.log(`note: ${n}`);
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}${r.name}.json`, JSON.stringify(r, null, 2) + '\n');
}
