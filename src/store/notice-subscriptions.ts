/**
 * Subscriptions and publications on the database: the `NoticeDesk` the channels use, and the fan-out of a
 * publication into the outbox (one row per subscribed chat, in the transaction that records the publication).
 */
import type { Clock, Db } from '../core/ports.ts';
import type { DocumentNotice, NoticeChannel, NoticeDesk, Publication, Subscriber } from '../core/notices.ts';
import { jsonText } from './sql-values.ts';

/** Rows inserted per statement when a publication fans out. */
const FAN_OUT_BATCH = 500;

interface SubscriberRow {
  channel: NoticeChannel;
  chat_id: string;
  user_id: string | null;
  subscribed_at: Date | string;
}

/** Every subscriber, oldest first. */
export async function listSubscribers(db: Db): Promise<Subscriber[]> {
  const rows = await db.query<SubscriberRow>('SELECT channel, chat_id, user_id, subscribed_at FROM notice_subscriptions ORDER BY subscribed_at, channel, chat_id');
  return rows.map((r) => ({ channel: r.channel, chatId: r.chat_id, userId: r.user_id, subscribedAt: new Date(r.subscribed_at) }));
}

/**
 * Records that `documentId` was published and queues its notice for `recipients`, in one transaction.
 * Returns the number of notices queued; 0 when the document had been announced already (a second publish of the
 * same document, a retried request), so no chat is ever told twice.
 */
export async function recordPublication(
  db: Db,
  publication: { notice: DocumentNotice; publishedAt: Date; actorChannel: string },
  recipients: Array<Pick<Subscriber, 'channel' | 'chatId'>>,
): Promise<number> {
  return db.transaction(async (tx) => {
    const { notice } = publication;
    const inserted = await tx.query(
      `INSERT INTO publications (document_id, published_at, actor_channel, notice) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (document_id) DO NOTHING RETURNING document_id`,
      [notice.documentId, publication.publishedAt, publication.actorChannel, jsonText(notice)],
    );
    if (inserted.length === 0) return 0;
    let queued = 0;
    for (let i = 0; i < recipients.length; i += FAN_OUT_BATCH) {
      const batch = recipients.slice(i, i + FAN_OUT_BATCH);
      const rows = await tx.query(
        `INSERT INTO notice_outbox (document_id, channel, chat_id, status)
         SELECT $1, r.channel, r.chat_id, 'pending' FROM unnest($2::text[], $3::text[]) AS r (channel, chat_id)
         ON CONFLICT (document_id, channel, chat_id) DO NOTHING RETURNING id`,
        [notice.documentId, batch.map((r) => r.channel), batch.map((r) => r.chatId)],
      );
      queued += rows.length;
    }
    return queued;
  });
}

/** Unsubscribes a chat and drops its notices not yet sent; true when it was subscribed. */
export async function removeSubscriber(db: Db, channel: NoticeChannel, chatId: string, reason: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const gone = await tx.query('DELETE FROM notice_subscriptions WHERE channel = $1 AND chat_id = $2 RETURNING chat_id', [channel, chatId]);
    await tx.query(
      `UPDATE notice_outbox SET status = 'dropped', last_error = $3 WHERE channel = $1 AND chat_id = $2 AND status = 'pending'`,
      [channel, chatId, reason],
    );
    return gone.length > 0;
  });
}

/** The desk on the database; `clock` stamps subscriptions and decides what "the last 30 days" are. */
export function createPgNoticeDesk(db: Db, clock: Clock): NoticeDesk {
  return {
    async subscribe({ channel, chatId, userId }) {
      const rows = await db.query(
        `INSERT INTO notice_subscriptions (channel, chat_id, user_id, subscribed_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (channel, chat_id) DO NOTHING RETURNING chat_id`,
        [channel, chatId, userId ?? null, clock.now()],
      );
      return rows.length > 0;
    },
    unsubscribe: (channel, chatId) => removeSubscriber(db, channel, chatId, 'unsubscribed'),
    async isSubscribed(channel, chatId) {
      const rows = await db.query('SELECT 1 FROM notice_subscriptions WHERE channel = $1 AND chat_id = $2', [channel, chatId]);
      return rows.length > 0;
    },
    async recent(days): Promise<Publication[]> {
      const since = new Date(clock.now().getTime() - days * 24 * 60 * 60 * 1000);
      const rows = await db.query<{ notice: DocumentNotice; published_at: Date | string }>(
        `SELECT p.notice, p.published_at FROM publications p JOIN documents d ON d.id = p.document_id
         WHERE d.status = 'active' AND p.published_at >= $1 ORDER BY p.published_at DESC, d.id`,
        [since],
      );
      return rows.map((r) => ({ notice: r.notice, publishedAt: new Date(r.published_at) }));
    },
  };
}
