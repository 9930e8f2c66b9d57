/**
 * `ChatMemory` on the `chat_states` table: one row per key with a JSON value and an expiry, so follow-ups,
 * numbered items and buttons work whichever replica a message reaches. Expired rows are pruned on write.
 */
import type { ChatMemory, Clock, Db } from '../core/ports.ts';
import { jsonText } from './sql-values.ts';

/** Creates the memory; `clock` decides expiry so tests can move time. */
export function createPgChatMemory(db: Db, clock: Clock): ChatMemory {
  return {
    async get(key) {
      const rows = await db.query<{ state: unknown }>('SELECT state FROM chat_states WHERE id = $1 AND expires_at > $2', [key, clock.now()]);
      return rows[0]?.state ?? null;
    },
    async put(key, value, ttlSeconds) {
      const now = clock.now();
      await db.query(
        `INSERT INTO chat_states (id, state, expires_at) VALUES ($1, $2::jsonb, $3)
         ON CONFLICT (id) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at`,
        [key, jsonText(value), new Date(now.getTime() + ttlSeconds * 1000)],
      );
      await db.query('DELETE FROM chat_states WHERE expires_at <= $1', [now]);
    },
  };
}
