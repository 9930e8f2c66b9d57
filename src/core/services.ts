/**
 * The application services channels talk to. Channels (Telegram, Zalo, terminal, HTTP) depend only on these
 * interfaces; src/main.ts wires the implementations.
 */
import type { Logger } from 'pino';
import type { DocumentMetadata, StoredDocument, StoredSection } from './types.ts';
import type { DocumentForce, ForceKind, ForceTarget } from './force.ts';
import type { Answer, Question, TalkingPoints } from './types.ts';

/** Why the engine would answer a question the way it does: how it read it and how it ranked the sections. */
export interface Explanation {
  /** The question as understood. */
  understood: string;
  shape: string;
  facets: string[];
  bodies: string[];
  /** Share of the question's content words the collection has never seen. */
  unknownShare: number;
  /** What the refusal model reads off the question and its best section (null when nothing was found). */
  refusal: Record<string, number> | null;
  /** The refusal model's chance that the question can be answered (refused below 0.5). */
  answerable: number;
  /** Ranked candidate sections, best first, with the ranking model's features. */
  /** `documentType`: the type of the section's document ("Luật", "Kế hoạch"…), which picks the weights it is scored with. */
  candidates: Array<{ source: string; section: string; heading: string; documentType: string | null; score: number; features: Record<string, number> }>;
}

/** Answers questions from the stored directives, with citations. */
export interface AnswerEngine {
  ask(question: Question): Promise<Answer>;
  /** How a question is read and ranked (the admin's trial page, and fitting the ranking model). */
  explain(question: string, limit?: number): Promise<Explanation>;
  /** 3–7 talking points on a topic for báo cáo viên, each with citations. */
  talkingPoints(topic: string, question: Omit<Question, 'text'>): Promise<TalkingPoints>;
}

/** One question (or talking-points topic) as a channel hands it to the {@link AskService}. */
export interface AskRequest {
  channel: Question['channel'];
  /** Who asks, in the channel's own ids (rate limits, statistics). */
  userId?: string;
  /** Stable id of the conversation, for follow-up memory (`telegram:<chat>`, `zalo:<chat>`, `api:<id>` …). */
  conversationId: string;
  /** What the user typed, as received. */
  text: string;
  /**
   * The asker's organisation (chi bộ, Đảng bộ …) for this request, so that "nội dung trọng tâm năm 2023" means "of
   * my Đảng bộ and the bodies above it". When absent, the unit the conversation set (or the deployment's default).
   */
  organisation?: string;
  /** An admin trying a question: answered like any other, never recorded, so the statistics stay honest. */
  trial?: boolean;
  /**
   * Counts the request against this key's per-minute limit (RATE_LIMIT_PER_MINUTE), e.g. `api:<client address>`.
   * The chat channels limit every message themselves, commands included, and leave it unset.
   */
  rateLimitKey?: string;
  /** The channel's logger for this update (one child per update); the service's own when absent. */
  log?: Logger;
  /**
   * Wraps the engine call only, to show that an answer is coming (Telegram's "typing…"): a request refused by
   * the checks shows nothing.
   */
  whileAnswering?: <T>(work: () => Promise<T>) => Promise<T>;
}

/**
 * Why a request was not passed to the engine. Channels word each reason their own way: `busy` when the answers
 * in flight and the queue before them are full (or the wait in the queue ran out), `rate_limited` when the
 * request's key is over its per-minute limit; both say when to try again.
 */
export type AskRefusal =
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'too_long'; chars: number; maxChars: number }
  | { ok: false; reason: 'busy' | 'rate_limited'; retryAfterSeconds: number };

/** How busy answering is: answers in flight and waiting, against their bounds. */
export interface AskLoad {
  inFlight: number;
  queued: number;
  maxInFlight: number;
  maxQueued: number;
  /** Every slot taken and the queue full: a new request would be turned away as busy. */
  full: boolean;
  /** What a turned-away caller is told to wait, in seconds. */
  retryAfterSeconds: number;
}

/** The engine's answer, or why the request was refused before reaching it. */
export type AskResult = { ok: true; answer: Answer } | AskRefusal;

/** Talking points, or why the request was refused before reaching the engine. */
export type TalkingPointsResult = { ok: true; points: TalkingPoints } | AskRefusal;

/**
 * The one way every channel (Telegram, Zalo, terminal) and the HTTP API asks: checks the question, asks the
 * engine, records the activity and logs one summary line. Throttling and the user's organisation plug in here.
 */
export interface AskService {
  ask(request: AskRequest): Promise<AskResult>;
  /** 3–7 talking points on `request.text` (the topic); checked and logged like a question, not recorded. */
  talkingPoints(request: AskRequest): Promise<TalkingPointsResult>;
  /** Answers in flight and queued now (readiness reports the process unready while the queue is full). */
  load(): AskLoad;
}

/** How a unit name was understood against the bodies the collection knows. */
export type UnitChoice =
  /** One body: its name and the chain above it (`Đảng ủy xã X › Huyện ủy Y › Tỉnh ủy Z`). */
  | { kind: 'set'; name: string; chain: string }
  /** Several bodies fit about equally (at most five offered). */
  | { kind: 'ambiguous'; typed: string; candidates: string[] }
  /** None fits; the closest known bodies, if any. */
  | { kind: 'unknown'; typed: string; closest: string[] };

/**
 * The asker's unit: `/donvi <tên>` on Telegram, `đơn vị <tên>` on Zalo, `organisation` in `POST /api/ask`.
 * Remembered per conversation in the database (shared by replicas); DEFAULT_ORGANISATION applies to the others.
 */
