/**
 * Typed errors the engine throws for bad input. Each message names the
 * file, field or limit at fault, so the UI and the CLI can show it as is.
 */

/** A model file is missing, unreadable or not what its name says. */
export class ModelFileError extends Error {
  override readonly name = 'ModelFileError';
  constructor(readonly file: string, readonly reason: string) {
    super(`Model file ${file}: ${reason}`);
  }
}

/** The model is readable but is not a decoder HeadLab can drive. */
export class UnsupportedModelError extends Error {
  override readonly name = 'UnsupportedModelError';
}

/** A prompt does not fit in the model's context window. */
export class ContextLengthError extends Error {
  override readonly name = 'ContextLengthError';
  constructor(readonly promptTokens: number, readonly maxNewTokens: number, readonly contextLimit: number) {
    super(
      `The question is too long: its prompt is ${promptTokens} tokens, and with room for ${maxNewTokens} ` +
        `new tokens that needs ${promptTokens + maxNewTokens}, but the model's context is ${contextLimit} tokens. ` +
        `Shorten the question to at most ${Math.max(0, contextLimit - maxNewTokens)} prompt tokens.`,
    );
  }
}

/** The caller asked for something the engine cannot do with these inputs. */
export class InvalidRequestError extends Error {
  override readonly name = 'InvalidRequestError';
}

/** The inference runtime itself could not start (missing WASM binary, no GPU device). */
export class BackendError extends Error {
  override readonly name = 'BackendError';
}
