/**
 * Reads a question the way it was typed on a phone: chat short forms spelled out (`nv` → nhiệm vụ, `tt` →
 * tuyên truyền / thông tin / thường trực by the words around it), typos that are no Vietnamese syllable fixed
 * (`dag` → đảng), and accents restored on words typed without them. Every choice is made on one lattice of
 * candidate readings, scored with the collection's own syllable and syllable-pair frequencies (the lexical
 * index's document frequencies), so the reading follows what the documents say, not a fixed dictionary.
 * Document numbers and codes (`12-KH/ĐU`, `nq35`, `2023`, `VH-TT-TT`) are never touched.
 */
import type { Abbreviations } from '../text/abbreviations.ts';
import type { ChatAbbreviations } from '../text/chat-abbreviations.ts';
import { exactView, foldedView, hasDiacritics, nfc } from '../text/normalize.ts';
import { isSyllable, spellingsOf, syllablesOneEditAway } from '../text/vietnamese-syllables.ts';
import type { ReadingSyllable } from '../text/reading.ts';

/** Document frequencies of index terms (see src/text/analyze.ts for the prefixes). */
export interface TermStatistics {
  termFrequencies(terms: string[]): Promise<{ total: number; df: Map<string, number> }>;
}


/** How a word of the question was read. */
export type ReadingKind = 'typed' | 'accents' | 'abbreviation' | 'typo';

export interface NormalizedQuestion {
  /** As typed (NFC, single spaces). */
  typed: string;
  /** As understood: short forms spelled out, typos fixed, accents restored. */
  text: string;
  syllables: ReadingSyllable[];
  /** Short forms were spelled out or typos fixed: the answer says how the question was understood. */
  meaningChanged: boolean;
  /** The question with short forms spelled out and typos fixed, other words as typed: shown to the user. */
  understood: string;
}

interface Candidate {
  /** The reading in the exact view (lower case). */
  text: string;
  /** As shown to the user. */
  shown: string;
  kind: ReadingKind;
  /** For a short form: the rank of this meaning in the table (0 = most likely). */
  rank?: number;
}

interface Slot {
  /** Raw text of the slot (a word, or separators / a code kept as typed). */
  raw: string;
  candidates: Candidate[] | null;
  phrase: number;
}

/** Candidates kept per word after the unigram pass (bounds the pair lookups). */
const MAX_CANDIDATES = 6;
/** Scores: pair evidence counts fully, single-syllable evidence weakly; guesses pay a price. */
const PAIR_WEIGHT = 1;
/**
 * Pair evidence saturates: that a pair occurs in the collection matters, not how often. Chunk counts repeat
 * a document's title in every chunk ("Kế hoạch thông tin…" 38 times against "kế hoạch tuyên truyền" 3 times).
 */
const PAIR_CAP = 4;
const SINGLE_WEIGHT = 0.3;
const TYPO_PENALTY = 2;
const SECOND_MEANING_PENALTY = 1.5;
/** A reading that is a question word ("nào", "có") rather than a document word gets this head start. */
const QUESTION_WORD_BONUS = 1.5;
/** Two syllables of an everyday word ("bao lâu", "nghỉ hưu") count as a pair this often attested… */
const EVERYDAY_PAIR = PAIR_CAP;
/** …and as one word, which two syllables the documents merely write side by side are not. */
const EVERYDAY_WORD_BONUS = 0.5;
/**
 * When the documents write none of a word's readings, a syllable of many everyday words is the commoner one ("người"
 * against "nguội" of "phạt nguội"): a small head start per everyday word it is in (log-scaled).
 */
const EVERYDAY_SINGLE = 0.1;

const WORD = /[\p{L}\p{M}]+/gu;

/**
 * A run without spaces that holds a digit or a slash is a code or a number, and capitals joined by hyphens
 * ("VH-TT-TT", "KT-XH") are an official short form: kept whole, as typed (the "TT" of "VH-TT-TT" is no "thường trực").
 */
