/**
 * The answer engine: question → understanding → year check → hybrid retrieval → section selection →
 * verbatim quotes with citations (and, when a chat model is configured, prose checked against them).
 * It knows nothing of Telegram, Zalo, SQL or HTTP.
 */
import type { Clock, DocumentStore, Embedder } from '../core/ports.ts';
import type { AnswerEngine } from '../core/services.ts';
import type { Answer, Question, StoredDocument } from '../core/types.ts';
import type { Analyzer } from '../text/analyze.ts';
import type { Catalog } from '../retrieval/catalog.ts';
import { retrieveSections, type RankedSection, type RetrievalWeights } from '../retrieval/search.ts';
import { topicUnits, understand, type QueryIntent } from '../retrieval/understand.ts';
import { cleanUserText, foldedView, quoteKey } from '../text/normalize.ts';
import type { NumberKeyMemo } from '../text/number-key-memo.ts';
import { storableText } from '../text/storable-text.ts';
import type { ConversationMemory } from './conversation-memory.ts';
import { absentYearText, citationFor, HINT, makeAnswer, quoteSection, refusalText } from './compose.ts';
import { resolveFollowUp } from './follow-up.ts';
import { selectSections, type SelectionRules, DEFAULT_SELECTION } from './select.ts';
import { buildTalkingPoints } from './talking-points.ts';
import type { ModelWriter } from './model-answer.ts';

export interface EngineOptions {
  /** Below this share of the question found in the best section, the engine refuses. Calibrated by `npm run eval`. */
  minCoverage: number;
  /** Characters quoted per section. */
  maxQuoteChars: number;
  conversationTtlSeconds: number;
  weights: RetrievalWeights;
  selection?: SelectionRules;
}

export interface EngineDeps {
  store: DocumentStore;
  embedder: Embedder;
  analyzer: Analyzer;
  catalog: Catalog;
  conversations: ConversationMemory;
  /** Keys of document numbers, parsed once per number (a question is checked against every catalog entry). */
  numberKeys: NumberKeyMemo;
  clock: Clock;
  options: EngineOptions;
  /** Optional generative writer; the extractive answer is served when absent or when it fails. */
  writer?: ModelWriter;
}

