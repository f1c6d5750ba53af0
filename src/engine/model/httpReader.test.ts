/**
 * httpReader's buffers against local servers: with a Content-Length the
 * file streams into a buffer with the requested headroom; without one, or
 * with a compressed body longer than it, the chunks are joined with it.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR } from '../../node/loadNodeModel';
import { serveHubLayout, type StaticHub } from '../../node/staticServer';
import { httpReader, type LoadProgressEvent } from './httpReader';
import { roomAfter } from './readBuffer';

const ONNX = 'onnx/model.onnx';
const file = readFileSync(join(BUNDLED_MODEL_DIR, ONNX));
const gzipped = gzipSync(file);
let hub: StaticHub;
let odd: Server;
let oddUrl: string;

/** Serves the ONNX file in 64 KB writes without a length (/chunked), or gzipped (/gzip). */
function serveOddly(): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url?.endsWith('/gzip/model.onnx')) {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(gzipped.length) }).end(gzipped);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    for (let at = 0; at < file.length; at += 65536) res.write(file.subarray(at, at + 65536));
    res.end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  hub = await serveHubLayout({ 'headlab/tiny': BUNDLED_MODEL_DIR });
  odd = await serveOddly();
  const address = odd.address();
  oddUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
});
afterAll(async () => {
  await hub.close();
  await new Promise((resolve) => odd.close(resolve));
});

const reader = (base: string, events: LoadProgressEvent[] = []) =>
  httpReader({ urlFor: (f) => `${base}${f.replace('onnx/', '')}`, where: base, cache: false, onProgress: (e) => events.push(e) });

describe('httpReader with headroom', () => {
  it('streams a file with a Content-Length into a buffer with the headroom after it', async () => {
    const events: LoadProgressEvent[] = [];
    const bytes = await reader(`${hub.url}headlab/tiny/resolve/main/onnx/`, events).bytes(ONNX, { headroom: 5000 });
    expect(Buffer.from(bytes).equals(file)).toBe(true);
    expect(roomAfter(bytes)).toBe(5000);
    expect(events.at(-1)).toMatchObject({ status: 'done', loaded: file.length });
    expect(events.some((e) => e.status === 'progress' && e.total === file.length)).toBe(true);
  });

  it('joins the chunks of a body without a length, leaving the headroom', async () => {
    const bytes = await reader(`${oddUrl}chunked/`).bytes(ONNX, { headroom: 777 });
    expect(Buffer.from(bytes).equals(file)).toBe(true);
    expect(roomAfter(bytes)).toBe(777);
  });

  it('reads a gzipped body longer than its Content-Length whole', async () => {
    expect(gzipped.length).toBeLessThan(file.length);
    const bytes = await reader(`${oddUrl}gzip/`).bytes(ONNX, { headroom: 100 });
    expect(Buffer.from(bytes).equals(file)).toBe(true);
    expect(roomAfter(bytes)).toBe(100);
  });
});
