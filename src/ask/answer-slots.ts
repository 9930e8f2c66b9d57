/**
 * A bound on the answers one process computes at once, with a bounded queue in front: a burst of questions
 * waits its turn or is turned away at once, instead of every question slowing down together until health checks
 * time out. Embedded PGlite runs every query on the event loop's thread, so without this bound 500 concurrent
 * asks kept /healthz waiting for up to 10 s.
 */

/** How busy the answering is, for readiness and logs. */
export interface AnswerLoad {
  inFlight: number;
  queued: number;
  maxInFlight: number;
  maxQueued: number;
  /** Every slot taken and the queue full: `acquire` would resolve null at once. */
  full: boolean;
}

/** Slots for answers in flight. */
export interface AnswerSlots {
  /**
   * Resolves with the function that frees the slot, once one is free; with `null` at once when the queue is
   * full, or after `maxWaitMs` in the queue.
   */
  acquire(): Promise<(() => void) | null>;
  load(): AnswerLoad;
  /** Seconds a turned-away caller should wait, from the queue's length and recent answer times (1–60). */
  retryAfterSeconds(): number;
}

/** Options of {@link createAnswerSlots}, from MAX_ANSWERS_IN_FLIGHT, MAX_ANSWERS_QUEUED and ANSWER_QUEUE_TIMEOUT_MS. */
export interface AnswerSlotOptions {
  maxInFlight: number;
  maxQueued: number;
  maxWaitMs: number;
}

/** Weight of the newest answer time in the running average that estimates Retry-After. */
const AVERAGE_WEIGHT = 0.2;

/** Creates the slots. */
export function createAnswerSlots(options: AnswerSlotOptions): AnswerSlots {
  const waiting: Array<(granted: boolean) => void> = [];
  let inFlight = 0;
  let averageMs = 100;

  function grant(): () => void {
    const started = performance.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      averageMs += AVERAGE_WEIGHT * (performance.now() - started - averageMs);
      const next = waiting.shift();
      if (next) next(true); // the slot passes straight to the next in line
      else inFlight--;
    };
  }

  return {
    acquire() {
      if (inFlight < options.maxInFlight) {
        inFlight++;
        return Promise.resolve(grant());
      }
      if (waiting.length >= options.maxQueued) return Promise.resolve(null);
      return new Promise((resolve) => {
        const wake = (granted: boolean) => {
          clearTimeout(timer);
          resolve(granted ? grant() : null);
        };
        const timer = setTimeout(() => {
          const at = waiting.indexOf(wake);
          if (at >= 0) waiting.splice(at, 1);
          wake(false);
        }, options.maxWaitMs);
        waiting.push(wake);
      });
    },
    load: () => ({
      inFlight,
      queued: waiting.length,
      maxInFlight: options.maxInFlight,
      maxQueued: options.maxQueued,
      full: inFlight >= options.maxInFlight && waiting.length >= options.maxQueued,
    }),
    retryAfterSeconds() {
      const waitMs = ((waiting.length + 1) / options.maxInFlight) * averageMs;
      return Math.min(60, Math.max(1, Math.ceil(waitMs / 1000)));
    },
  };
}
