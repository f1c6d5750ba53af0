/**
 * A model server that accepts and never answers ends the CLI with a message
 * naming the file, within a minute, at the default timeouts (issue 21).
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('CLI downloads', () => {
  it('give up on a server that never answers, naming the file, within 60 s', async () => {
    const started = Date.now();
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'generate', '--model', base, '--prompt', 'x'], { cwd: root, timeout: 90_000 }, (err, _out, stderr) =>
        resolve({ code: err ? (err as { code?: number }).code ?? null : 0, stderr }),
      );
      child.stdin?.end();
    });
    expect(code).toBe(1);
    expect(stderr).toContain(`cli: Model file config.json: ${base}config.json: no answer from the server in 30 s`);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);
});
