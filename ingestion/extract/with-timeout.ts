/**
 * Bounds the time a parser may take. The work receives an AbortSignal that fires on timeout so it can release what
 * it holds (a pdf.js document, a zip stream); its late result or rejection is then ignored without becoming an
 * unhandled rejection.
 *
 * Limitation: in the main thread this is cooperative. A parser that blocks the event loop in one long synchronous
 * step cannot be interrupted. pdf.js therefore runs in a worker thread that the signal terminates; jszip and mammoth
 * yield between steps; the synchronous steps (text decoding, htmlparser2) are linear in the input, which `maxBytes`
 * bounds.
 */

/** The work's value, or `done: false` when the time ran out first. */
export type Timed<T> = { done: true; value: T } | { done: false };

/**
 * Runs `work` with a deadline of `ms` milliseconds. Resolves `{ done: false }` on timeout; rejects only when the work
 * itself rejects (or throws synchronously) before the deadline.
 */
export async function runWithTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<Timed<T>> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<Timed<T>>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ done: false });
    }, ms);
  });
  // Starting the work inside `then` turns a synchronous throw into a rejection. Promise.race subscribes to this
  // promise, so a rejection that arrives after the deadline is handled (and ignored) rather than unhandled.
  const running = Promise.resolve()
    .then(() => work(controller.signal))
    .then((value): Timed<T> => ({ done: true, value }));
  try {
    return await Promise.race([running, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
