/**
 * The one error type of the ONNX graph surgery. Its message says what was
 * wrong with the bytes or the graph, so the UI and the CLI can show it as is.
 */

/** The model bytes are not ONNX, are damaged, or lack the structure the surgery needs. */
export class OnnxSurgeryError extends Error {
  override readonly name = 'OnnxSurgeryError';
}
