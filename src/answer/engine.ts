/**
 * The answer engine: question → understanding → year check → hybrid retrieval → section selection →
 * verbatim quotes with citations (and, when a chat model is configured, prose checked against them).
 * It knows nothing of Telegram, Zalo, SQL or HTTP.
 */
import { yearsOf } from '../core/document-years.ts';
import type { Clock, DocumentStore, Embedder } from '../core/ports.ts';
import { createStageClock, UNTIMED, type StageClock } from '../core/stage-clock.ts';
import type { AnswerEngine } from '../core/services.ts';
import type { Answer, Citation, Question, StoredDocument } from '../core/types.ts';
import type { Analyzer } from '../text/analyze.ts';
import type { Catalog } from '../retrieval/catalog.ts';
import { retrieveSections, type RankedSection } from '../retrieval/search.ts';
import { answerableChance, type RankingModel } from '../retrieval/ranking-model.ts';
import { topicUnits, understand, type QueryIntent } from '../retrieval/understand.ts';
import { numberYears } from './number-years.ts';
import { resolveIntent, type ResolvedIntent } from '../retrieval/resolve-intent.ts';
import type { QuestionNormalizer } from '../retrieval/question-normalizer.ts';
import type { DirectiveModel } from '../retrieval/directive-model.ts';
import type { OutlineCache } from '../retrieval/outline-cache.ts';
import type { ProfileCache } from '../retrieval/profile-cache.ts';
import { cleanUserText, foldedView, quoteKey } from '../text/normalize.ts';
import { notHeld } from './not-held.ts';
import { answerCatalog, namedAbout } from './collection-list.ts';
import type { NumberKeyMemo } from '../text/number-key-memo.ts';
import { storableText } from '../text/storable-text.ts';
import type { ConversationMemory } from './conversation-memory.ts';
import { absentYearText, citationFor, HINT, makeAnswer, officeholderText, placeNotHeldText, quoteSection, refusalText } from './compose.ts';
import { resolveFollowUp } from './follow-up.ts';
import { selectSections } from './select.ts';
import { listQuote } from './list-quote.ts';
import { faithfulQuote, isFaithful } from './faithful-quote.ts';
import { headerDateLine, introFor, listIntro } from './intro.ts';
import { yearElsewhere } from './year-elsewhere.ts';
import { asksClosing, catalogTopic } from '../retrieval/question-shape.ts';
import { CLOSING_HEADING, closingQuote, lastBodyEntry } from './closing-block.ts';
import { placesNotHeld } from './unknown-place.ts';
import { namedSectionToOpen, noSuchSection, openSection } from './named-section.ts';
import { refusalFeatures } from './refusal-features.ts';
import { buildTalkingPoints, keepVerbatim } from './talking-points.ts';
import { answerInForce } from './in-force.ts';
import type { ModelWriter } from './model-answer.ts';
import { unitChain, type Organisations } from '../organisation/organisations.ts';
import type { BodyDirectory } from '../organisation/directory.ts';
import { mentionOrder, settleBodies } from './copied-bodies.ts';
import { withBody } from './whose.ts';
import { leadIns, withLeadIn, type LeadIn } from './lead-in.ts';

export interface EngineOptions {
  /** Characters quoted per section. */
  maxQuoteChars: number;
  conversationTtlSeconds: number;
  /** Weights and thresholds of ranking, selection and refusal (src/retrieval/ranking-model.ts). */
  model: RankingModel;
}

export interface EngineDeps {
  store: DocumentStore;
  embedder: Embedder;
  analyzer: Analyzer;
  catalog: Catalog;
  /** Reads chat short forms, typos and missing accents against the collection's statistics. */
  normalizer: QuestionNormalizer;
  /** Roles of a directive's parts and the bodies plans assign tasks to. */
  directives: DirectiveModel;
  outlines: OutlineCache;
  profiles: ProfileCache;
  conversations: ConversationMemory;
  /** Keys of document numbers, parsed once per number (a question is checked against every catalog entry). */
  numberKeys: NumberKeyMemo;
  clock: Clock;
  /** The collection's hierarchy of bodies: the asker's unit and whose document each citation is. */
  organisations: Organisations;
  options: EngineOptions;
  /** Optional generative writer; the extractive answer is served when absent or when it fails. */
  writer?: ModelWriter;
}

