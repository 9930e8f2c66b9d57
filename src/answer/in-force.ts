/**
 * "Quy định 05-QĐ/TU còn hiệu lực không?", "Kế hoạch 30-KH/TU có còn hiệu lực?": answered from the statements of
 * force (src/retrieval/force-status.ts), citing both documents — the sentence of the one that replaced, abolished
 * or amended it, and the one asked about. A document the collection does not hold is answered from what the
 * collection's documents say of it. Never inferred from years: with no statement, the answer says none was found.
 */
import type { DocumentStore } from '../core/ports.ts';
import type { ForceLink } from '../core/force.ts';
import type { Answer, Citation, StoredDocument } from '../core/types.ts';
import type { Catalog } from '../retrieval/catalog.ts';
import type { RankedSection } from '../retrieval/search.ts';
import { topicUnits } from '../retrieval/understand.ts';
import type { ResolvedIntent } from '../retrieval/resolve-intent.ts';
import type { NumberKeyMemo } from '../text/number-key-memo.ts';
import { citationFor, makeAnswer, quoteSection } from './compose.ts';
import { dayWords, partyName } from './force-words.ts';
import { partyOf } from '../retrieval/force-status.ts';

export interface InForceDeps {
  store: Pick<DocumentStore, 'getSections'>;
  catalog: Catalog;
  numberKeys: NumberKeyMemo;
  maxQuoteChars: number;
}

/** How far a chain of replacements is followed to the document in force now (A → B → C). */
const MAX_CHAIN = 5;

/** The sentence of a statement, cited in the section it stands in. */
async function statementCitation(link: ForceLink, deps: InForceDeps): Promise<Citation | null> {
  const entry = await deps.catalog.get(link.statingDocumentId);
  const section = entry ? (await deps.store.getSections(entry.document.id)).find((s) => s.label === link.sectionLabel) : undefined;
  return entry && section ? citationFor(entry.document, section, link.text) : null;
}

/** The document asked about, cited where it speaks of its own force, else where the question found it, else its opening. */
async function subjectCitation(doc: StoredDocument, intent: ResolvedIntent, ranked: RankedSection[], deps: InForceDeps): Promise<Citation | null> {
  const sections = await deps.store.getSections(doc.id);
  const own = doc.force?.ownStatement;
  const stated = own ? sections.find((s) => s.label === own.sectionLabel) : undefined;
  if (own && stated) return citationFor(doc, stated, own.text);
  const found = ranked.find((r) => r.document.id === doc.id)?.section ?? sections.find((s) => s.label === '') ?? sections[0];
  return found ? citationFor(doc, found, quoteSection(found, topicUnits(intent), Math.min(deps.maxQuoteChars, 600))) : null;
}

/** The document in force at the end of a chain of replacements (A → B → C), when the collection holds it. */
async function current(link: ForceLink, deps: InForceDeps): Promise<StoredDocument | null> {
  let doc: StoredDocument | null = null;
  let id = link.other.documentId;
  for (let i = 0; id !== null && i < MAX_CHAIN; i += 1) {
    const next = (await deps.catalog.get(id))?.document;
    if (!next) break;
    doc = next;
    id = doc.force?.state === 'replaced' ? (doc.force.by?.other.documentId ?? null) : null;
  }
  return doc;
}

/** ", từ ngày …" when the relation holds from another day than `stated`, the date of the document that states it. */
function since(link: ForceLink, stated: string | null = link.other.date): string {
  return link.since && link.since !== stated ? `, từ ${dayWords(link.since)}` : '';
}

/** The lead sentence, by the document's state. */
async function introFor(doc: StoredDocument, deps: InForceDeps): Promise<string> {
  const name = partyName(partyOf(doc));
  const f = doc.force;
  const by = f?.by;
  if (f?.state === 'replaced' && by) {
    const now = await current(by, deps);
    const tail = now && now.id !== by.other.documentId ? ` Văn bản đang có hiệu lực là ${partyName(partyOf(now))}.` : '';
    return `${name} không còn hiệu lực: đã được thay thế bởi ${partyName(by.other)}${since(by)}.${tail}`;
  }
  if (f?.state === 'abolished' && by) return `${name} không còn hiệu lực: đã bị bãi bỏ bởi ${partyName(by.other)}${since(by)}.`;
  if (f?.state === 'expired') return by ? `${name} không còn hiệu lực: đã hết hiệu lực theo ${partyName(by.other)}${since(by)}.` : `${name} không còn hiệu lực: đã hết hiệu lực${f.expiresOn ? ` từ ${dayWords(f.expiresOn)}` : ''}.`;
  if (f?.state === 'not_yet') return `${name} chưa có hiệu lực: có hiệu lực từ ${f.effectiveOn ? dayWords(f.effectiveOn) : 'ngày văn bản quy định'}.`;
  if (f?.state === 'amended' && by) return `${name} còn hiệu lực, đã được sửa đổi, bổ sung bởi ${partyName(by.other)}${since(by)}; khi áp dụng cần đọc cùng văn bản sửa đổi.`;
  const pending = f?.affectedBy.find((l) => !l.applied && l.kind !== 'amends' && l.kind !== 'continues');
  const later = pending ? ` ${partyName(pending.other)} sẽ ${pending.kind === 'replaces' ? 'thay thế' : 'chấm dứt hiệu lực của'} văn bản này${since(pending)}.` : '';
  const continued = f?.affectedBy.filter((l) => l.kind === 'continues' && l.applied).pop();
  const basis = continued ? ` ${partyName(continued.other)} nêu văn bản này được tiếp tục thực hiện.` : ' Trong kho không có văn bản nào thay thế, bãi bỏ hoặc làm hết hiệu lực văn bản này.';
  const replaced = f?.affects.filter((l) => l.kind === 'replaces' && l.applied).map((l) => partyName(l.other));
  const chain = replaced && replaced.length > 0 ? ` Văn bản này thay thế ${replaced.join(', ')}.` : '';
  return `${name} còn hiệu lực${f?.effectiveOn ? ` (có hiệu lực từ ${dayWords(f.effectiveOn)})` : ''}.${basis}${chain}${later}`;
}

