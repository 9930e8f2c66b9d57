/**
 * The answer engine: question → understanding → year check → hybrid retrieval → section selection →
 * verbatim quotes with citations (and, when a chat model is configured, prose checked against them).
 * It knows nothing of Telegram, Zalo, SQL or HTTP.
 */
import type { Clock, ConversationStore, DocumentStore, Embedder } from '../core/ports.ts';
import type { AnswerEngine } from '../core/services.ts';
import type { Answer, Question } from '../core/types.ts';
import type { Analyzer } from '../text/analyze.ts';
import { isQuestionWord } from '../text/analyze.ts';
import { viewOf } from '../retrieval/coverage.ts';
import type { Catalog } from '../retrieval/catalog.ts';
import { questionUnits } from '../retrieval/coverage.ts';
import { retrieveSections, type RankedSection, type RetrievalWeights } from '../retrieval/search.ts';
import { understand, type QueryIntent } from '../retrieval/understand.ts';
import { absentYearText, citationFor, HINT, makeAnswer, quoteSection, refusalText } from './compose.ts';
import { resolveFollowUp } from './follow-up.ts';
import { selectSections, type SelectionRules, DEFAULT_SELECTION } from './select.ts';
import { buildTalkingPoints } from './talking-points.ts';
import type { ModelWriter } from './model-answer.ts';

export interface EngineOptions {
  /** Below this share of the question found in the best section, the engine refuses. Calibrated by `npm run eval`. */
  minCoverage: number;
  maxQuestionChars: number;
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
  conversations: ConversationStore;
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
    if (text.length > options.maxQuestionChars) {
      const intro = `Câu hỏi quá dài (${text.length} ký tự, tối đa ${options.maxQuestionChars}). Bạn hãy hỏi ngắn gọn hơn.`;
      return makeAnswer({ outcome: 'too_long', intro, citations: [], notice: null });
    }
    const state = await deps.conversations.get(q.conversationId);
    const follow = resolveFollowUp(text, state, clock.now().getFullYear());
    if (follow.kind === 'section') {
      const opened = await openSection(follow.documentId, follow.label);
      if (opened) return opened;
    }
    const question = follow.kind === 'rewrite' ? follow.question : text;
    const intent = understand(question, deps.analyzer, clock.now().getFullYear());
    return answerIntent(intent);
  }

  async function answerIntent(intent: QueryIntent): Promise<Answer> {
    const available = await deps.catalog.years();
    const missing = intent.years.filter((y) => !available.includes(y));
    const present = intent.years.filter((y) => available.includes(y));
    if (intent.years.length > 0 && present.length === 0) {
      return makeAnswer({ outcome: 'absent_year', intro: absentYearText(missing, available), citations: [], notice: null });
    }
    const ranked = await retrieveSections(intent, present.length > 0 ? { years: present } : {}, {
      store: deps.store,
      embedder: deps.embedder,
      catalog: deps.catalog,
      weights: options.weights,
    });
    const top = ranked[0];
    const debug = {
      topScore: top?.score ?? 0,
      topCoverage: top ? round(top.coverage) : 0,
      retrieved: ranked.slice(0, 8).map((r) => ({ source: r.document.source, section: r.section.label, score: round(r.score) })),
    };
    if (!top || (!top.citesNumber && top.coverage < options.minCoverage)) {
      return makeAnswer({ outcome: 'refused', intro: refusalText(), citations: [], notice: null, debug });
    }
    const chosen = selectSections(ranked, intent, options.selection ?? DEFAULT_SELECTION);
    const notice = missing.length > 0 ? absentYearText(missing, available) : null;
    const answer = buildExtractive(intent, chosen, notice, debug);
    return deps.writer ? deps.writer.rewrite(intent.text, answer) : answer;
  }

  function buildExtractive(intent: QueryIntent, chosen: RankedSection[], notice: string | null, debug: Answer['debug']): Answer {
    const units = questionUnits(intent.expanded, (w) => !isQuestionWord(w), viewOf(intent.text));
    // A list question ("gồm những gì") wants the whole list; other questions the relevant bullets only.
    const budget = intent.shape === 'list' ? options.maxQuoteChars * 2 : options.maxQuoteChars;
    const citations = chosen.map((r) => citationFor(r.document, r.section, quoteSection(r.section, units, budget)));
    const intro = introFor(intent, citations.length);
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

  async function remember(q: Question, answer: Answer): Promise<void> {
    if (answer.outcome !== 'answered') return;
    const state = {
      lastQuestion: q.text,
      years: [...new Set(answer.citations.map((c) => c.year).filter((y): y is number => y !== null))],
      documentIds: [...new Set(answer.citations.map((c) => c.documentId))],
      citedSections: answer.citations.map((c) => ({ documentId: c.documentId, label: c.section })),
      topicTerms: [],
    };
    await deps.conversations.put(q.conversationId, state, options.conversationTtlSeconds);
  }

  return {
    async ask(asked) {
      const started = performance.now();
      const q = { ...asked, text: storableText(asked.text) };
      const answer = await answerQuestion(q);
      await remember(q, answer);
      return { ...answer, latencyMs: Math.round(performance.now() - started) };
    },
    async talkingPoints(topic) {
      const intent = understand(topic, deps.analyzer, clock.now().getFullYear());
      const available = await deps.catalog.years();
      const years = intent.years.filter((y) => available.includes(y));
      const ranked = await retrieveSections(intent, years.length > 0 ? { years } : {}, {
        store: deps.store,
        embedder: deps.embedder,
        catalog: deps.catalog,
        weights: options.weights,
      });
      return buildTalkingPoints(topic, intent, ranked, { minCoverage: options.minCoverage, maxQuoteChars: options.maxQuoteChars });
    },
  };
}

/**
 * Drops what Postgres text and jsonb refuse (NUL, lone UTF-16 surrogates, which JSON webhooks can carry), so
 * an odd question gets an answer instead of failing when the conversation is remembered.
 */
function storableText(text: string): string {
  return text.replaceAll('\u0000', '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** The lead sentence, by the shape of the question. */
function introFor(intent: QueryIntent, count: number): string {
  const places = count > 1 ? `${count} chỗ` : 'chỗ sau';
  switch (intent.shape) {
    case 'mentions':
      return `Nội dung bạn hỏi được nhắc đến ở ${places} trong các văn bản:`;
    case 'basis':
      return 'Văn bản được ban hành căn cứ / để thực hiện các văn bản sau (phần mở đầu):';
    case 'comparison':
      return count > 1 ? 'Đặt cạnh nhau theo từng năm để so sánh:' : 'Chỉ tìm thấy nội dung của một năm:';
    default:
      return count > 1 ? 'Các văn bản trong kho nêu như sau:' : 'Văn bản nêu như sau:';
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
