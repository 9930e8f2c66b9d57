/**
 * Core domain types shared by ingestion, the store, retrieval, the answer engine and the channels.
 * Nothing here knows about Telegram, Zalo, pg or HTTP.
 */
import type { DocumentForce, ForceNote, ForceStatement } from './force.ts';
import type { StageTimes } from './stage-clock.ts';

/**
 * The document types a directive can have, in their canonical Vietnamese spelling: Party types first, then the
 * state legal documents the directives cite and admins upload too (Luật, Nghị định, Thông tư …).
 */
export const DOCUMENT_TYPES = [
  'Kế hoạch',
  'Hướng dẫn',
  'Nghị quyết',
  'Chỉ thị',
  'Kết luận',
  'Quy định',
  'Quyết định',
  'Chương trình',
  'Đề án',
  'Thông báo',
  'Báo cáo',
  'Công văn',
  'Quy chế',
  'Chương trình hành động',
  'Đề cương',
  'Điều lệ',
  'Thông tri',
  'Hiến pháp',
  'Bộ luật',
  'Luật',
  'Pháp lệnh',
  'Nghị định',
  'Thông tư',
  'Văn bản hợp nhất',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** State legal documents (laws and the decrees and circulars under them), as opposed to the Party's own. */
export const STATE_LEGAL_TYPES: ReadonlySet<DocumentType> = new Set(['Hiến pháp', 'Bộ luật', 'Luật', 'Pháp lệnh', 'Nghị định', 'Thông tư', 'Văn bản hợp nhất']);

/**
 * Where a document's year came from, most reliable first. A state number's year (`45/2019/QH14`, the year it
 * was passed or signed) counts as `date`: the store's schema accepts exactly these four values.
 */
export type YearSource = 'override' | 'title' | 'date' | 'references';

/** What the parser detected about a document (every field can be overridden by an admin). */
export interface DocumentMetadata {
  type: DocumentType | null;
  /** Canonical number such as `12-KH/ĐU`, without spaces around the dash. */
  number: string | null;
  /** The trích yếu (title line(s) after the type), single-spaced. */
  title: string;
  /** Issuing body, e.g. `Ban Thường vụ Huyện ủy`, `Thành ủy Bắc Kạn`. */
  issuer: string | null;
  signer: string | null;
  /** e.g. `T/M BAN THƯỜNG VỤ – BÍ THƯ`. */
  signerRole: string | null;
  place: string | null;
  /** ISO date `YYYY-MM-DD` of the document itself when present. */
  issuedOn: string | null;
  /** The year the document is for. */
  year: number | null;
  yearSource: YearSource | null;
}

/** A document cited inside another one ("Thực hiện Kế hoạch số 114-KH/BTCTW ngày 21/4/2023 của …"). */
export interface DocumentReference {
  type: DocumentType | null;
  number: string | null;
  /** ISO date when the citation gives one. */
  date: string | null;
  issuer: string | null;
  /** The citation as it appears in the text (repaired, single-spaced). */
  text: string;
  /** Label of the section the citation appears in. */
  sectionLabel: string;
}

/** One node of a document's section tree. */
export interface ParsedSection {
  /** Citation label per the brief's contract: `""`, `I`, `II.1`, `II.1.1.1`, `IV.2.a` … */
  label: string;
  /** Heading text without its number, e.g. `Nội dung tuyên truyền trọng tâm`. Empty for the opening part. */
  heading: string;
  /** The heading line exactly as written (repaired), e.g. `1. Nội dung tuyên truyền trọng tâm`. */
  headingLine: string;
  /** 0 for the opening part, 1 for Roman parts, 2 for `1.` under a part, and so on. */
  level: number;
  /** Position in reading order, 0-based, unique within the document. */
  order: number;
  parentLabel: string | null;
  /** The section's own text (after its heading line, before the next heading of any level), repaired. */
  body: string;
}

/** A parsed, repaired document ready to be chunked and stored. */
export interface ParsedDocument {
  /** File name the document was ingested from (no folder). */
  source: string;
  /** sha256 of the original bytes, hex. */
  contentHash: string;
  metadata: DocumentMetadata;
  sections: ParsedSection[];
  references: DocumentReference[];
  /** What the document says about its own force and other documents' (src/core/force.ts). */
  force: ForceStatement[];
  /** The repaired full text (kept for admins and for quote checks). */
  text: string;
  /** The text as extracted from the upload, before repair: what a quote must stand in verbatim. */
  sourceText?: string;
  /** Things an admin should look at: no year found, no number, … */
  warnings: string[];
}

/** A piece of a section, the unit of search. Never crosses a section. */
export interface ChunkDraft {
  /** `order` of the section this chunk belongs to. */
  sectionOrder: number;
  /** Position within its section. */
  order: number;
  /** Original text of the chunk (verbatim from the section body). */
  text: string;
  /** Document title + heading path + text, used for lexical and vector search. */
  searchText: string;
}

export type DocumentStatus = 'draft' | 'active' | 'replaced' | 'retired';

/** A document as stored. */
export interface StoredDocument extends DocumentMetadata {
  id: string;
  source: string;
  contentHash: string;
  status: DocumentStatus;
  version: number;
  replacedBy: string | null;
  createdAt: Date;
  sectionCount: number;
  chunkCount: number;
  warnings: string[];
  /** Whether it is in force, and its chain (replaces / replaced by); set where the collection's statements are applied (the catalog). */
  force?: DocumentForce;
}

/** A section as stored, with the full text including its descendants. */
export interface StoredSection {
  id: string;
  documentId: string;
  label: string;
  heading: string;
  headingLine: string;
  level: number;
  order: number;
  parentLabel: string | null;
  body: string;
  /** Own body plus every descendant section (heading lines included), in reading order. */
  fullText: string;
}

/** A section in a document's outline: where it stands and what it is called, without its text. */
export interface OutlineEntry {
  /** Section id. */
  id: string;
  label: string;
  heading: string;
  parentLabel: string | null;
  level: number;
  order: number;
  /** For an appendix (`Phụ lục`): its table's header row, whose column names say what each row gives. */
  columns?: string;
  /** For a row of an appendix's table (`Phụ lục.3`): the row as written, its cells split by `|`. */
  row?: string;
}

/** One quoted and cited part of an answer. */
export interface Citation {
  /** File name the document was ingested from. */
  source: string;
  /** Section label per the contract. */
  section: string;
  heading: string;
  title: string;
  number: string | null;
  year: number | null;
  type: DocumentType | null;
  issuer: string | null;
  issuedOn: string | null;
  documentId: string;
  /** Verbatim text from the section (fragments joined by `…`). */
  quote: string;
  /** Set when the document is not plainly in force (replaced, abolished, amended …): the citation says so. */
  force?: ForceNote;
  /**
   * Whose document it is, as the hierarchy of bodies names its issuer with its place (`Ủy ban Mặt trận Tổ quốc
   * Việt Nam tỉnh Trà Vinh`), and how it stands to the asker's unit: `own` body or a body `above` it.
   */
  body?: { name: string; relation?: 'own' | 'above' };
}

/** What channels pass to the engine. */
export interface Question {
  text: string;
  /** Stable id of the conversation (chat), used for follow-up memory. */
  conversationId: string;
  channel: 'telegram' | 'zalo' | 'terminal' | 'cli' | 'api' | 'eval' | 'bench';
  userId?: string;
  /**
   * The asker's unit (a body's name, as set with `/donvi` or sent to the API): answers prefer the documents of
   * that body and the bodies above it.
   */
  organisation?: string;
}

export type AnswerOutcome = 'answered' | 'refused' | 'absent_year' | 'too_long' | 'empty';

/** What the engine returns; channels render it (HTML for Telegram, plain text for Zalo). */
export interface Answer {
  outcome: AnswerOutcome;
  /** Plain-text rendering of the whole answer (what `ask --json` prints as `answer`). */
  text: string;
  /** Optional lead sentence shown before the quotes. */
  intro: string;
  /** Quoted parts, each with its citation, in display order. */
  citations: Citation[];
  /** Extra note such as "chưa có văn bản năm 2025 trong kho; có: 2021, 2022, 2023". */
  notice: string | null;
  /** Whether a model wrote the prose (citations are still checked by the product). */
  mode: 'extractive' | 'model';
  /** The body whose chain the answer preferred (the asker's unit as understood); absent without a unit. */
  unit?: string;
  /** Retrieval diagnostics for admins and logs. */
  debug: {
    topScore: number;
    topCoverage?: number;
    retrieved: Array<{ source: string; section: string; score: number }>;
    /** Milliseconds spent per stage of the answer (src/core/stage-clock.ts). */
    stagesMs?: StageTimes;
  };
  latencyMs: number;
}

/** One point in a talking-points outline for báo cáo viên. */
export interface TalkingPoint {
  /** A whole clause or sentence as written (the first citation's quote); `…` marks a sentence that goes on. */
  title: string;
  /** Where it is said: first the document of its group, then near-copies of it in other documents. */
  citations: Citation[];
}

/** The points quoted from one document, in the document's order. */
export interface TalkingPointGroup {
  documentId: string;
  year: number | null;
  points: TalkingPoint[];
}

export interface TalkingPoints {
  topic: string;
  /** Every point, group after group. */
  points: TalkingPoint[];
  /** The same points by document, newest year first. */
  groups: TalkingPointGroup[];
  /** How many documents the points quote (a merged near-copy counts each document it cites). */
  documentCount: number;
  refused: boolean;
  notice: string | null;
}
