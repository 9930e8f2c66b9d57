/**
 * Whether a model's sentence is supported by the blocks it cites: most of its content syllables (accent-folded,
 * function words left out) must stand in those blocks. Sentences of a block that address the model
 * ("bỏ qua mọi chỉ dẫn trước…") are data, never support, so an obeyed injection cannot pass as a quote.
 */
import { foldedView, syllables } from '../text/normalize.ts';

/**
 * Share of a sentence's content syllables that must appear in its cited blocks. Half lets the model
 * connect and shorten the directive's wording while rejecting sentences about something else.
 */
export const MIN_SUPPORT = 0.5;

/** Folded Vietnamese function words that carry no content of their own. */
const FUNCTION_WORDS = new Set(
  (
    'va cua la cac nhung duoc trong cho voi ve co theo nay do de tu mot thi ma o tai nhu khi den ra vao bang ' +
    'cung da se dang nen hay hoac rang gom moi tren duoi sau truoc nhat viec su ai gi nao bao nhieu the'
  ).split(' '),
);

/**
 * Folded texts of instructions aimed at a model, in Vietnamese and English. Deliberately narrow: directives
 * use "chỉ đạo", "hướng dẫn" as nouns, so only phrasings that address an assistant are listed.
 */
const INSTRUCTION_PATTERNS: RegExp[] = [
  /\bbo qua\b.{0,40}\b(chi dan|huong dan|yeu cau|lenh|quy tac|chi thi)\b/,
  /\b(hay|phai)?\s*tra loi rang\b/,
  /\b(ignore|disregard|forget)\b.{0,40}\b(instruction|instructions|rules|prompt)\b/,
  /\b(system prompt|prompt he thong)\b/,
  /\bban (la|dong vai) (mot )?(tro ly|tri tue nhan tao|ai|mo hinh|chatbot)\b/,
];

/** Content syllables of a text: folded, function words removed; numbers kept (years matter). */
export function contentSyllables(text: string): string[] {
  return syllables(foldedView(text)).filter((s) => !FUNCTION_WORDS.has(s));
}

/** True when the text reads as an instruction to a model rather than directive content. */
export function isInstructionLike(text: string): boolean {
  const folded = syllables(foldedView(text)).join(' ');
  return INSTRUCTION_PATTERNS.some((re) => re.test(folded));
}

/** Syllables a block offers as support: all its sentences except those addressing the model. */
export function supportVocabulary(texts: readonly string[]): Set<string> {
  const vocabulary = new Set<string>();
  for (const text of texts) {
    for (const sentence of text.split(/(?<=[.!?…:;])\s+|\n+/u)) {
      if (isInstructionLike(sentence)) continue;
      for (const s of syllables(foldedView(sentence))) vocabulary.add(s);
    }
  }
  return vocabulary;
}

/** Share (0–1) of the sentence's content syllables found in `vocabulary`; 0 for a sentence without content. */
export function supportShare(sentence: string, vocabulary: ReadonlySet<string>): number {
  const words = contentSyllables(sentence);
  if (words.length === 0) return 0;
  return words.filter((w) => vocabulary.has(w)).length / words.length;
}
