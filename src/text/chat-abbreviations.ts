/**
 * Short forms people type in chat (data/chat-abbreviations.json): `nv` nhiệm vụ, `dc` được, `tt` tuyên
 * truyền / thông tin / thường trực. A form may have several meanings, most likely first; question
 * normalisation picks one by the words around it.
 */
import { readFileSync } from 'node:fs';
import { foldedView } from './normalize.ts';

export interface ChatAbbreviations {
  /** Meanings of a lower-case token, most likely first; empty when it is no short form. */
  meanings(token: string): string[];
  /** Words of questions rather than of documents ("nào", "có", "gồm"): preferred readings of unaccented words. */
  isQuestionWord(exact: string): boolean;
  /** The two syllables (exact view) stand next to each other in an everyday word ("bao lâu", "nghỉ hưu"). */
  isEverydayPair(first: string, second: string): boolean;
  /** The syllable (exact view) is part of an everyday word. */
  isEverydaySyllable(exact: string): boolean;
  /** How many everyday words the syllable (exact view) is part of: "người" many, "nguội" (phạt nguội) one. */
  everydayCount(exact: string): number;
}

interface ChatAbbreviationFile {
  forms: Record<string, string[]>;
  questionWords?: string[];
  everydayWords?: string[];
}

/** Builds the table; keys match as typed, or without accents (`đc` and `dc`). */
export function createChatAbbreviations(
  forms: Record<string, string[]>,
  questionWords: string[] = [],
  everydayWords: string[] = [],
): ChatAbbreviations {
  const asked = new Set(questionWords.map((w) => w.normalize('NFC').toLowerCase()));
  const pairs = new Set<string>();
  const syllables = new Map<string, number>();
  for (const word of everydayWords) {
    const parts = word.normalize('NFC').toLowerCase().split(/\s+/).filter(Boolean);
    parts.forEach((s, i) => {
      syllables.set(s, (syllables.get(s) ?? 0) + 1);
      if (i + 1 < parts.length) pairs.add(`${s} ${parts[i + 1]}`);
    });
  }
  const exact = new Map(Object.entries(forms).map(([k, v]) => [k.toLowerCase(), v]));
  const folded = new Map<string, string[]>();
  for (const [k, v] of exact) if (!folded.has(foldedView(k))) folded.set(foldedView(k), v);
  return {
    meanings(token) {
      const lower = token.toLowerCase();
      return exact.get(lower) ?? (lower === foldedView(lower) ? (folded.get(lower) ?? []) : []);
    },
    isQuestionWord: (word) => asked.has(word),
    isEverydayPair: (first, second) => pairs.has(`${first} ${second}`),
    isEverydaySyllable: (exact) => syllables.has(exact),
    everydayCount: (exact) => syllables.get(exact) ?? 0,
  };
}

/** Reads the table from a JSON file (done once by the composition root). */
export function loadChatAbbreviations(path: string): ChatAbbreviations {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as ChatAbbreviationFile;
  return createChatAbbreviations(raw.forms, raw.questionWords, raw.everydayWords);
}