/** A question read, settled and ranked. */
interface Ranking {
  intent: ResolvedIntent;
  available: number[];
  ranked: RankedSection[];
  /** Set when the year asked about is answered from another year's document. */
  yearNote: string | null;
}

/** Creates the engine. */
export function createAnswerEngine(engineDeps: EngineDeps): AnswerEngine {
  const { options, clock } = engineDeps;
  const deps = {
    ...engineDeps,
    retrieval: { store: engineDeps.store, embedder: engineDeps.embedder, catalog: engineDeps.catalog, outlines: engineDeps.outlines, directives: engineDeps.directives, profiles: engineDeps.profiles, model: options.model },
  };

  /** The collection as the list question "kho có những văn bản nào?" reads it (src/answer/collection-list.ts). */
  const library = { documents: async () => (await deps.catalog.entries()).map((e) => e.document), sections: (id: string) => deps.store.getSections(id) };

  async function answerQuestion(q: Question, stages: StageClock): Promise<Answer> {
    const text = q.text.trim();
    if (text === '') return makeAnswer({ outcome: 'empty', intro: `Bạn hãy gõ câu hỏi. ${HINT}`, citations: [], notice: null });
    const state = await deps.conversations.get(q.conversationId);
    const follow = resolveFollowUp(text, state, clock.now().getFullYear());
    if (follow.kind === 'clarify') return makeAnswer({ outcome: 'refused', intro: follow.reply, citations: [], notice: null });
    if (follow.kind === 'section') return (await openSection(deps, follow.documentId, follow.label)) ?? (await noSuchSection(deps.store, follow.documentId, follow.label));
    const question = follow.kind === 'rewrite' ? follow.question : text;
    const ranking = await rankQuestion(question, stages, q.organisation);
    const { intent, ranked } = ranking;
    const named = await namedSectionToOpen(intent.sectionRefs, intent.documentIds, ranked, answerable(ranked[0], intent), (id) => deps.store.getSections(id));
    const opened = named ? await openSection(deps, named.documentId, named.label) : null;
    if (opened) return opened;
    return stages.time('quoting', async () => (await inForce(ranking)) ?? answerRanked(ranking));
  }

  /** "X còn hiệu lực không?": answered from the statements of force, citing both documents (src/answer/in-force.ts). */
  async function inForce({ intent, ranked }: Ranking): Promise<Answer | null> {
    if (intent.shape !== 'in_force') return null;
    const found = answerable(ranked[0], intent);
    return answerInForce(intent, ranked, found, { store: deps.store, catalog: deps.catalog, numberKeys: deps.numberKeys, maxQuoteChars: options.maxQuoteChars });
  }

  /** Reads the question, settles it against the collection and ranks the sections (or finds the year missing). */
  async function rankQuestion(question: string, stages: StageClock, organisation?: string): Promise<Ranking> {
    const { intent: read, available } = await stages.time('understanding', async () => {
      const asked = understand(await deps.normalizer.normalize(question), deps.analyzer, clock.now().getFullYear(), deps.directives);
      const years = await deps.catalog.years();
      const named = asked.numberKeys.length > 0 ? await namedDocuments(asked.numberKeys) : [];
      const unit = organisation ? unitChain(await deps.organisations.directory(), organisation) : null;
      // A year written after a number is checked against the dates the collection gives that number.
      const namedDocs = (await deps.catalog.entries()).filter((e) => named.includes(e.document.id)).map((e) => e.document);
      const dated = asked.citedYears.length > 0 ? await numberYears(deps.store, asked.numberKeys, namedDocs) : null;
      const namedDocumentYears = namedDocs.flatMap((d) => yearsOf(d));
      return { intent: resolveIntent(asked, { years, namedDocumentIds: named, unit, numberYears: dated, namedDocumentYears }), available: years };
    });
    const retrieve = (i: ResolvedIntent, filter: { years?: number[] }) => retrieveFor(i, filter, stages);
    const intent = await asCatalogOrNot(read);
    const present = intent.presentYears;
    if (intent.shape === 'catalog') return { intent, available, ranked: [], yearNote: null };
    const elsewhere = (year: number) => yearElsewhere(year, () => retrieve(intent, {}), (r) => answerable(r, intent));
    if (intent.years.length > 0 && present.length === 0) {
      // No document is for the year: its figures may still be in another year's report.
      const found = intent.years.length === 1 ? await elsewhere(intent.years[0] as number) : null;
      return { intent, available, ranked: found?.ranked ?? [], yearNote: found?.note ?? null };
    }
    if (intent.newestInstead !== null) {
      const note = `${absentYearText(intent.missingYears, available)} Dưới đây là văn bản mới nhất (năm ${intent.newestInstead}).`;
      return { intent, available, ranked: await retrieve(intent, { years: present }), yearNote: note };
    }
    if (present.length === 0) return { intent, available, ranked: await retrieve(intent, {}), yearNote: null };
    const ranked = await retrieve(intent, { years: present });
    // "Năm 2022 và những năm tiếp theo" can sit in a 2021 plan: when that year's documents do not answer, look
    // for the year written in other years' text.
    const found = present.length === 1 && !answerable(ranked[0], intent) ? await elsewhere(present[0] as number) : null;
    return { intent, available, ranked: found?.ranked ?? ranked, yearNote: found?.note ?? null };
  }

  /**
   * "Trong kho có văn bản nào về X?" is answered by the list of documents named about X; when none is, by the
   * sections that speak of X (a plan may have a part on it), as a question about its content.
   */
  async function asCatalogOrNot(intent: ResolvedIntent): Promise<ResolvedIntent> {
    const topic = intent.shape === 'catalog' ? catalogTopic(intent.folded) : null;
    if (!topic || (await deps.catalog.entries()).some((e) => namedAbout(e.document, topic))) return intent;
    return { ...intent, shape: /\b(?:nhung|cac)\b/.test(intent.folded) ? 'list' : 'factoid' };
  }

  async function answerRanked(ranking: Ranking): Promise<Answer> {
    const answer = await answerFrom(ranking);
    // Short forms spelled out or typos fixed: say how the question was read, so a misreading shows.
    const heard = ranking.intent.understood;
    const told = heard ? makeAnswer({ ...answer, intro: `Hiểu câu hỏi là: "${heard}".\n${answer.intro}`, text: undefined }) : answer;
    return deps.writer && told.outcome === 'answered' ? deps.writer.rewrite(ranking.intent.text, told) : told;
  }

  async function answerFrom({ intent, available, ranked, yearNote }: Ranking): Promise<Answer> {
    const { presentYears: present } = intent;
    const missing = intent.newestInstead === null ? intent.missingYears : [];
    if (intent.years.length > 0 && present.length === 0 && ranked.length === 0) {
      return makeAnswer({ outcome: 'absent_year', intro: absentYearText(missing, available), citations: [], notice: null });
    }
    if (intent.shape === 'catalog') {
      const note = intent.newestInstead !== null ? absentYearText(intent.missingYears, available) : null;
      const topic = catalogTopic(intent.folded);
      return answerCatalog({ years: intent.years.length > 0 ? present : [], docTypes: intent.docTypes, units: topicUnits(intent), topic, note }, library);
    }
    const top = ranked[0];
    const debug = {
      topScore: top?.score ?? 0,
      topCoverage: top ? round(top.coverage) : 0,
      retrieved: ranked.slice(0, 8).map((r) => ({ source: r.document.source, section: r.section.label, score: round(r.score) })),
    };
    // "Luật Báo chí quy định gì?" when the collection holds no such law: say so rather than quote another text.
    if (intent.namedLaws.length > 0 && intent.shape !== 'mentions' && !(await holdsLaw(intent.namedLaws))) {
      return makeAnswer({ outcome: 'refused', intro: lawNotHeldText(intent.typed), citations: [], notice: null, debug });
    }
    // "Luật … năm 2023" when the collection's law of that name is of another year: that law is not held.
    const otherYear = intent.namedLaws.length > 0 && intent.namedLawYears.length > 0 ? await lawOfOtherYear(intent.namedLaws, intent.namedLawYears) : null;
    if (otherYear) return makeAnswer({ outcome: 'absent_year', intro: lawYearNotHeldText(intent.namedLawYears, otherYear), citations: [], notice: null, debug });
    if (intent.asksOfficeholder) return makeAnswer({ outcome: 'refused', intro: officeholderText(), citations: [], notice: null, debug });
    const places = placesNotHeld(intent.unknownPlaces, (await deps.catalog.entries()).map((e) => e.document));
    if (places.length > 0) return makeAnswer({ outcome: 'refused', intro: placeNotHeldText(places), citations: [], notice: null, debug });
    // A numbered document the collection neither holds nor cites, an amount no section names (src/answer/not-held.ts).
    const titles = async () => (await deps.catalog.entries()).map((e) => e.document.title);
    const absent = await notHeld(intent, ranked, {
      namedDocuments,
      titles,
      findReferences: (key) => deps.store.findReferences(key, 1),
      facetsOf: deps.directives.facetsOfHeading,
    });
    if (absent !== null) return makeAnswer({ outcome: 'refused', intro: absent, citations: [], notice: null, debug });
    if (!top || !answerable(top, intent)) {
      return makeAnswer({ outcome: 'refused', intro: refusalText(), citations: [], notice: null, debug });
    }
    const directory = await deps.organisations.directory();
    const selected = selectSections(intent.shape === 'mentions' ? mentionOrder(ranked, intent.unit, directory) : ranked, intent, options.model.selection, (d) => deps.directives.bodiesIn(d.issuer ?? ''));
    // Several bodies saying the same: the asker's chain, else the highest level; the others named (src/answer/copied-bodies.ts).
    const { chosen, note } = settleBodies(intent.shape, intent.unit, selected, ranked, directory);
    const notes = [missing.length > 0 ? absentYearText(missing, available) : null, yearNote].filter(Boolean).join(' ');
    const notice = [notes, note].filter(Boolean).join('\n') || null;
    const leads = await leadIns(chosen, ranked, (ids) => deps.store.getSectionsByIds(ids));
    const first = chosen[0]?.document;
    const dateLine = (intent.shape === 'issuer' || intent.shape === 'basis') && first ? headerDateLine((await deps.store.documentSourceText(first.id)) ?? '') : null;
    const built = buildExtractive(intent, chosen, { notice, debug, dateLine }, directory, leads);
    // Who signed it, whom it was sent to: the closing block after its last section (src/answer/closing-block.ts).
    const closing = intent.shape === 'issuer' && first && asksClosing(intent.folded) ? await closingCitation(first) : null;
    const answer = await verbatimOnly(closing ? { ...built, citations: [...built.citations, closing] } : built);
    return intent.unit ? { ...answer, unit: intent.unit.body.name } : answer;
  }

  /** The closing block of a document, cited with the section it follows; null when the text has none. */
  async function closingCitation(document: StoredDocument): Promise<Citation | null> {
    const quote = closingQuote((await deps.store.documentSourceText(document.id)) ?? '');
    const entry = lastBodyEntry((await deps.store.getOutlines([document.id])).get(document.id) ?? []);
    const section = quote && entry ? (await deps.store.getSectionsByIds([entry.id]))[0] : undefined;
    return section && quote ? { ...citationFor(document, section, quote), heading: CLOSING_HEADING } : null;
  }

  /**
   * Last guard of quote fidelity: every fragment of every quote must stand in the document as uploaded (accents,
   * case and punctuation aside). A fragment the parser's repairs joined across a page break is cut where the
   * upload breaks it (src/answer/faithful-quote.ts); nothing is ever put in a directive's mouth.
   */
  async function verbatimOnly(answer: Answer): Promise<Answer> {
    const texts = new Map<string, string>();
    const citations = [];
    for (const c of answer.citations) {
      if (!texts.has(c.documentId)) texts.set(c.documentId, quoteKey((await deps.store.documentSourceText(c.documentId)) ?? ''));
      const source = texts.get(c.documentId) as string;
      citations.push(isFaithful(c.quote, source) ? c : { ...c, quote: faithfulQuote(c.quote, source) });
    }
    return makeAnswer({ ...answer, citations, text: undefined });
  }

  function retrieveFor(intent: ResolvedIntent, filter: { years?: number[] }, stages: StageClock = UNTIMED): Promise<RankedSection[]> {
    const named = intent.documentIds.length > 0 ? { documentIds: intent.documentIds } : {};
    return retrieveSections(intent, { ...filter, ...named }, deps.retrieval, stages);
  }

  /** The refusal model says the question can be answered from this section, or it cites the number asked about. */
  function answerable(r: RankedSection | undefined, intent: QueryIntent): boolean {
    return r !== undefined && (r.citesNumber || answerableChance(refusalFeatures(intent, r, options.model.weights), options.model.refusal) >= 0.5);
  }

  function buildExtractive(
    intent: ResolvedIntent,
    chosen: RankedSection[],
    { notice, debug, dateLine }: { notice: string | null; debug: Answer['debug']; dateLine: string | null },
    directory: BodyDirectory,
    leads: Map<string, LeadIn>,
  ): Answer {
    const units = topicUnits(intent);
    // A list question ("gồm những gì") wants every item of the list; other questions the relevant bullets only.
    const lists = chosen.map((r) => (intent.shape === 'list' ? listQuote(r.section, units, options.maxQuoteChars * 2) : null));
    const quoteOf = (r: RankedSection, i: number) => withLeadIn(lists[i]?.quote ?? quoteSection(r.section, units, options.maxQuoteChars), leads.get(r.section.id));
    const citations = chosen.map((r, i) => withBody(citationFor(r.document, r.section, quoteOf(r, i)), directory, intent.unit));
    const count = lists[0]?.count ?? null;
    const roles = [...(chosen[0]?.place?.ownFacets ?? []), ...(chosen[0]?.place?.inheritedFacets ?? [])];
    const intro = count !== null && citations.length === 1 ? listIntro(intent, count, roles) : introFor(intent, citations.length, chosen[0]?.document, dateLine);
    return makeAnswer({ outcome: 'answered', intro, citations, notice, debug });
  }

  /** An active law of the collection bears one of these (folded) names. */
  async function holdsLaw(names: string[]): Promise<boolean> {
    return (await lawsNamed(names)).length > 0;
  }

  /** The held laws a question names. */
  async function lawsNamed(names: string[]): Promise<StoredDocument[]> {
    const laws = (await deps.catalog.entries()).filter((e) => e.document.type !== null && LAW_TYPES.includes(e.document.type));
    // Named in a word order or with gaps of the asker's own ("luật chống ồn khu dân cư" for the "Luật Phòng, chống
    // tiếng ồn và giữ gìn trật tự trong khu dân cư"): every word of the name is in the title.
    return laws
      .filter((e) => {
        const title = new Set(foldedView(e.document.title).split(/[^a-z0-9]+/));
        return names.some((n) => n.split(' ').every((w) => title.has(w)));
      })
      .map((e) => e.document);
  }

  /** A held law of the name asked about, when none of that name is of the years written after it. */
  async function lawOfOtherYear(names: string[], years: number[]): Promise<StoredDocument | null> {
    const held = await lawsNamed(names);
    return held.length > 0 && !held.some((d) => yearsOf(d).some((y) => years.includes(y))) ? (held[0] as StoredDocument) : null;
  }

  /** Active documents of the collection whose number the question names. */
  async function namedDocuments(keys: string[]): Promise<string[]> {
    return (await deps.catalog.entries()).filter((e) => isNamed(e.document, keys)).map((e) => e.document.id);
  }

  /** The document is the one a number in the question names (full key, or the key without its issuer part). */
  function isNamed(d: StoredDocument, keys: string[]): boolean {
    if (!d.number) return false;
    const own = deps.numberKeys(d.number);
    return keys.some((k) => own === k || own.startsWith(`${k}/`));
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
      const stages = createStageClock();
      const answer = await answerQuestion(q, stages);
      await remember(q, answer);
      return { ...answer, debug: { ...answer.debug, stagesMs: stages.totals() }, latencyMs: Math.round(performance.now() - started) };
    },
    async explain(question, limit = 40) {
      const { intent, ranked } = await rankQuestion(cleanUserText(question).trim(), UNTIMED);
      return {
        understood: intent.text,
        shape: intent.shape,
        facets: intent.facets,
        bodies: intent.bodies,
        unknownShare: intent.unknownShare,
        refusal: ranked[0] ? refusalFeatures(intent, ranked[0], options.model.weights) : null,
        answerable: ranked[0] ? answerableChance(refusalFeatures(intent, ranked[0], options.model.weights), options.model.refusal) : 0,
        candidates: ranked.slice(0, limit).map((r) => ({
          source: r.document.source,
          section: r.section.label,
          heading: r.section.heading,
          documentType: r.document.type,
          score: round(r.score),
          features: r.features,
        })),
      };
    },
    async talkingPoints(topic) {
      const asked = understand(await deps.normalizer.normalize(topic), deps.analyzer, clock.now().getFullYear(), deps.directives);
      const intent = resolveIntent(asked, { years: await deps.catalog.years(), namedDocumentIds: [] });
      const years = intent.presentYears;
      const ranked = await retrieveFor(intent, years.length > 0 ? { years } : {});
      // The same guard as answers': every point quotes its document verbatim.
      return keepVerbatim(buildTalkingPoints(topic, intent, ranked), (id) => deps.store.documentSourceText(id));
    },
  };
}

/** Types whose documents a question names by name ("Luật Báo chí"). */
const LAW_TYPES: string[] = ['Luật', 'Bộ luật', 'Pháp lệnh', 'Văn bản hợp nhất', 'Hiến pháp'];

/** The law asked about is held, but of another year. */
function lawYearNotHeldText(years: number[], held: StoredDocument): string {
  const name = [held.type, held.number].filter(Boolean).join(' ');
  return `Kho chưa có luật này của năm ${years.join(', ')}. Kho có ${name}${held.title ? ` (${held.title})` : ''}, năm ${yearsOf(held).join(', ')}; hỏi lại không kèm năm để xem nội dung của nó.`;
}

/** The collection has no law by the name asked about. */
function lawNotHeldText(question: string): string {
  const name = /(?:Bộ luật|Luật|Pháp lệnh)\s+[^,?.;]+?(?=\s+(?:năm|số|quy định|thì|có|về)\b|[,?.;]|$)/iu.exec(question)?.[0];
  return `Kho chưa có ${name ? `"${name}"` : 'văn bản luật này'}, nên không trích dẫn được. ${refusalText()}`;
}

/** The section's heading or text names the year (see {@link textNamesYear}). */
function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
