/**
 * Questions whose answer the collection cannot hold, told before any section is quoted: a document named by its
 * full number that no document bears or cites ("Quy định 144-QĐ/TW gồm những gì?"), and an amount of money asked
 * of sections that name none ("phụ cấp mỗi buổi nói chuyện bao nhiêu tiền?").
 */
import type { RankedSection } from '../retrieval/search.ts';
import type { QueryIntent } from '../retrieval/understand.ts';
import { exactView, foldedView } from '../text/normalize.ts';
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
  if (asksMoney(intent.text) && !ranked.slice(0, 3).some((r) => MONEY.test(r.section.fullText))) return refusalText();
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

/** An amount of money as documents write it: "3.000.000 đồng", "15 triệu", "2 tỷ đồng", "500.000đ". */
const MONEY = /\d[\d.,]*\s*(?:đồng|đ\b|triệu|tỷ|nghìn đồng|ngàn đồng|vnđ)/iu;

/**
 * The question asks an amount of money ("bao nhiêu tiền", "giá vé … bao nhiêu", "kinh phí … bao nhiêu"). "giá" and
 * "lương" count only with their accents ("tham gia", "số lượng"), "đồng" not before "chí".
 */
export function asksMoney(text: string): boolean {
  const folded = foldedView(text);
  const amount = String.raw`(?:\s+\S+){0,8}\s+(?:bao nhieu|bn)\b`;
  return (
    /\b(?:bao nhieu|may|bn) (?:tien|trieu|ty|dong(?! chi))\b/.test(folded) ||
    new RegExp(String.raw`\b(?:phu cap|thu lao|kinh phi|muc chi|muc ho tro)\b${amount}`).test(folded) ||
    (/(?:^|\s)(?:giá|lương)(?!\s+trị)\s/u.test(exactView(text)) && /\b(?:bao nhieu|bn)\b/.test(folded))
  );
}

function numberNotHeldText(question: string): string {
  const number = /(?:\p{L}+\s+){0,2}(?:số\s+)?\d{1,5}\s*[-–/]\s*[\p{L}\d/-]+/u.exec(question)?.[0];
  return `Kho chưa có ${number ? `"${number.trim()}"` : 'văn bản mang số hiệu này'}, và không văn bản nào trong kho nhắc đến nó, nên không trích dẫn được. ${refusalText()}`;
}
