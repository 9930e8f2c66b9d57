/**
 * Turns text into lexical search terms. Vietnamese words are mostly one or two syllables and there is no
 * usable segmenter offline, so terms are syllables and adjacent-syllable pairs (bigrams), each in two views:
 * exact (`w:`/`b:`, NFC, canonical tones, lower case) and accent-folded (`f:`/`g:`). Document numbers get
 * their own term (`n:35-NQ/TW`, see {@link numberKey}) and abbreviations are expanded both ways.
 */
import type { Abbreviations } from './abbreviations.ts';
import { exactView, foldedView, hasDiacritics, syllables } from './normalize.ts';
import { numberKey, findNumberKeys } from './number-key.ts';
import type { ReadingSyllable } from './reading.ts';

/**
 * Version of the term rules below (and of the normalisation and number keys they use). Bump it whenever a
 * change would make the same text produce different terms: stores built by an older version rebuild their
 * lexical index at start (see src/app/open-core.ts).
 */
export const ANALYZER_VERSION = 4;

/** Question words and particles that carry no topic (exact view). */
const QUESTION_WORDS_EXACT = new Set(
  ('là gì những nào gồm có được của và các về cho trong thế ra sao bao nhiêu phải làm ở đâu nói việc hãy biết tôi ' +
    'em ạ không thì còn với đến nhắc nêu như này đó ai khi năm để mà hỏi xin cần những được nhỉ vậy hay lâu')
    .split(' '),
);
/** The same words typed without accents. */
const QUESTION_WORDS_FOLDED = new Set([...QUESTION_WORDS_EXACT].map((w) => foldedView(w)));

/** True for question words and particles ("là", "gì", "những"…), accented or typed without accents. */
export function isQuestionWord(exact: string, folded = foldedView(exact)): boolean {
  return hasDiacritics(exact) ? QUESTION_WORDS_EXACT.has(exact) : QUESTION_WORDS_FOLDED.has(folded);
}

/** Splits at punctuation and line breaks: bigrams never span two phrases. */
function phrases(text: string): string[] {
  return text.split(/[.,;:!?()[\]{}"“”'‘’«»\n…|/–—]+/u).filter((p) => p.trim() !== '');
}

function add(map: Map<string, number>, term: string, weight = 1): void {
  map.set(term, (map.get(term) ?? 0) + weight);
}

/** A syllable's folded view and whether it has diacritics. */
interface SyllableView {
  folded: string;
  accented: boolean;
}

/**
 * Views of the syllables seen so far. A collection has a few thousand distinct syllables and every chunk
 * repeats them, so the Unicode normalisation behind each view is done once per syllable (it was a fifth of the
 * time spent ingesting a document); the map is emptied should it ever grow past its bound.
 */
const syllableViews = new Map<string, SyllableView>();
const MAX_SYLLABLE_VIEWS = 200_000;

function viewOf(exact: string): SyllableView {
  let view = syllableViews.get(exact);
  if (view === undefined) {
    if (syllableViews.size >= MAX_SYLLABLE_VIEWS) syllableViews.clear();
    view = { folded: foldedView(exact), accented: hasDiacritics(exact) };
    syllableViews.set(exact, view);
  }
  return view;
}

/** Adds unigram and bigram terms of one phrase in both views. */
function addPhrase(terms: Map<string, number>, phrase: string, keep: (exact: string, folded: string) => boolean): void {
  const exact = syllables(exactView(phrase));
  const views = exact.map(viewOf);
  const kept = exact.map((e, i) => keep(e, views[i]!.folded));
  exact.forEach((e, i) => {
    const { folded: f, accented } = views[i]!;
    if (kept[i]) {
      if (accented) add(terms, `w:${e}`);
      add(terms, `f:${f}`);
    }
    if (i + 1 < exact.length) {
      const next = views[i + 1]!;
      if (kept[i] || kept[i + 1]) {
        if (accented || next.accented) add(terms, `b:${e}_${exact[i + 1]!}`);
        add(terms, `g:${f}_${next.folded}`);
      }
    }
  });
}

/** Analyzer bound to an abbreviation table. */
export interface Analyzer {
  /** Terms of a chunk's search text, with counts (for BM25 term frequency). */
  indexTerms(text: string): Map<string, number>;
  /** Terms of a question, question words removed, each with weight 1. */
  queryTerms(text: string): Map<string, number>;
  /**
   * Terms of a question as read (see src/text/reading.ts): exact terms only for the syllables it can trust,
   * folded terms for all, question words removed, each with weight 1.
   */
  readingTerms(reading: ReadingSyllable[]): Map<string, number>;
  /** Content syllables of a question (folded), for coverage and quote trimming. */
  contentSyllables(text: string): string[];
  /** Full forms of the abbreviations in a question (`MTTQ` → `Mặt trận Tổ quốc`). */
  expansions(text: string): string[];
  /** The question with its abbreviations replaced by their full forms. */
  spelledOut(text: string): string;
}

/**
 * Weight of the accented terms of syllables whose accents were restored rather than typed ("hop" read as "họp"):
 * the folded term matches "họp" and "hợp" alike, the restored one prefers the sections that say "họp".
 */
const GUESSED = 0.5;

/** Creates the analyzer used by both ingestion and retrieval (they must agree exactly). */
export function createAnalyzer(abbreviations: Abbreviations): Analyzer {
  const expansions = (text: string, query: boolean): string[] => abbreviations.expansionsIn(text, query);

  function indexTerms(text: string): Map<string, number> {
    const terms = new Map<string, number>();
    for (const p of phrases(text)) addPhrase(terms, p, () => true);
    for (const e of expansions(text, false)) addPhrase(terms, e, () => true);
    for (const key of findNumberKeys(text)) add(terms, `n:${key}`);
    return terms;
  }

  const isContent = (exact: string, folded: string) => !isQuestionWord(exact, folded);

  function queryTerms(text: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const p of phrases(text)) addPhrase(counts, p, isContent);
    for (const e of expansions(text, true)) addPhrase(counts, e, isContent);
    for (const key of findNumberKeys(text)) add(counts, `n:${key}`);
    // Unaccented query syllables can only match the folded view: no exact terms for them.
    return new Map([...counts.keys()].map((t) => [t, 1]));
  }

  function readingTerms(reading: ReadingSyllable[]): Map<string, number> {
    const terms = new Map<string, number>();
    const folded = reading.map((s) => foldedView(s.exact));
    const content = reading.map((s, i) => isContent(s.exact, folded[i] as string));
    reading.forEach((s, i) => {
      const f = folded[i] as string;
      if (content[i]) {
        if (hasDiacritics(s.exact)) terms.set(`w:${s.exact}`, s.sure ? 1 : GUESSED);
        terms.set(`f:${f}`, 1);
      }
      const next = reading[i + 1];
      if (!next || next.phrase !== s.phrase || !(content[i] || content[i + 1])) return;
      if (hasDiacritics(s.exact) || hasDiacritics(next.exact)) terms.set(`b:${s.exact}_${next.exact}`, s.sure && next.sure ? 1 : GUESSED);
      terms.set(`g:${f}_${folded[i + 1]}`, 1);
    });
    return terms;
  }

  function contentSyllables(text: string): string[] {
    const out: string[] = [];
    for (const s of syllables(exactView(text))) {
      const f = foldedView(s);
      if (isContent(s, f) && !/^\d{4}$/.test(s)) out.push(f);
    }
    return out;
  }

  return { indexTerms, queryTerms, readingTerms, contentSyllables, expansions: (text) => expansions(text, true), spelledOut: (text) => abbreviations.spelledOut(text) };
}

export { numberKey };
