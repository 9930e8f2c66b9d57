/**
 * Long polling for Zalo: one getUpdates call at a time (Zalo returns a single update per call, or error 408
 * when none came in the window). Failures are logged and backed off; the loop never throws.
 */
import type { Logger } from 'pino';
import type { ZaloUpdate } from './api-types.ts';
import type { ZaloClient } from './client.ts';
import { backoffDelay, sleep } from './backoff.ts';

/** Options of the polling loop. */
export interface PollerOptions {
  client: Pick<ZaloClient, 'getUpdates'>;
  /** Called for each update; must not block for long (queue the work). */
  onUpdate(update: ZaloUpdate): void;
  logger: Logger;
  /** Long-poll window sent to Zalo, in seconds. */
  timeoutSeconds: number;
  /** First pause after a failed poll; doubles up to 30 times this. */
  errorDelayMs: number;
}

/** A running loop. */
export interface Poller {
  /** Ends the loop (aborting the pending getUpdates) and resolves once it has exited. */
  stop(): Promise<void>;
}

/** Starts polling at once. */
export function startPolling(options: PollerOptions): Poller {
  const controller = new AbortController();
  const { signal } = controller;
  const policy = { baseDelayMs: options.errorDelayMs, maxDelayMs: options.errorDelayMs * 30 };

  async function loop(): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      try {
        const update = await options.client.getUpdates({ timeout: options.timeoutSeconds }, { signal });
        failures = 0;
        if (update) options.onUpdate(update);
      } catch (err) {
        if (signal.aborted) break;
        failures += 1;
        const delayMs = backoffDelay(failures, policy);
        options.logger.error({ err, failures, delayMs }, 'zalo polling failed; backing off');
        await sleep(delayMs, signal);
      }
    }
  }

  const done = loop();
  return {
    async stop() {
      controller.abort();
      await done;
    },
  };
}
