/**
 * A small static file server for tests and benchmarks: serves model folders
 * in the Hugging Face Hub's URL layout (/{repo id}/resolve/{revision}/{file})
 * on localhost, so the real Hub code path runs with no network.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize } from 'node:path';

export interface StaticHub {
  /** http://127.0.0.1:PORT/ */
  url: string;
  close(): Promise<void>;
}

/**
 * @param repos repo id ("owner/name") to folder on disk
 */
export async function serveHubLayout(repos: Record<string, string>): Promise<StaticHub> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const m = path.match(/^\/([^/]+\/[^/]+)\/resolve\/[^/]+\/(.+)$/);
    const root = m ? repos[m[1]] : undefined;
    if (!m || !root) {
      // The Hub answers 401 for repositories that do not exist.
      res.writeHead(m ? 401 : 404).end();
      return;
    }
    const file = normalize(join(root, m[2]));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      const headers = { 'content-length': String(info.size), 'content-type': 'application/octet-stream' };
      if (req.method === 'HEAD') res.writeHead(200, headers).end();
      else res.writeHead(200, headers).end(await readFile(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
