import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchStallError, timedFetch } from './timedFetch';
import { httpReader } from './httpReader';

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/silent') return; // accepts, never answers
    if (req.url === '/stall') {
      res.writeHead(200, { 'content-length': String(1e6) });
      res.write(new Uint8Array(100_000)); // then nothing more
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok": true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const quick = timedFetch({ connectMs: 300, idleMs: 300 });

describe('timedFetch', () => {
  it('passes a prompt answer through', async () => {
    expect(await (await quick(`${base}/ok`)).json()).toEqual({ ok: true });
  });

  it('gives up on a server that never answers, and on a body that stops, saying how far it got', async () => {
    await expect(quick(`${base}/silent`)).rejects.toThrow(new FetchStallError(`${base}/silent: no answer from the server in 0.3 s`));
    const res = await quick(`${base}/stall`);
    await expect(res.arrayBuffer()).rejects.toThrow(`${base}/stall: the download stalled, no data for 0.3 s after 100 kB`);
  });

  it('names the model file that stalled', async () => {
    const files = httpReader({ urlFor: (f) => `${base}/${f}`, where: base, cache: false, timeouts: { connectMs: 300, idleMs: 300 } });
    await expect(files.bytes('silent')).rejects.toThrow('Model file silent: ' + `${base}/silent: no answer from the server in 0.3 s`);
    await expect(files.bytes('stall')).rejects.toThrow(/^Model file stall: .*stalled, no data for 0.3 s after 100 kB/);
  });
});
