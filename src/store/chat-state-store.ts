/**
 * Small JSON states a channel keeps per chat between two messages (Zalo's numbered items, the last question
 * for feedback, a pending confirmation), in the database so every replica sees them. The store does not know
 * their shape: the channel that owns them validates what it reads.
 */
import type { Clock, Db } from '../core/ports.ts';
import { jsonText } from './sql-values.ts';

/** Per-chat JSON state with an expiry. */
export interface ChatStateStore {
  /** The state saved under `id`, or null when there is none or it expired. */
  get(id: string): Promise<unknown>;
  /** Saves `state` under `id` for `ttlSeconds` (replacing what was there) and prunes expired states. */
  put(id: string, state: unknown, ttlSeconds: number): Promise<void>;
}

/** Creates the store on the `chat_states` table; `clock` decides expiry. */
export function createPgChatStateStore(db: Db, clock: Clock): ChatStateStore {
  return {
    async get(id) {
      const rows = await db.query<{ state: unknown }>('SELECT state FROM chat_states WHERE id = $1 AND expires_at > $2', [id, clock.now()]);
      return rows[0]?.state ?? null;
    },
    async put(id, state, ttlSeconds) {
      const now = clock.now();
      await db.query(
        `INSERT INTO chat_states (id, state, expires_at) VALUES ($1, $2::jsonb, $3)
         ON CONFLICT (id) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at`,
        [id, jsonText(state), new Date(now.getTime() + ttlSeconds * 1000)],
      );
      await db.query('DELETE FROM chat_states WHERE expires_at <= $1', [now]);
    },
  };
}