/** Creates the engine. */
export function createAnswerEngine(deps: EngineDeps): AnswerEngine {
  const { options, clock } = deps;

  async function answerQuestion(q: Question): Promise<Answer> {
    const text = q.text.trim();
    if (text === '') return makeAnswer({ outcome: 'empty', intro: `Bạn hãy gõ câu hỏi. ${HINT}`, citations: [], notice: null });
    const state = await deps.conversations.get(q.conversationId);
    const follow = resolveFollowUp(text, state, clock.now().getFullYear());
    if (follow.kind === 'clarify') return makeAnswer({ outcome: 'refused', intro: follow.reply, citations: [], notice: null });
    if (follow.kind === 'section') return (await openSection(follow.documentId, follow.label)) ?? (await noSuchSection(follow.documentId, follow.label));
    const question = follow.kind === 'rewrite' ? follow.question : text;
    const intent = understand(question, deps.analyzer, clock.now().getFullYear());
    return answerIntent(intent);
  }

  async function answerIntent(asked: QueryIntent): Promise<Answer> {
    const available = await deps.catalog.years();
    // "Chỉ thị 05 năm 2016" with no 2016 document in the store: 2016 dates the directive, it is no filter.
    const datesOnly = asked.citedYears.filter((y) => !available.includes(y));
    const dated = datesOnly.length > 0 ? { ...asked, years: asked.years.filter((y) => !datesOnly.includes(y)) } : asked;
    const intent = dated.shapeIfNamedInStore && (await holdsNamed(dated.numberKeys)) ? { ...dated, shape: dated.shapeIfNamedInStore } : dated;
    const missing = intent.years.filter((y) => !available.includes(y));
    const present = intent.years.filter((y) => available.includes(y));
    if (intent.years.length > 0 && present.length === 0) {
      return makeAnswer({ outcome: 'absent_year', intro: absentYearText(missing, available), citations: [], notice: null });
    }
    let ranked = await retrieve(intent, present.length > 0 ? { years: present } : {});
    let yearNote: string | null = null;
    if (present.length === 1 && !answerable(ranked[0])) {
      // "Năm 2022 và các năm tiếp theo" can sit in a 2021 plan: look for the year written in other years' text.
      const year = present[0] as number;
      const elsewhere = (await retrieve(intent, {})).filter((r) => r.document.year !== year && mentionsYear(r, year));
      if (answerable(elsewhere[0])) {
        ranked = elsewhere;
        yearNote = `Nội dung về năm ${year} được nêu trong văn bản năm ${elsewhere[0]?.document.year ?? '?'}.`;
      }
    }
    const top = ranked[0];
    const debug = {
      topScore: top?.score ?? 0,
      topCoverage: top ? round(top.coverage) : 0,
      retrieved: ranked.slice(0, 8).map((r) => ({ source: r.document.source, section: r.section.label, score: round(r.score) })),
    };
    if (!top || !answerable(top)) {
      return makeAnswer({ outcome: 'refused', intro: refusalText(), citations: [], notice: null, debug });
    }
    // "Chỉ thị 05-CT/TW do ai ban hành?" with only documents citing it in the store: say where it is cited,
    // never name the citing document's issuer as its issuer.
    const shaped = intent.shape === 'issuer' && intent.numberKeys.length > 0 && !isNamed(top.document, intent.numberKeys) ? { ...intent, shape: 'mentions' as const } : intent;
    const chosen = selectSections(ranked, shaped, options.selection ?? DEFAULT_SELECTION);
    const notice = [missing.length > 0 ? absentYearText(missing, available) : null, yearNote].filter(Boolean).join(' ') || null;
    const answer = await verbatimOnly(buildExtractive(shaped, chosen, notice, debug), chosen);
    return deps.writer ? deps.writer.rewrite(intent.text, answer) : answer;
  }

  /**
   * Last guard of quote fidelity: every fragment of every quote must stand in its document's text (accents,
   * case and punctuation aside). A quote that does not is replaced by the section's own body, which the
   * parser copies verbatim; nothing is ever put in a directive's mouth.
   */
  async function verbatimOnly(answer: Answer, chosen: RankedSection[]): Promise<Answer> {
    const texts = new Map<string, string>();
    const citations = [];
    for (const c of answer.citations) {
      if (!texts.has(c.documentId)) texts.set(c.documentId, quoteKey((await deps.store.documentText(c.documentId)) ?? ''));
      const doc = texts.get(c.documentId) as string;
      const faithful = c.quote.split('…').map(quoteKey).filter(Boolean).every((f) => doc.includes(f));
      const section = chosen.find((r) => r.document.id === c.documentId && r.section.label === c.section)?.section;
      citations.push(faithful || !section ? c : { ...c, quote: section.body.trim() || section.headingLine });
    }
    return makeAnswer({ ...answer, citations, text: undefined });
  }

  function retrieve(intent: QueryIntent, filter: { years?: number[] }): Promise<RankedSection[]> {
    return retrieveSections(intent, filter, { store: deps.store, embedder: deps.embedder, catalog: deps.catalog, weights: options.weights });
  }

  /** Enough of the question is found, or the section cites the document number asked about. */
  function answerable(r: RankedSection | undefined): boolean {
    return r !== undefined && (r.citesNumber || r.coverage >= options.minCoverage);
  }

  function buildExtractive(intent: QueryIntent, chosen: RankedSection[], notice: string | null, debug: Answer['debug']): Answer {
    const units = topicUnits(intent);
    // A list question ("gồm những gì") wants the whole list; other questions the relevant bullets only.
    const budget = intent.shape === 'list' ? options.maxQuoteChars * 2 : options.maxQuoteChars;
    const citations = chosen.map((r) => citationFor(r.document, r.section, quoteSection(r.section, units, budget)));
    const intro = introFor(intent, citations.length, chosen[0]?.document);
    return makeAnswer({ outcome: 'answered', intro, citations, notice, debug });
  }

  async function openSection(documentId: string, label: string): Promise<Answer | null> {
    const entry = await deps.catalog.get(documentId);
    const section = (await deps.store.getSections(documentId)).find((s) => s.label === label);
    if (!entry || !section) return null;
    const quote = section.fullText.trim() || section.headingLine;
    const citation = citationFor(entry.document, section, quote);
    return makeAnswer({ outcome: 'answered', intro: `Toàn văn mục ${label}:`, citations: [citation], notice: null });
  }

  /** An active document of the collection has a number the question names. */
  async function holdsNamed(keys: string[]): Promise<boolean> {
    return (await deps.catalog.entries()).some((e) => isNamed(e.document, keys));
  }

  /** The document is the one a number in the question names (full key, or the key without its issuer part). */
  function isNamed(d: StoredDocument, keys: string[]): boolean {
    if (!d.number) return false;
    const own = deps.numberKeys(d.number);
    return keys.some((k) => own === k || own.startsWith(`${k}/`));
  }

  /** "mục 7 thì sao?" where the document has no such part: say so and list its parts, rather than guess. */
  async function noSuchSection(documentId: string, label: string): Promise<Answer> {
    const parts = (await deps.store.getSections(documentId)).filter((s) => s.level === 1).map((s) => s.label);
    const listed = parts.length > 0 ? ` Các phần của văn bản: ${parts.join(', ')}.` : '';
    return makeAnswer({ outcome: 'refused', intro: `Văn bản vừa trích không có mục ${label}.${listed}`, citations: [], notice: null });
  }

  async function remember(q: Question, answer: Answer): Promise<void> {
    if (answer.outcome !== 'answered') return;
    const state = { lastQuestion: q.text, citedSections: answer.citations.map((c) => ({ documentId: c.documentId, label: c.section })) };
    await deps.conversations.put(q.conversationId, state, options.conversationTtlSeconds);
  }

  return {
    async ask(asked) {
      const started = performance.now();
      const q = { ...asked, text: storableText(cleanUserText(asked.text)) };
      const answer = await answerQuestion(q);
      await remember(q, answer);
      return { ...answer, latencyMs: Math.round(performance.now() - started) };
    },
    async talkingPoints(topic) {
      const intent = understand(topic, deps.analyzer, clock.now().getFullYear());
      const available = await deps.catalog.years();
      const years = intent.years.filter((y) => available.includes(y));
      const ranked = await retrieve(intent, years.length > 0 ? { years } : {});
      return buildTalkingPoints(topic, intent, ranked, { minCoverage: options.minCoverage, maxQuoteChars: options.maxQuoteChars });
    },
  };
}

