/**
 * onnxruntime's session errors in words a user can act on. The one worth
 * translating: an ONNX file whose weights live in an external-data file
 * that config.json does not list, so it was never read (onnxruntime then
 * reports a path "escaping the working directory").
 */

/** The message for a session that could not be created from `onnxFile`. */
export function sessionErrorMessage(onnxFile: string, error: string): string {
  const base = onnxFile.split('/').pop()!;
  if (/external data/i.test(error)) {
    return (
      `its weights are in an external-data file (${base}_data) that was not loaded: config.json's ` +
      `"transformers.js_config": {"use_external_data_format": {"${base}": 1}} must list it (the number is how many ${base}_data chunks there are), ` +
      `and the file must sit beside ${onnxFile} (onnxruntime said: ${error})`
    );
  }
  return `onnxruntime could not load it; the file may be truncated or corrupt (${error})`;
}
