/**
 * `UnitBook` on the `conversation_units` table (migration 9): one row per conversation that set its unit, so the
 * unit holds whichever replica a message reaches and across restarts.
 */
import type { Clock, Db, UnitBook } from '../core/ports.ts';

/** Creates the book; `clock` stamps when a unit was set. */
export function createPgUnitBook(db: Db, clock: Clock): UnitBook {
  return {
    async get(conversationId) {
      const rows = await db.query<{ unit: string }>('SELECT unit FROM conversation_units WHERE conversation_id = $1', [conversationId]);
      return rows[0]?.unit ?? null;
    },
    async put(conversationId, unit) {
      await db.query(
        `INSERT INTO conversation_units (conversation_id, unit, typed, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (conversation_id) DO UPDATE SET unit = excluded.unit, typed = excluded.typed, updated_at = excluded.updated_at`,
        [conversationId, unit.name, unit.typed, clock.now()],
      );
    },
    async remove(conversationId) {
      const rows = await db.query<{ unit: string }>('DELETE FROM conversation_units WHERE conversation_id = $1 RETURNING unit', [conversationId]);
      return rows[0]?.unit ?? null;
    },
  };
}
