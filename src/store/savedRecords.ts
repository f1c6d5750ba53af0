/**
 * Reading back every record saved under one key prefix in IndexedDB, each
 * checked by the caller: what fails the check is deleted, so a damaged
 * record is dropped once and never used.
 */
import { delMany, getMany, keys } from 'idb-keyval';

/** Every string key in IndexedDB that starts with `prefix`. */
export async function keysWith(prefix: string): Promise<string[]> {
  return (await keys()).filter((k): k is string => typeof k === 'string' && k.startsWith(prefix));
}

/**
 * Every record under `prefix` that `read` accepts; the rest are deleted.
 * @param read checks one record (its key after the prefix, and its stored value), returning undefined when damaged
 */
export async function readRecords<T>(prefix: string, read: (id: string, raw: unknown) => T | undefined): Promise<T[]> {
  const found = await keysWith(prefix);
  const values = await getMany(found);
  const entries = found.map((key, i) => ({ key, entry: read(key.slice(prefix.length), values[i]) }));
  await delMany(entries.filter((e) => e.entry === undefined).map((e) => e.key));
  return entries.flatMap((e) => (e.entry === undefined ? [] : [e.entry]));
}
