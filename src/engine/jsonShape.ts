/** Shape checks shared by the validators of files and saved records read back from disk or IndexedDB. */

/** A plain JSON object (not null, not an array). */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
