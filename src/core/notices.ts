/**
 * New-document notices: who wants to be told when a document is published, what the notice says, and what the
 * channels need to offer `/theodoi`, `/boqua` and `/moi` (Zalo: "theo dõi", "bỏ theo dõi", "văn bản mới").
 * The store implements the subscriptions and the outbox (src/store/notice-*.ts); src/notices fans a
 * publication out and sends it; each channel words the notice its own way.
 */
import type { DocumentType } from './types.ts';

/** The channels notices go to. */
export type NoticeChannel = 'telegram' | 'zalo';

/** A chat that asked to be told about new documents. */
export interface Subscriber {
  channel: NoticeChannel;
  /** The chat to send to (a Telegram chat id, a Zalo chat id), as text. */
  chatId: string;
  userId: string | null;
  subscribedAt: Date;
}

/** What a notice says about a published document; each channel words it (HTML for Telegram, text for Zalo). */
export interface DocumentNotice {
  documentId: string;
  type: DocumentType | null;
  number: string | null;
  title: string;
  issuer: string | null;
  year: number | null;
  /** Two or three lines of its purpose, verbatim: from its "Mục đích" part, or else its opening. */
  purpose: string[];
  /** The label of the section the purpose is quoted from (`""` for the opening). */
  purposeSection: string;
  /** What a user types to open it (`xem <reference>`): its number, or else its title. */
  reference: string;
}

/** A document published by an admin, as "văn bản mới" lists it. */
export interface Publication {
  notice: DocumentNotice;
  publishedAt: Date;
}

/** The commands' side of notices: subscribing and what was published lately. */
export interface NoticeDesk {
  /** Subscribes a chat; `false` when it already was. */
  subscribe(s: { channel: NoticeChannel; chatId: string; userId?: string }): Promise<boolean>;
  /** Unsubscribes a chat (its notices not yet sent are dropped); `false` when it was not subscribed. */
  unsubscribe(channel: NoticeChannel, chatId: string): Promise<boolean>;
  isSubscribed(channel: NoticeChannel, chatId: string): Promise<boolean>;
  /** Documents published in the last `days` days that are still in force, newest first. */
  recent(days: number): Promise<Publication[]>;
}

/** How `/moi` and "văn bản mới" reach back. */
export const RECENT_DAYS = 30;
