/**
 * One IndexedDB record per model fingerprint (a trained selector), so a
 * reload or a closed tab finds what it saved for the model it loads. A
 * record that no longer validates is dropped rather than used.
 */
import { del, get, set } from 'idb-keyval';

export interface PerModelRecord<T> {
  save(fingerprint: string, value: T): Promise<void>;
  /** The saved value for this model, if any and valid. */
  load(fingerprint: string): Promise<T | undefined>;
  forget(fingerprint: string): Promise<void>;
}

/** @param validate returns the value or throws for a damaged record */
export function perModelRecord<T>(kind: string, validate: (raw: unknown) => T): PerModelRecord<T> {
  const key = (fingerprint: string) => `headlab:${kind}:v1:${fingerprint}`;
  return {
    save: (fingerprint, value) => set(key(fingerprint), value),
    async load(fingerprint) {
      const raw = await get(key(fingerprint));
      if (raw === undefined) return undefined;
      try {
        return validate(raw);
      } catch {
        await del(key(fingerprint));
        return undefined;
      }
    },
    forget: (fingerprint) => del(key(fingerprint)),
  };
}
