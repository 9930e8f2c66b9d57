/** A fixed clock for tests: "năm nay", expiry and rate windows become deterministic. */
import type { Clock } from '../../src/core/ports.ts';

/** A clock that always reads `iso` until moved with `set` or `advance`. */
export interface FixedClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

/** Creates a clock stopped at `iso` (default: mid-2023, the newest year of the bundled documents). */
export function fixedClock(iso = '2023-06-15T08:00:00Z'): FixedClock {
  let at = new Date(iso).getTime();
  return {
    now: () => new Date(at),
    set(next) {
      at = new Date(next).getTime();
    },
    advance(ms) {
      at += ms;
    },
  };
}
