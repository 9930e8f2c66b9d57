/**
 * Conversation memory in the database, so follow-up questions work across replicas and restarts.
 */
import type { Clock, ConversationState, ConversationStore, Db } from '../core/ports.ts';
import { jsonText } from './sql-values.ts';

/** Creates the store; `clock` decides expiry so tests can move time. */
export function createPgConversationStore(db: Db, clock: Clock): ConversationStore {
  return {
    get: (id) => getConversation(db, clock, id),
    put: (id, state, ttlSeconds) => putConversation(db, clock, id, state, ttlSeconds),
  };
}

/** The state of a conversation that has not expired. */
async function getConversation(db: Db, clock: Clock, id: string): Promise<ConversationState | null> {
  const rows = await db.query<{ state: ConversationState }>(
    'SELECT state FROM conversations WHERE id = $1 AND expires_at > $2',
    [id, clock.now()],
  );
  return rows[0]?.state ?? null;
}

/** Saves the state for `ttlSeconds` and prunes expired conversations. */
async function putConversation(
  db: Db,
  clock: Clock,
  id: string,
  state: ConversationState,
  ttlSeconds: number,
): Promise<void> {
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
  await db.query(
    `INSERT INTO conversations (id, state, expires_at, updated_at) VALUES ($1, $2::jsonb, $3, $4)
     ON CONFLICT (id) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at,
       updated_at = excluded.updated_at`,
    [id, jsonText(state), expiresAt, now],
  );
  await db.query('DELETE FROM conversations WHERE expires_at <= $1', [now]);
}
