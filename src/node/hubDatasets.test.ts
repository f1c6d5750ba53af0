/** The datasets-server client against a local server speaking its /rows API. */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchHubDataset } from '../engine/problems/hubDatasets';

const GSM8K = Array.from({ length: 130 }, (_, i) => ({ question: `Q${i}: what is ${i} + 1?`, answer: `${i} + 1 = ${i + 1}\n#### ${i + 1}` }));
GSM8K[3] = { question: 'broken', answer: 'no final line' };
let server: Server;
let host = '';
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(url.search);
    // A server that never answers, as a blocked network looks to fetch.
    if (url.pathname === '/silent/rows') return;
    if (url.searchParams.get('dataset') !== 'openai/gsm8k') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'The dataset does not exist.' }));
      return;
    }
    const offset = Number(url.searchParams.get('offset'));
    const length = Number(url.searchParams.get('length'));
    const rows = GSM8K.slice(offset, offset + length).map((row, i) => ({ row_idx: offset + i, row }));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ rows, num_rows_total: GSM8K.length }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  host = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(() => new Promise<void>((r) => {
  server.closeAllConnections();
  server.close(() => r());
}));

describe('fetchHubDataset', () => {
  it('pages through /rows, parses GSM8K rows and reports a bad row by number', async () => {
    const { problems, errors } = await fetchHubDataset('gsm8k', { count: 120, host });
    expect(seen.filter((s) => s.includes('gsm8k'))).toHaveLength(2);
    expect(problems).toHaveLength(119);
    expect(problems[0]).toMatchObject({ id: 'gsm8k-1', reference: '1', source: 'gsm8k' });
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(4);
  });

  it('numbers rows from the offset', async () => {
    const { problems } = await fetchHubDataset('gsm8k', { count: 2, offset: 10, host });
    expect(problems.map((p) => p.id)).toEqual(['gsm8k-11', 'gsm8k-12']);
    expect(problems[0].question).toBe('Q10: what is 10 + 1?');
  });

  it('says what went wrong when the server refuses or cannot be reached', async () => {
    await expect(fetchHubDataset('math500', { count: 5, host })).rejects.toThrow('The datasets server answered 404 for HuggingFaceH4/MATH-500: The dataset does not exist.');
    await expect(fetchHubDataset('gsm8k', { count: 5, host: 'http://127.0.0.1:1' })).rejects.toThrow(/Could not reach the Hugging Face datasets server .*Are you offline\?/);
  });

  it('gives up on a server that does not answer, and says so', async () => {
    await expect(fetchHubDataset('gsm8k', { count: 5, host: `${host}/silent`, timeoutMs: 300 })).rejects.toThrow(
      'The Hugging Face datasets server did not answer within 0.3 s for openai/gsm8k. Are you offline?',
    );
  });
});
