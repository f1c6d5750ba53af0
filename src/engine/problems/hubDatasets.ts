/**
 * GSM8K and MATH500 from the Hugging Face datasets server (its /rows API,
 * at most 100 rows a request), parsed by the same JSONL parsers as files, so
 * malformed rows are reported the same way.
 */
import type { ParsedProblems } from './problem';
import { parseProblemsJsonl } from './problemsJsonl';

export const HUB_DATASETS = {
  gsm8k: { dataset: 'openai/gsm8k', config: 'main', split: 'test', label: 'GSM8K test' },
  math500: { dataset: 'HuggingFaceH4/MATH-500', config: 'default', split: 'test', label: 'MATH500' },
} as const;

export type HubDatasetName = keyof typeof HUB_DATASETS;

export const DATASETS_SERVER = 'https://datasets-server.huggingface.co';
const PAGE = 100;
/** How long one page may take before the fetch gives up: a blocked network can hold a request for minutes with no error. */
export const DATASET_TIMEOUT_MS = 20_000;

interface RowsResponse {
  rows?: { row_idx: number; row: Record<string, unknown> }[];
  num_rows_total?: number;
  error?: string;
}

/**
 * The first `count` rows (from `offset`) of a data set as problems; a row's
 * "line" in errors is its row index + 1. Each page that takes longer than
 * `timeoutMs` fails with a message that says so.
 */
export async function fetchHubDataset(
  name: HubDatasetName,
  {
    count,
    offset = 0,
    host = DATASETS_SERVER,
    signal,
    timeoutMs = DATASET_TIMEOUT_MS,
  }: { count: number; offset?: number; host?: string; signal?: AbortSignal; timeoutMs?: number },
): Promise<ParsedProblems> {
  const { dataset, config, split } = HUB_DATASETS[name];
  const lines: string[] = [];
  for (let start = offset; start < offset + count; start += PAGE) {
    const length = Math.min(PAGE, offset + count - start);
    const url = `${host.replace(/\/$/, '')}/rows?dataset=${encodeURIComponent(dataset)}&config=${config}&split=${split}&offset=${start}&length=${length}`;
    const timeout = AbortSignal.timeout(timeoutMs);
    const tooSlow = () =>
      new Error(`The Hugging Face datasets server did not answer within ${timeoutMs / 1000} s for ${dataset}. Are you offline? Import a JSONL file instead.`);
    let res: Response;
    try {
      res = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    } catch (err) {
      if (timeout.aborted) throw tooSlow();
      throw new Error(`Could not reach the Hugging Face datasets server for ${dataset} (${(err as Error).message}). Are you offline? Import a JSONL file instead.`);
    }
    const body = (await res.json().catch(() => ({}))) as RowsResponse;
    if (timeout.aborted) throw tooSlow();
    if (!res.ok || !body.rows) throw new Error(`The datasets server answered ${res.status} for ${dataset}${body.error ? `: ${body.error}` : ''}.`);
    for (const { row_idx, row } of body.rows) lines[row_idx - offset] = JSON.stringify(row);
    if (body.rows.length < length) break;
  }
  // Absent rows stay blank lines, so each row keeps its number.
  const parsed = parseProblemsJsonl(Array.from(lines, (l) => l ?? '').join('\n'));
  const prefix = name === 'gsm8k' ? 'gsm8k-' : 'math500-';
  return {
    problems: parsed.problems.map((p) => ({ ...p, id: p.id.startsWith(prefix) ? `${prefix}${Number(p.id.slice(prefix.length)) + offset}` : p.id })),
    errors: parsed.errors.map((e) => ({ ...e, line: e.line + offset })),
  };
}
