/**
 * A ModelFileReader over a folder on disk. Binary files are read straight
 * into a buffer sized from fstat plus the requested headroom, so a transform
 * can rewrite them in place: the file is held once, never copied.
 */
import { open, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ModelFileError } from '../engine/model/errors';
import type { ModelFileReader } from '../engine/model/loadModel';

/** The most one read call asks for: Node refuses reads of 2 GiB and more. */
const MAX_READ = 1 << 30;

/**
 * Reads the file at `path` into the start of a buffer with `headroom` free
 * bytes after it. A file that shrinks while being read yields what was
 * there; one that grows yields its size at open.
 */
export async function readFileWithHeadroom(path: string, headroom = 0): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const buffer = new Uint8Array(size + headroom);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await file.read(buffer, filled, Math.min(size - filled, MAX_READ), filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await file.close();
  }
}

function fileError(name: string, root: string, err: unknown): ModelFileError {
  return new ModelFileError(name, (err as NodeJS.ErrnoException).code === 'ENOENT' ? `not found in ${root}` : (err as Error).message);
}

/** Files under the folder `dir`, named by their path relative to it. */
export function nodeFileReader(dir: string): ModelFileReader {
  const root = resolve(dir);
  return {
    async bytes(name, { headroom = 0 } = {}) {
      try {
        return await readFileWithHeadroom(join(root, name), headroom);
      } catch (err) {
        throw fileError(name, root, err);
      }
    },
    async optionalText(name) {
      try {
        return await readFile(join(root, name), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw fileError(name, root, err);
      }
    },
  };
}
