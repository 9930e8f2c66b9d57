/**
 * Announcing a published document: its notice is built once, recorded with the publication and queued in the
 * outbox for every subscriber the audience admits, all in one transaction, so a notice is queued exactly once
 * per chat and survives any restart; the dispatcher (src/notices/dispatcher.ts) sends it. Every way an admin
 * publishes (Telegram's "Đăng", the admin page, `npm run ingest -- --publish`) goes through the Admin service,
 * which {@link withPublicationNotices} wraps.
 */
import type { Logger } from 'pino';
import type { Db, DocumentStore } from '../core/ports.ts';
import type { Clock } from '../core/ports.ts';
import type { Actor, Admin } from '../core/services.ts';
import type { StoredDocument } from '../core/types.ts';
import type { Subscriber } from '../core/notices.ts';
import { listSubscribers, recordPublication } from '../store/notice-subscriptions.ts';
import { noticeFor } from './notice-content.ts';

/**
 * Who hears about a document. By default everyone subscribed does; `npm start` gives the audience of
 * src/organisation/notice-audience.ts, under which a subscriber whose chat set a unit hears only of documents of
 * its own chain and of Trung ương.
 */
export type NoticeAudience = (document: StoredDocument, subscriber: Subscriber) => boolean | Promise<boolean>;

/** The default audience: every subscriber. */
export const everyone: NoticeAudience = () => true;

/** What announcing needs. */
export interface PublicationNoticesDeps {
  db: Db;
  store: Pick<DocumentStore, 'getSections'>;
  /** Stamps the publication ("văn bản mới" lists the last 30 days by it). */
  clock: Clock;
  logger: Logger;
  /** Filters the subscribers per document; {@link everyone} by default. */
  audience?: NoticeAudience;
}

/** Announces publications. */
export interface PublicationNotices {
  /** Records the publication and queues its notices; the number queued (0 when it was announced before). */
  announce(document: StoredDocument, actor: Actor): Promise<number>;
  /** Called after notices were queued, so a dispatcher in this process can send them at once. */
  onQueued(listener: () => void): void;
}

/** Creates the announcer. */
export function createPublicationNotices(deps: PublicationNoticesDeps): PublicationNotices {
  const audience = deps.audience ?? everyone;
  const listeners: Array<() => void> = [];
  return {
    async announce(document, actor) {
      const notice = noticeFor(document, await deps.store.getSections(document.id));
      const recipients: Subscriber[] = [];
      for (const s of await listSubscribers(deps.db)) if (await audience(document, s)) recipients.push(s);
      const queued = await recordPublication(deps.db, { notice, publishedAt: deps.clock.now(), actorChannel: actor.channel }, recipients);
      deps.logger.info({ documentId: document.id, number: document.number, queued, subscribers: recipients.length }, 'publication announced');
      if (queued > 0) for (const listener of listeners) listener();
      return queued;
    },
    onQueued(listener) {
      listeners.push(listener);
    },
  };
}

/**
 * The Admin service with notices: after a successful publish, the document is announced. The publication
 * stands even when announcing fails (the log says so, with the document); restoring an old version is not
 * news and announces nothing.
 */
export function withPublicationNotices(admin: Admin, notices: PublicationNotices, logger: Logger): Admin {
  return {
    ...admin,
    async publish(documentId, actor) {
      const published = await admin.publish(documentId, actor);
      await notices.announce(published, actor).catch((err: unknown) => {
        logger.error({ err, documentId }, 'document published, but its notices could not be queued');
      });
      return published;
    },
  };
}
