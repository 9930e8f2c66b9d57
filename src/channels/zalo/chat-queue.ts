/**
 * Runs update handling in the background, one at a time per chat (so `xem 1` is answered after the question
 * before it) and concurrently across chats, and lets `stop()` wait for whatever is still running.
 */

/** Background work keyed by chat. */
export interface ChatQueue {
  /** Queues `task` after the previous task of the same key; never rejects. */
  run(key: string, task: () => Promise<void>): void;
  /** Resolves when every queued task has finished. */
  idle(): Promise<void>;
}

/** Creates an empty queue. `task`s must handle their own errors; anything escaping is passed to `onError`. */
export function createChatQueue(onError: (err: unknown) => void): ChatQueue {
  const tails = new Map<string, Promise<void>>();
  return {
    run(key, task) {
      const previous = tails.get(key) ?? Promise.resolve();
      const next = previous.then(task).catch(onError);
      tails.set(key, next);
      void next.then(() => {
        if (tails.get(key) === next) tails.delete(key);
      });
    },
    async idle() {
      while (tails.size > 0) await Promise.all([...tails.values()]);
    },
  };
}
