/**
 * The tables of new-document notices (migration 6): who subscribed, what was published, the outbox of notices
 * to send and each channel's pace. Same SQL on PGlite and on a Postgres server.
 *
 * - `notice_subscriptions`: one row per chat that typed /theodoi (Telegram) or "theo dõi" (Zalo).
 * - `publications`: one row per document an admin published, with the notice it gets (JSON, built once).
 * - `notice_outbox`: one row per (publication, chat): pending → sending → sent, or dropped (the chat blocked the
 *   bot, or the document was withdrawn before it went out) or failed (gave up after retries). The unique key
 *   makes a second fan-out of the same publication a no-op.
 * - `notice_pace`: one row per channel, the earliest time its next batch may be claimed. Claiming locks this row,
 *   so replicas take turns and the channel's rate holds across all of them.
 */
export const NOTICE_TABLES: string[] = [
  `CREATE TABLE notice_subscriptions (
    channel text NOT NULL CHECK (channel IN ('telegram', 'zalo')),
    chat_id text NOT NULL,
    user_id text,
    subscribed_at timestamptz NOT NULL,
    PRIMARY KEY (channel, chat_id)
  )`,
  `CREATE TABLE publications (
    document_id uuid PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    published_at timestamptz NOT NULL,
    actor_channel text NOT NULL,
    notice jsonb NOT NULL
  )`,
  `CREATE INDEX publications_published_at_idx ON publications (published_at)`,
  `CREATE TABLE notice_outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id uuid NOT NULL REFERENCES publications (document_id) ON DELETE CASCADE,
    channel text NOT NULL CHECK (channel IN ('telegram', 'zalo')),
    chat_id text NOT NULL,
    status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'dropped', 'failed')),
    attempts int NOT NULL DEFAULT 0,
    not_before timestamptz NOT NULL DEFAULT now(),
    claimed_at timestamptz,
    sent_at timestamptz,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (document_id, channel, chat_id)
  )`,
  `CREATE INDEX notice_outbox_due_idx ON notice_outbox (channel, not_before) WHERE status IN ('pending', 'sending')`,
  `CREATE INDEX notice_outbox_chat_idx ON notice_outbox (channel, chat_id, claimed_at)`,
  `CREATE TABLE notice_pace (
    channel text PRIMARY KEY CHECK (channel IN ('telegram', 'zalo')),
    next_at timestamptz NOT NULL
  )`,
  `INSERT INTO notice_pace (channel, next_at) VALUES ('telegram', to_timestamp(0)), ('zalo', to_timestamp(0))`,
];
