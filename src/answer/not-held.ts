/**
 * Questions whose answer the collection cannot hold, told before any section is quoted: a document named by its
 * full number that no document bears or cites ("Quy định 144-QĐ/TW gồm những gì?"), and an amount of money asked
 * of sections that name none ("phụ cấp mỗi buổi nói chuyện bao nhiêu tiền?").
 */
import type { RankedSection } from '../retrieval/search.ts';
import type { QueryIntent } from '../retrieval/understand.ts';
import { asksMoney, namesMoney } from '../retrieval/question-shape.ts';
import { refusalText } from './compose.ts';

export interface NotHeldDeps {
  /** Ids of the active documents bearing one of these number keys. */
  namedDocuments(keys: string[]): Promise<string[]>;
  /** Sections citing a number key (one is enough). */
  findReferences(key: string): Promise<unknown[]>;
}

/** Why the question cannot be answered from the collection, or null when it may be. */
export async function notHeld(intent: Pick<QueryIntent, 'shape' | 'numberKeys' | 'text' | 'typed'>, ranked: RankedSection[], deps: NotHeldDeps): Promise<string | null> {
  if (intent.shape !== 'mentions' && !(await knowsNumbers(intent.numberKeys, deps))) return numberNotHeldText(intent.typed);
  if (asksMoney(intent.text) && !ranked.slice(0, 3).some((r) => namesMoney(r.section.fullText))) return refusalText();
  return null;
}

/**
 * False when the question names a full document number ("144-QĐ/TW") that no document of the collection bears or
 * cites, even without its issuer part ("144-QĐ"). A bare "kế hoạch 12" may be a count or a year: it is let through.
 */
async function knowsNumbers(keys: string[], deps: NotHeldDeps): Promise<boolean> {
  const full = keys.filter((k) => k.includes('/'));
  if (full.length === 0) return true;
  const all = [...new Set([...full, ...full.map((k) => k.split('/')[0] as string)])];
  if ((await deps.namedDocuments(all)).length > 0) return true;
  for (const key of all) if ((await deps.findReferences(key)).length > 0) return true;
  return false;
}

function numberNotHeldText(question: string): string {
  const number = /(?:\p{L}+\s+){0,2}(?:số\s+)?\d{1,5}\s*[-–/]\s*[\p{L}\d/-]+/u.exec(question)?.[0];
  return `Kho chưa có ${number ? `"${number.trim()}"` : 'văn bản mang số hiệu này'}, và không văn bản nào trong kho nhắc đến nó, nên không trích dẫn được. ${refusalText()}`;
}
