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
}

interface ChatAbbreviationFile {
  forms: Record<string, string[]>;
  questionWords?: string[];
}

/** Builds the table; keys match as typed, or without accents (`đc` and `dc`). */
export function createChatAbbreviations(forms: Record<string, string[]>, questionWords: string[] = []): ChatAbbreviations {
  const asked = new Set(questionWords.map((w) => w.normalize('NFC').toLowerCase()));
  const exact = new Map(Object.entries(forms).map(([k, v]) => [k.toLowerCase(), v]));
  const folded = new Map<string, string[]>();
  for (const [k, v] of exact) if (!folded.has(foldedView(k))) folded.set(foldedView(k), v);
  return {
    meanings(token) {
      const lower = token.toLowerCase();
      return exact.get(lower) ?? (lower === foldedView(lower) ? (folded.get(lower) ?? []) : []);
    },
    isQuestionWord: (word) => asked.has(word),
  };
}

/** Reads the table from a JSON file (done once by the composition root). */
export function loadChatAbbreviations(path: string): ChatAbbreviations {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as ChatAbbreviationFile;
  return createChatAbbreviations(raw.forms, raw.questionWords);
}