/** The lead sentence, by the shape of the question. */
function introFor(intent: QueryIntent, count: number, first: StoredDocument | undefined): string {
  const places = count > 1 ? `${count} chỗ` : 'chỗ sau';
  switch (intent.shape) {
    case 'mentions':
      return `Nội dung bạn hỏi được nhắc đến ở ${places} trong các văn bản:`;
    case 'basis':
      return 'Văn bản được ban hành căn cứ / để thực hiện các văn bản sau (phần mở đầu):';
    case 'issuer':
      return issuerIntro(first);
    case 'comparison':
      return count > 1 ? 'Đặt cạnh nhau theo từng năm để so sánh:' : 'Chỉ tìm thấy nội dung của một năm:';
    default:
      return count > 1 ? 'Các văn bản trong kho nêu như sau:' : 'Văn bản nêu như sau:';
  }
}

/** "Who issued it": the issuer and signer the document names (its metadata), then its opening is quoted. */
function issuerIntro(d: StoredDocument | undefined): string {
  if (!d?.issuer) return 'Phần mở đầu của văn bản nêu cơ quan ban hành:';
  const place = d.place && !foldedView(d.issuer).includes(foldedView(d.place)) ? ` (${d.place})` : '';
  const signer = d.signer ? ` Người ký: ${d.signer}${d.signerRole ? `, ${d.signerRole}` : ''}.` : '';
  return `Văn bản do ${d.issuer}${place} ban hành.${signer} Phần mở đầu:`;
}

/** The section's heading or text names "năm <year>" (a year in a range such as 2021 - 2025 does not count). */
function mentionsYear(r: RankedSection, year: number): boolean {
  const text = foldedView(`${r.section.heading}\n${r.section.fullText}`);
  return new RegExp(`\\bnam ${year}\\b(?!\\s*[-–])`).test(text);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
