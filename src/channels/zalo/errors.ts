/**
 * The two ways a Zalo Bot API call fails, in the style of grammY's GrammyError / HttpError:
 * Zalo answered with an error (`ZaloApiError`), or no valid answer came back (`ZaloNetworkError`).
 * Neither message ever contains the bot token.
 */
import { AppError } from '../../core/errors.ts';

/** Zalo answered, and the answer was an error: HTTP non-2xx or `{ ok: false, error_code, description }`. */
export class ZaloApiError extends AppError {
  constructor(
    readonly method: string,
    /** Zalo's `error_code` (401 bad token, 408 no update, 429 quota…), or the HTTP status when the body had none. */
    readonly error_code: number,
    readonly description: string,
    /** HTTP status of the response (Zalo may send errors with 200). */
    readonly status: number,
  ) {
    super(`Zalo ${method} failed: ${error_code} ${description}`);
  }
}

/**
 * The request failed before Zalo gave a valid answer: connection refused or reset, timeout, aborted, or a
 * body that is not the documented envelope. `cause` is a copy of the underlying error with the token removed.
 */
export class ZaloNetworkError extends AppError {
  constructor(
    readonly method: string,
    message: string,
    options: { cause: unknown },
  ) {
    super(`Zalo ${method} request failed: ${message}`, options);
  }
}