function isCode(run: string): boolean {
  return /[\d/]/.test(run) || /^[(«"“]?[A-ZĐ]{1,5}(?:-[A-ZĐ]{1,5})+[)»"”.,;:?!]*$/u.test(run);
}

function syllableTerm(s: string): string {
  return hasDiacritics(s) ? `w:${s}` : `f:${foldedView(s)}`;
}

function pairTerm(a: string, b: string): string {
  return hasDiacritics(a) || hasDiacritics(b) ? `b:${a}_${b}` : `g:${foldedView(a)}_${foldedView(b)}`;
}

const SYLLABLE = /[\p{L}\p{M}\p{N}]+/gu;

function syllablesIn(text: string): string[] {
  return text.match(SYLLABLE) ?? [];
}

function first(text: string): string {
  return syllablesIn(text)[0] ?? '';
}

function last(text: string): string {
  const parts = syllablesIn(text);
  return parts[parts.length - 1] ?? '';
}

/** The typed word's capitalisation carried over to its reading (`Dang` → `Đảng`). */
function cased(typed: string, reading: string): string {
  if (typed.length > 1 && typed === typed.toUpperCase()) return reading.toUpperCase();
  return /^\p{Lu}/u.test(typed) ? reading.charAt(0).toUpperCase() + reading.slice(1) : reading;
}

/** Creates the normaliser over the collection's statistics and the two abbreviation tables. */
export function createQuestionNormalizer(deps: { statistics: TermStatistics; chat: ChatAbbreviations; official: Pick<Abbreviations, 'spelledOut'> }) {
  function candidatesFor(word: string, typesAccents: boolean, afterNumber: boolean): Candidate[] {
    const lower = word.toLowerCase();
    const folded = foldedView(lower);
    const official = deps.official.spelledOut(word);
    if (official !== word) return [{ text: exactView(official), shown: official, kind: 'abbreviation' }];
    const spelled = (s: string, kind: ReadingKind): Candidate => ({ text: s, shown: cased(word, s), kind });
    // After a number a short form is a unit as typed ("1 kg", "2 tr", "500 k"), not a chat word ("kg" = "không").
    const meanings = afterNumber && !isSyllable(folded) ? [] : deps.chat.meanings(lower);
    if (meanings.length > 0) {
      const out: Candidate[] = meanings.map((m, rank) => ({ text: exactView(m), shown: m, kind: 'abbreviation', rank }));
      if (!hasDiacritics(lower) && isSyllable(folded)) out.push(...spellingsOf(folded).map((s) => spelled(s, 'accents')));
      return out;
    }
    if (hasDiacritics(lower) || (typesAccents && isSyllable(folded))) return [{ text: exactView(lower), shown: word, kind: 'typed' }];
    if (isSyllable(folded)) return spellingsOf(folded).map((s) => spelled(s, hasDiacritics(s) ? 'accents' : 'typed'));
    const typos = folded.length >= 3 ? syllablesOneEditAway(folded).flatMap((s) => spellingsOf(s)) : [];
    return [{ text: folded, shown: word, kind: 'typed' }, ...typos.map((t) => spelled(t, 'typo'))];
  }

  function slotsOf(question: string): Slot[] {
    const slots: Slot[] = [];
    // Someone who types most words with their accents means the few without them as typed ("trong", "ban").
    const words = question.match(WORD) ?? [];
    const typesAccents = words.length > 0 && words.filter((w) => hasDiacritics(w)).length >= words.length / 2;
    let phrase = 0;
    let afterNumber = false;
    for (const part of question.split(/(\s+)/)) {
      if (part === '') continue;
      const follows = afterNumber;
      if (!/^\s+$/.test(part)) afterNumber = /^\d+(?:[.,]\d+)*$/.test(part);
      if (/^\s+$/.test(part) || isCode(part)) {
        slots.push({ raw: part, candidates: null, phrase });
        if (isCode(part)) phrase += 1;
        continue;
      }
      let at = 0;
      for (const m of part.matchAll(WORD)) {
        const start = m.index ?? 0;
        if (start > at) {
          slots.push({ raw: part.slice(at, start), candidates: null, phrase });
          phrase += 1;
        }
        slots.push({ raw: m[0], candidates: candidatesFor(m[0], typesAccents, follows && start === 0), phrase });
        at = start + m[0].length;
      }
      if (at < part.length) {
        slots.push({ raw: part.slice(at), candidates: null, phrase });
        phrase += 1;
      }
    }
    return slots;
  }

  /** Frequency of a single reading: its first syllable's document frequency (plain spellings net of accented ones). */
  function singleScore(c: Candidate, df: Map<string, number>, slot: Candidate[]): number {
    const s = first(c.text);
    let n = df.get(syllableTerm(s)) ?? 0;
    if (!hasDiacritics(s) && c.kind !== 'abbreviation') {
      const accented = slot.filter((o) => o !== c && hasDiacritics(first(o.text)) && foldedView(first(o.text)) === foldedView(s));
      n = Math.max(0, n - Math.max(0, ...accented.map((o) => df.get(syllableTerm(first(o.text))) ?? 0)));
    }
    return Math.log1p(n);
  }

  async function prune(slots: Slot[]): Promise<void> {
    const terms = new Set<string>();
    for (const slot of slots) for (const c of slot.candidates ?? []) terms.add(syllableTerm(first(c.text)));
    const { df } = await deps.statistics.termFrequencies([...terms]);
    for (const slot of slots) {
      const all = slot.candidates;
      if (!all || all.length <= 1) continue;
      const everyday = (c: Candidate) => c.kind !== 'abbreviation' && deps.chat.isEverydaySyllable(c.text);
      const seen = all.filter((c) => c.kind === 'abbreviation' || c.kind === 'typed' || deps.chat.isQuestionWord(c.text) || everyday(c) || (df.get(syllableTerm(first(c.text))) ?? 0) > 0);
      const ranked = seen
        .map((c) => ({ c, s: singleScore(c, df, all) + (c.kind !== 'abbreviation' && deps.chat.isQuestionWord(c.text) ? QUESTION_WORD_BONUS : 0) }))
        .sort((a, b) => Number(b.c.kind === 'abbreviation') - Number(a.c.kind === 'abbreviation') || b.s - a.s);
      const kept = ranked.slice(0, MAX_CANDIDATES).map((x) => x.c);
      // A syllable of an everyday word stays whatever the documents' counts: the words beside it decide.
      slot.candidates = [...kept, ...ranked.slice(MAX_CANDIDATES).map((x) => x.c).filter(everyday)];
      if (slot.candidates.length === 0) slot.candidates = [{ text: foldedView(slot.raw.toLowerCase()), shown: slot.raw, kind: 'typed' }];
    }
  }

  async function decode(slots: Slot[]): Promise<{ path: Candidate[]; df: Map<string, number> }> {
    const words = slots.filter((s) => s.candidates !== null);
    const terms = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      for (const c of words[i]?.candidates ?? []) for (const s of syllablesIn(c.text)) terms.add(syllableTerm(s));
      const next = words[i + 1];
      if (!next || next.phrase !== words[i]?.phrase) continue;
      for (const a of words[i]?.candidates ?? []) for (const b of next.candidates ?? []) terms.add(pairTerm(last(a.text), first(b.text)));
    }
    const { df } = await deps.statistics.termFrequencies([...terms]);
    const pairDf = plainPairs(words, df);
    // Two syllables of one everyday word are a word, not just neighbours the documents happen to write.
    const pairScore = (a: string, b: string) =>
      PAIR_WEIGHT * Math.log1p(Math.min(PAIR_CAP, pairDf(a, b))) + (deps.chat.isEverydayPair(a, b) ? EVERYDAY_WORD_BONUS : 0);
    // Viterbi over the words: best total score ending in each candidate.
    let best: Array<{ score: number; path: Candidate[] }> = [];
    let previous: Slot | undefined;
    for (const slot of words) {
      const cands = slot.candidates as Candidate[];
      const seen = cands.map((c) => singleScore(c, df, cands));
      // Only when the documents write none of the readings does the everyday prior break the tie.
      const unseen = seen.every((n) => n === 0);
      const own = cands.map((c, i) => SINGLE_WEIGHT * (seen[i] as number) + (unseen ? everydayPrior(c) : 0) - penalty(c));
      const linked = previous !== undefined && previous.phrase === slot.phrase;
      best = cands.map((c, i) => {
        if (best.length === 0) return { score: own[i] as number, path: [c] };
        let top = { score: -Infinity, path: [] as Candidate[] };
        for (const b of best) {
          const prev = b.path[b.path.length - 1] as Candidate;
          const pair = linked ? pairScore(last(prev.text), first(c.text)) : 0;
          const score = b.score + pair + (own[i] as number);
          if (score > top.score) top = { score, path: [...b.path, c] };
        }
        return top;
      });
      previous = slot;
    }
    return { path: best.sort((a, b) => b.score - a.score)[0]?.path ?? [], df };
  }

  /**
   * Pair frequencies. The index has an exact pair term only when a syllable carries a mark, so the frequency of
   * an unmarked pair ("trong tam") is its folded term's minus that of its most frequent marked spelling
   * ("trọng tâm"), which the folded term also counts.
   */
  function plainPairs(words: Slot[], df: Map<string, number>): (a: string, b: string) => number {
    const marked = new Map<string, number>();
    for (let i = 0; i + 1 < words.length; i++) {
      for (const a of words[i]?.candidates ?? []) {
        for (const b of words[i + 1]?.candidates ?? []) {
          const x = last(a.text);
          const y = first(b.text);
          if (!hasDiacritics(x) && !hasDiacritics(y)) continue;
          const key = `${foldedView(x)}_${foldedView(y)}`;
          marked.set(key, Math.max(marked.get(key) ?? 0, df.get(pairTerm(x, y)) ?? 0));
        }
      }
    }
    return (a, b) => {
      const n = df.get(pairTerm(a, b)) ?? 0;
      const seen = hasDiacritics(a) || hasDiacritics(b) ? n : Math.max(0, n - (marked.get(`${foldedView(a)}_${foldedView(b)}`) ?? 0));
      return deps.chat.isEverydayPair(a, b) ? Math.max(seen, EVERYDAY_PAIR) : seen;
    };
  }

  function everydayPrior(c: Candidate): number {
    return c.kind === 'abbreviation' ? 0 : EVERYDAY_SINGLE * Math.log1p(deps.chat.everydayCount(first(c.text)));
  }

  /** Guesses pay: a typo fix always, a short form's later meanings by their rank. */
  function penalty(c: Candidate): number {
    if (c.kind === 'typo') return TYPO_PENALTY;
    if (c.kind === 'abbreviation') return SECOND_MEANING_PENALTY * (c.rank ?? 0);
    return deps.chat.isQuestionWord(c.text) ? -QUESTION_WORD_BONUS : 0;
  }

  return {
    /** Reads a question; uses two lookups of the collection's term statistics. */
    async normalize(question: string): Promise<NormalizedQuestion> {
      const typed = nfc(question).replace(/\s+/g, ' ').trim();
      const slots = slotsOf(typed);
      await prune(slots);
      const { path: chosen, df } = await decode(slots);
      const known = (s: string) => (df.get(syllableTerm(s)) ?? 0) > 0;
      const pairSeen = (a: string, b: string) => (df.get(pairTerm(a, b)) ?? 0) > 0 || (df.get(`g:${foldedView(a)}_${foldedView(b)}`) ?? 0) > 0;
      const syllables: ReadingSyllable[] = [];
      const text: string[] = [];
      const understood: string[] = [];
      let meaningChanged = false;
      let n = 0;
      for (const slot of slots) {
        if (slot.candidates === null) {
          text.push(slot.raw);
          understood.push(slot.raw);
          for (const m of slot.raw.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) syllables.push({ exact: exactView(m[0]), sure: true, phrase: slot.phrase });
          continue;
        }
        const c = chosen[n++] ?? { text: exactView(slot.raw), shown: slot.raw, kind: 'typed' };
        if (c.kind === 'abbreviation' || c.kind === 'typo') meaningChanged = true;
        text.push(c.shown);
        understood.push(c.kind === 'abbreviation' || c.kind === 'typo' ? c.shown : slot.raw);
        const sure = c.kind === 'typed' || c.kind === 'abbreviation';
        const own = syllablesIn(c.text);
        const previous = syllables[syllables.length - 1];
        // A pair spanning two words was looked up; one inside a spelled-out short form is a word of the table.
        if (previous && previous.phrase === slot.phrase && previous.pairKnown === undefined && own[0]) previous.pairKnown = pairSeen(previous.exact, own[0]);
        own.forEach((s, i) => syllables.push({ exact: s, sure, phrase: slot.phrase, known: known(s), pairKnown: i + 1 < own.length ? true : undefined }));
      }
      return { typed, text: text.join(''), syllables, meaningChanged, understood: understood.join('') };
    },
  };
}

export type QuestionNormalizer = ReturnType<typeof createQuestionNormalizer>;
