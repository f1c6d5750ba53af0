/**
 * Reads a JSON file the CLI was given, with a message naming the file for
 * each way it can fail: missing, a folder, unreadable, or not JSON (cut
 * off mid-write, edited by hand). A leading byte-order mark is allowed.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from './args';

export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${(err as Error).message})`;
    throw new UsageError(`${what} ${path}: ${why}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`${what} ${path}: not valid JSON (${(err as Error).message}); was it cut off while being written, or edited by hand?`);
  }
}
