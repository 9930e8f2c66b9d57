/**
 * A question as read: its syllables in the exact view, each marked with whether it can be trusted as typed
 * (typed with accents, or spelled out from a short form) or was guessed (accents restored, typo fixed), and
 * the phrase it belongs to. Search and coverage compare trusted syllables exactly and guessed ones folded.
 */
import { exactView, hasDiacritics, syllables } from './normalize.ts';

/** One syllable of a reading. */
export interface ReadingSyllable {
  exact: string;
  /** False when the accents or spelling were guessed: compared in the folded view. */
  sure: boolean;
  /** Pairs are formed within a phrase only (punctuation separates phrases). */
  phrase: number;
  /** False when the collection has never seen the word (not even without accents); absent when not checked. */
  known?: boolean;
  /** False when the collection has never seen this syllable followed by the next one; absent when not checked. */
  pairKnown?: boolean;
}

/** Phrase separators: the same as the index's (src/text/analyze.ts). */
export const PHRASE_BREAK = /[.,;:!?()[\]{}"“”'‘’«»\n…|/–—]+/u;

/**
 * A plain text read as typed: every syllable trusted in the exact view when the text carries accents at all,
 * in the folded view otherwise.
 */
export function plainReading(text: string): ReadingSyllable[] {
  const sure = hasDiacritics(text);
  const out: ReadingSyllable[] = [];
  text.split(PHRASE_BREAK).forEach((phrase, p) => {
    for (const s of syllables(exactView(phrase))) out.push({ exact: s, sure, phrase: p });
  });
  return out;
}
