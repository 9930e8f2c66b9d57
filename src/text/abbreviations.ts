/**
 * Abbreviation table (data/abbreviations.json): `MTTQ` ↔ `Mặt trận Tổ quốc`. Expanding on both the
 * document side and the question side makes the match work both ways.
 */
import { readFileSync } from 'node:fs';
import { foldedView } from './normalize.ts';

export interface Abbreviations {
  /** Full forms of the abbreviations written in `text`. Questions also match lower-case forms. */
  expansionsIn(text: string, query: boolean): string[];
  /** The question with each abbreviation replaced by its full form (`BTG Huyện ủy` → `Ban Tuyên giáo Huyện ủy`). */
  spelledOut(question: string): string;
}

interface AbbreviationFile {
  expand: Record<string, string>;
  caseSensitive: Record<string, string>;
}

/** Reads the table from a JSON file (done once by the composition root). */
export function loadAbbreviations(path: string): Abbreviations {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as AbbreviationFile;
  return createAbbreviations(raw.expand, raw.caseSensitive);
}

/** Builds the table. `expand` entries match in any case in questions; `caseSensitive` only in upper case. */
export function createAbbreviations(expand: Record<string, string>, caseSensitive: Record<string, string>): Abbreviations {
  const anyCase = new Map(Object.entries(expand).map(([k, v]) => [foldedView(k), v]));
  const exact = new Map(Object.entries({ ...caseSensitive, ...expand }));
  const TOKEN = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
  const lookup = (token: string, query: boolean) => exact.get(token) ?? (query ? anyCase.get(foldedView(token)) : undefined);
  return {
    expansionsIn(text, query) {
      const out: string[] = [];
      for (const token of text.match(TOKEN) ?? []) {
        const hit = lookup(token, query);
        if (hit) out.push(hit);
      }
      return out;
    },
    spelledOut(question) {
      return question.replace(TOKEN, (token) => lookup(token, true) ?? token);
    },
  };
}
