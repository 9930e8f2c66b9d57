/**
 * Sends queued notices. One loop per channel claims a batch from the outbox (src/store/notice-outbox.ts: the
 * claim takes the channel's turn, so every replica can run a dispatcher and each notice goes out once), sends
 * the batch spaced evenly at the channel's rate, and records each outcome: sent; blocked (the user blocked the
 * bot: they are unsubscribed); or failed for now (tried again later with a growing pause, given up after a few
 * attempts). A notice claimed here and not yet sent when the dispatcher stops is given back at once; one whose
 * replica died is claimed again after the lease.
 */
import type { Logger } from 'pino';
import type { Db } from '../core/ports.ts';
import type { DocumentNotice, NoticeChannel } from '../core/notices.ts';
import { errorMessage } from '../core/errors.ts';
import { claimNotices, markBlocked, markSent, releaseClaims, retryLater, type ClaimedNotice, type ClaimRules } from '../store/notice-outbox.ts';

/** What became of one send. */
export type SendOutcome =
  | { kind: 'sent' }
  /** The chat cannot be written to any more (Telegram 403 "bot was blocked by the user", Zalo 403). */
  | { kind: 'blocked'; reason: string }
  /** Failed for now; `afterMs` when the platform said how long to wait. */
  | { kind: 'retry'; error: string; afterMs?: number };

/** A channel's way of sending a notice, and its pace. */
export interface NoticeSender {
  channel: NoticeChannel;
  /** Notices per second for this channel, across all replicas. */
  perSecond: number;
  send(chatId: string, notice: DocumentNotice): Promise<SendOutcome>;
}

/** What the dispatcher needs. */
export interface NoticeDispatcherDeps {
  db: Db;
  senders: NoticeSender[];
  logger: Logger;
  /** How often an idle channel looks for due notices (default 1 s); a publication in this process wakes it. */
  pollMs?: number;
}

/** The running dispatcher. */
export interface NoticeDispatcher {
  start(): void;
  /** Stops after the notice being sent; claimed notices not yet sent go back to the outbox. */
  stop(): Promise<void>;
  /** Looks for due notices now (after a publication). */
  wake(): void;
}

/** Telegram allows about one message a second per chat; Zalo publishes no number, so the same is assumed. */
const PER_CHAT_MS = 1_000;
/** A claim older than this belongs to a replica that died: long enough for auto-retry's waits on a 429. */
const LEASE_MS = 5 * 60_000;
/** Attempts before a notice is given up (the log has every error). */
const MAX_ATTEMPTS = 6;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;

/** The claim rules of a channel sending `perSecond` notices a second: a second's worth per claim. */
export function claimRules(perSecond: number): ClaimRules {
  return { batch: Math.max(1, Math.floor(perSecond)), intervalMs: 1000 / perSecond, perChatMs: PER_CHAT_MS, leaseMs: LEASE_MS };
}

/** Creates the dispatcher (nothing runs until `start`). */
export function createNoticeDispatcher(deps: NoticeDispatcherDeps): NoticeDispatcher {
  const pollMs = deps.pollMs ?? 1_000;
  let running = false;
  let loops: Array<Promise<void>> = [];
  const wakers = new Set<() => void>();

  /** Waits `ms`, or less when woken or stopped. */
  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakers.add(done);
    });
  }

  function wakeAll(): void {
    for (const waker of [...wakers]) waker();
  }

  async function deliver(sender: NoticeSender, claimed: ClaimedNotice): Promise<void> {
    const log = deps.logger.child({ channel: sender.channel, chatId: claimed.chatId, documentId: claimed.notice.documentId });
    let outcome: SendOutcome;
    try {
      outcome = await sender.send(claimed.chatId, claimed.notice);
    } catch (err) {
      outcome = { kind: 'retry', error: errorMessage(err) };
    }
    try {
      if (outcome.kind === 'sent') {
        await markSent(deps.db, claimed.id);
        log.info({ attempts: claimed.attempts }, 'notice sent');
      } else if (outcome.kind === 'blocked') {
        await markBlocked(deps.db, claimed, outcome.reason);
        log.info({ reason: outcome.reason }, 'subscriber unsubscribed: the chat no longer accepts messages');
      } else {
        const delay = outcome.afterMs ?? Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (claimed.attempts - 1));
        const state = await retryLater(deps.db, claimed, outcome.error, delay, MAX_ATTEMPTS);
        log.warn({ error: outcome.error, attempts: claimed.attempts, retryInMs: state === 'retry' ? delay : null }, state === 'retry' ? 'notice failed, will retry' : 'notice given up');
      }
    } catch (err) {
      // The row stays claimed; after the lease another replica sends it again.
      log.error({ err, outcome: outcome.kind }, 'could not record what became of a notice');
    }
  }

  async function loop(sender: NoticeSender): Promise<void> {
    const rules = claimRules(sender.perSecond);
    while (running) {
      let claim;
      try {
        claim = await claimNotices(deps.db, sender.channel, rules);
      } catch (err) {
        deps.logger.warn({ err, channel: sender.channel }, 'could not claim notices; trying again');
        await pause(pollMs);
        continue;
      }
      if (claim.notices.length === 0) {
        await pause(claim.waitMs > 0 ? Math.min(claim.waitMs, pollMs) : pollMs);
        continue;
      }
      await sendBatch(sender, claim.notices, rules.intervalMs);
    }
  }

  /** Sends a batch spaced `intervalMs` apart; on stop, gives the unsent ones back. */
  async function sendBatch(sender: NoticeSender, notices: ClaimedNotice[], intervalMs: number): Promise<void> {
    const started = performance.now();
    for (const [i, claimed] of notices.entries()) {
      if (!running) {
        await releaseClaims(deps.db, notices.slice(i).map((n) => n.id)).catch((err: unknown) => deps.logger.warn({ err }, 'could not release claimed notices'));
        return;
      }
      const wait = started + i * intervalMs - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await deliver(sender, claimed);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loops = deps.senders.map((sender) => loop(sender));
      deps.logger.info({ channels: deps.senders.map((s) => `${s.channel}@${s.perSecond}/s`) }, 'notice dispatcher started');
    },
    async stop() {
      if (!running) return;
      running = false;
      wakeAll();
      await Promise.all(loops);
      loops = [];
    },
    wake: wakeAll,
  };
}