/** What the collection's documents say of a document it does not hold (named by number in the question). */
function statementsAbout(keys: string[], docs: StoredDocument[], deps: InForceDeps): ForceLink[] {
  const named = (n: string | null) => n !== null && keys.some((k) => deps.numberKeys(n) === k || deps.numberKeys(n).startsWith(`${k}/`));
  return docs.flatMap((d) => d.force?.affects ?? []).filter((l) => l.other.documentId === null && named(l.other.number) && l.applied);
}

async function answerAbsent(intent: ResolvedIntent, deps: InForceDeps): Promise<Answer | null> {
  const docs = (await deps.catalog.entries()).map((e) => e.document);
  const about = statementsAbout(intent.numberKeys, docs, deps).sort((a, b) => (a.since ?? '').localeCompare(b.since ?? '')).pop();
  if (!about) {
    const number = intent.typed.match(/\S*\d\S*/u)?.[0]?.replace(/[?.,!]+$/u, '') ?? '';
    const asked = `${intent.docTypes[0] ?? 'văn bản'} ${number}`.trim();
    const intro = `Trong kho không có ${asked}, và không văn bản nào trong kho nêu việc thay thế, bãi bỏ hay sửa đổi văn bản đó, nên chưa trả lời được văn bản còn hiệu lực hay không.`;
    return makeAnswer({ outcome: 'refused', intro, citations: [], notice: null });
  }
  const stating = docs.find((d) => d.id === about.statingDocumentId);
  const verb = { replaces: 'đã được thay thế bởi', abolishes: 'đã bị bãi bỏ bởi', amends: 'đã được sửa đổi, bổ sung bởi', expires: 'đã hết hiệu lực theo', continues: 'được tiếp tục thực hiện theo' }[about.kind];
  const state = about.kind === 'amends' || about.kind === 'continues' ? 'còn hiệu lực' : 'không còn hiệu lực';
  const intro = `${partyName(about.other)} (chưa có trong kho) ${state}: ${verb} ${stating ? partyName(partyOf(stating)) : 'văn bản trong kho'}${since(about, stating?.issuedOn ?? null)}.`;
  const cited = await statementCitation(about, deps);
  return cited ? makeAnswer({ outcome: 'answered', intro, citations: [cited], notice: null }) : null;
}

/**
 * The document a question that names no number asks about ("Hướng dẫn về sử dụng mạng xã hội còn hiệu lực
 * không?"): of the type it names, the one covering most of it — by coverage, not by score, so the document being
 * out of force (which lowers its score) does not hide it behind the one that replaced it.
 */
function describedDocument(ranked: RankedSection[], intent: ResolvedIntent): StoredDocument | undefined {
  const typed = ranked.filter((r) => r.document.type !== null && intent.docTypes.includes(r.document.type));
  const pool = (typed.length > 0 ? typed : ranked).slice(0, 10);
  return [...pool].sort((a, b) => b.coverage - a.coverage || b.score - a.score)[0]?.document;
}

/**
 * The answer to "is X still in force": X is the document the question names by number (or, naming none, the one
 * it describes, when `answerable` says the collection answers it at all). Null when it cannot tell which document
 * is meant; the engine then answers as usual.
 */
export async function answerInForce(intent: ResolvedIntent, ranked: RankedSection[], answerable: boolean, deps: InForceDeps): Promise<Answer | null> {
  const named = await Promise.all(intent.documentIds.map(async (id) => (await deps.catalog.get(id))?.document));
  const doc = named.find((d) => d !== undefined) ?? (intent.numberKeys.length === 0 && answerable ? describedDocument(ranked, intent) : undefined);
  if (!doc) return intent.numberKeys.length > 0 ? answerAbsent(intent, deps) : null;
  const decided = doc.force?.by;
  const citations: Citation[] = [];
  const theirs = decided ? await statementCitation(decided, deps) : null;
  if (theirs) citations.push(theirs);
  const own = await subjectCitation(doc, intent, ranked, deps);
  if (own) citations.push(own);
  return makeAnswer({ outcome: 'answered', intro: await introFor(doc, deps), citations, notice: null });
}
