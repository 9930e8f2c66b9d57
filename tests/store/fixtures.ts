/**
 * Small hand-built documents for the store contract suite: five sections, a few chunks, 4-d vectors.
 */
import { createHash } from 'node:crypto';
import type { ChunkToStore, Db, DocumentStore, NewDocument } from '../../src/core/ports.ts';
import { createPgliteDb } from '../../src/store/db-pglite.ts';
import { createPgDocumentStore } from '../../src/store/document-store.ts';
import { migrate } from '../../src/store/migrations.ts';
import { hashTerms } from '../../src/store/lexical.ts';
import type { DocumentReference, ParsedSection } from '../../src/core/types.ts';

/** Term counts of a space-separated string. */
export function terms(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of text.split(/\s+/).filter(Boolean)) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

/** The section tree every fixture shares: opening, I › I.1 › I.1.a, II. */
export function sections(): ParsedSection[] {
  return [
    { label: '', heading: '', headingLine: '', level: 0, order: 0, parentLabel: null, body: 'Căn cứ Quy định.' },
    { label: 'I', heading: 'MỤC ĐÍCH', headingLine: 'I. MỤC ĐÍCH', level: 1, order: 1, parentLabel: null, body: 'Thân I.' },
    { label: 'I.1', heading: 'Nội dung', headingLine: '1. Nội dung', level: 2, order: 2, parentLabel: 'I', body: 'Thân I.1.' },
    { label: 'I.1.a', heading: 'Chi tiết', headingLine: 'a) Chi tiết', level: 3, order: 3, parentLabel: 'I.1', body: 'Thân a.' },
    { label: 'II', heading: 'TỔ CHỨC', headingLine: 'II. TỔ CHỨC', level: 1, order: 4, parentLabel: null, body: 'Thân II.' },
  ];
}

/** A chunk of section `sectionOrder` whose terms are the words of `words`. */
export function chunk(sectionOrder: number, order: number, words: string, embedding: number[]): ChunkToStore {
  return { sectionOrder, order, text: words, searchText: words, termCounts: hashTerms(terms(words)), embedding };
}

/** Options of {@link makeDocument}. */
export interface FixtureOptions {
  source?: string;
  number?: string | null;
  issuer?: string | null;
  year?: number | null;
  /** Date issued (ISO); by default 15 March of `year`. */
  issuedOn?: string | null;
  status?: 'draft' | 'active';
  chunks?: ChunkToStore[];
  references?: DocumentReference[];
  model?: string;
  title?: string;
}

/** Default chunks: "dang" in every chunk (IDF ≈ 0), one distinctive word per chunk. */
export function defaultChunks(tag: string): ChunkToStore[] {
  return [
    chunk(0, 0, `dang can cu ${tag}`, [1, 0, 0, 0]),
    chunk(1, 0, `dang muc dich ${tag}`, [0, 1, 0, 0]),
    chunk(2, 0, `dang noi dung tuyen truyen ${tag}`, [0, 0, 1, 0]),
    chunk(4, 0, `dang to chuc thuc hien ${tag}`, [0, 0, 0, 1]),
  ];
}

/** A complete `NewDocument`; the content hash follows source, number and chunk words. */
export function makeDocument(opts: FixtureOptions = {}): NewDocument {
  const source = opts.source ?? 'ke-hoach.txt';
  const chunks = opts.chunks ?? defaultChunks('alpha');
  const number = opts.number === undefined ? '12-KH/ĐU' : opts.number;
  const text = `${source} ${number} ${chunks.map((c) => c.text).join(' ')} ${opts.year ?? ''} ${opts.status ?? ''}`;
  return {
    source,
    contentHash: createHash('sha256').update(text).digest('hex'),
    metadata: {
      type: 'Kế hoạch',
      number,
      title: opts.title ?? 'Tuyên truyền năm 2023',
      issuer: opts.issuer === undefined ? 'Đảng ủy Khu kinh tế' : opts.issuer,
      signer: 'Nguyễn Văn A',
      signerRole: 'T/M BAN THƯỜNG VỤ – BÍ THƯ',
      place: 'Lào Cai',
      // Issued early in the year it is for: the year filter reads both (src/core/document-years.ts).
      issuedOn: opts.issuedOn !== undefined ? opts.issuedOn : opts.year === null ? null : `${opts.year ?? 2023}-03-15`,
      year: opts.year === undefined ? 2023 : opts.year,
      yearSource: 'title',
    },
    sections: sections(),
    chunks,
    references: opts.references ?? [],
    text,
    warnings: ['không thấy ngày ban hành'],
    embeddingModel: opts.model ?? 'test-4d',
    status: opts.status ?? 'active',
  };
}

/** A reference citing `number` from section `II`. */
export function reference(number: string): DocumentReference {
  return {
    type: 'Quy định',
    number,
    date: '2022-06-01',
    issuer: 'Bộ Chính trị',
    text: `Thực hiện Quy định số ${number} ngày 01/6/2022 của Bộ Chính trị`,
    sectionLabel: 'II',
  };
}

/** A migrated in-memory PGlite database and the document store on it. */
export async function openMemoryStore(): Promise<{ db: Db; store: DocumentStore }> {
  const db = await createPgliteDb();
  await migrate(db);
  return { db, store: createPgDocumentStore(db) };
}