export interface Units {
  /** Reads `typed` against the collection's bodies and remembers the body when exactly one fits. */
  set(conversationId: string, typed: string): Promise<UnitChoice>;
  /** Forgets the conversation's unit: the name it had (null when none), and the default that applies now. */
  clear(conversationId: string): Promise<{ previous: string | null; fallback: string | null }>;
  /** The unit answers use: the conversation's own, else the deployment's default; null when neither. */
  current(conversationId: string): Promise<string | null>;
  /** How a name is understood now, without remembering it. */
  understand(typed: string): Promise<UnitChoice>;
}

/** Browsing the collection: list, outline, one section, what a year holds. */
export interface Library {
  listDocuments(): Promise<StoredDocument[]>;
  /** Resolves what a user typed ("12-KH/ĐU", "kế hoạch 12", a file name, an id, words of a title). */
  findDocument(ref: string): Promise<StoredDocument | null>;
  outline(documentId: string): Promise<StoredSection[]>;
  section(documentId: string, label: string): Promise<StoredSection | null>;
  /** Active documents whose year is `year`, plus every year that has documents. */
  year(year: number): Promise<{ documents: StoredDocument[]; years: number[] }>;
}

/** Who did something, for the audit log. */
export interface Actor {
  channel: 'telegram' | 'zalo' | 'cli' | 'admin-api';
  userId: string;
  name?: string;
}

/** One statement of a document naming another, with the document of the collection it is linked to. */
export interface ForceStatementView {
  id: number;
  kind: ForceKind;
  text: string;
  sectionLabel: string;
  target: ForceTarget;
  /** `admin` when an admin set the link. */
  linkSource: 'auto' | 'admin';
  /** The linked document; null when the collection has none (or an admin unlinked it). */
  linked: StoredDocument | null;
}

/** What a document's statements of force do: its status and chain, and each statement with its link. */
export interface ForceReview {
  force: DocumentForce;
  statements: ForceStatementView[];
}

/** What the parser understood about an upload, shown to the admin before publishing. */
export interface DraftReview {
  document: StoredDocument;
  outline: Array<{ label: string; heading: string; level: number }>;
  /** Active document this draft would replace, if any. */
  replaces: StoredDocument | null;
  warnings: string[];
  /** The upload had the same bytes as this stored document (a draft or an active one): nothing new was stored. */
  sameContent?: boolean;
  /** What it will replace, abolish or amend once published ("Sẽ thay thế: Quy định số 05-QĐ/TU ngày 12/9/2019"). */
  force?: ForceReview;
}

/** An upload was refused (empty, binary, unknown type, too large …): a value, not an error. */
export interface UploadRefusal {
  refused: true;
  reason: string;
  /** The file is over a limit on its size or the work it takes (bytes, pages, elements, text, memory). */
  overLimit?: boolean;
}

/** Admin operations shared by the Telegram admin commands, the CLI and the HTTP admin API. */
export interface Admin {
  /**
   * Parses and stores a draft; nothing is visible to users until `publish`. The same bytes again give the stored
   * draft or document back (`sameContent`, with a warning) instead of a second draft.
   */
  upload(file: { name: string; bytes: Uint8Array }, actor: Actor): Promise<DraftReview | UploadRefusal>;
  updateDraft(documentId: string, patch: Partial<DocumentMetadata>, actor: Actor): Promise<DraftReview>;
  publish(documentId: string, actor: Actor): Promise<StoredDocument>;
  cancel(documentId: string, actor: Actor): Promise<void>;
  retire(documentId: string, actor: Actor): Promise<void>;
  /**
   * Makes an old (replaced or retired) version active again; the version active now, if any, becomes
   * `replaced` by it in the same transaction.
   */
  restore(documentId: string, actor: Actor): Promise<StoredDocument>;
  remove(documentId: string, actor: Actor): Promise<void>;
  history(documentId: string): Promise<StoredDocument[]>;
  stats(): Promise<UsageStats>;
  /** A document's force: status, chain and statements with their links (for a draft: as once published). */
  force(documentId: string): Promise<ForceReview>;
  /**
   * Corrects the document a statement of `documentId` names: another document's id, `null` (none of the
   * collection) or `auto` (linked by number again). Audited; answers see it at once.
   */
  relinkForce(documentId: string, statementId: number, target: string | null | 'auto', actor: Actor): Promise<ForceReview>;
}

/** Numbers admins act on. */
export interface UsageStats {
  questions: number;
  refusals: number;
  byChannel: Record<string, number>;
  feedback: { up: number; down: number; reasons: Record<string, number> };
  /** Most frequent questions that were refused or found nothing: the content gap list. */
  unanswered: Array<{ question: string; count: number }>;
  /** Questions and refusals per day (Vietnam time, UTC+7) and channel, for the 30 days up to the latest question. */
  daily: Array<{ day: string; channel: string; questions: number; refusals: number }>;
}

/** Feedback on an answer. */
export interface Feedback {
  conversationId: string;
  channel: string;
  userId: string;
  helpful: boolean;
  reason?: 'wrong_source' | 'outdated' | 'off_topic' | string;
  question?: string;
}

/** Records questions, feedback and admin actions; shared across replicas through the database. */
export interface Activity {
  recordQuestion(q: Question, answer: Answer): Promise<void>;
  recordFeedback(f: Feedback): Promise<void>;
  recordAdminAction(actor: Actor, action: string, detail: Record<string, unknown>): Promise<void>;
  /** Returns false when the user is over the limit for the window (counters live in the database). */
  allowRequest(key: string, limit: number, windowSeconds: number): Promise<boolean>;
  /** Returns true the first time an update id is seen (de-duplication across replicas). */
  firstSeen(key: string, ttlSeconds: number): Promise<boolean>;
  stats(): Promise<UsageStats>;
}
