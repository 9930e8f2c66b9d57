/**
 * Questions whose answer the collection cannot hold, told before any section is quoted: a document named by its
 * full number that no document bears or cites ("Quy định 144-QĐ/TW gồm những gì?"), and an amount of money asked
 * of sections that name none ("phụ cấp mỗi buổi nói chuyện bao nhiêu tiền?").
 */
import type { RankedSection } from '../retrieval/search.ts';
import type { QueryIntent } from '../retrieval/understand.ts';
import { asksMoney, namesMoney } from '../retrieval/question-shape.ts';
import { refusalText } from './compose.ts';
import { findNumberKeys } from '../text/number-key.ts';
import { foldedView } from '../text/normalize.ts';

export interface NotHeldDeps {
  /** Ids of the active documents bearing one of these number keys. */
  namedDocuments(keys: string[]): Promise<string[]>;
  /** The titles of the active documents ("Kế hoạch thực hiện Đề án 17" is named by the Đề án's number). */
  titles(): Promise<string[]>;
  /** Sections citing a number key (one is enough). */
  findReferences(key: string): Promise<unknown[]>;
  /** The roles a text names (src/retrieval/directive-model.ts). */
  facetsOf(text: string): string[];
}

/** Why the question cannot be answered from the collection, or null when it may be. */
export async function notHeld(intent: Pick<QueryIntent, 'shape' | 'numberKeys' | 'text' | 'typed' | 'docTypes' | 'facets'>, ranked: RankedSection[], deps: NotHeldDeps): Promise<string | null> {
  if (intent.shape !== 'mentions' && !(await knowsNumbers(intent.numberKeys, deps))) return numberNotHeldText(intent.typed);
  if (!statedWhereCited(intent, ranked, deps.facetsOf) && (await onlyCited(intent, deps))) return onlyCitedText(intent.typed);
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

/**
 * A held document may state what the one it cites sets out ("Câu 5: Nghị quyết số 11-NQ/TU … đặt ra những mục
 * tiêu chủ yếu nào? Trả lời: …" in a hỏi – đáp, "Nghị quyết 11-NQ/TU đề ra 5 mục tiêu:" in a report): a line of
 * the best section names the number with the role asked for and opens what follows (it ends with "?" or ":"). A
 * plan's passing mention inside a list ("Quy định số 37-QĐ/TW … về những điều đảng viên không được làm;") names
 * the document by its title, and nothing follows it.
 */
function statedWhereCited(intent: Pick<QueryIntent, 'numberKeys' | 'facets'>, ranked: RankedSection[], facetsOf: (text: string) => string[]): boolean {
  const best = ranked[0];
  if (!best?.citesNumber || intent.facets.length === 0) return false;
  return best.section.fullText.split('\n').some((line) => {
    const keys = findNumberKeys(line);
    const opens = /[:?]\s*$/u.test(line);
    return opens && intent.numberKeys.some((k) => keys.includes(k)) && facetsOf(line).some((f) => intent.facets.includes(f));
  });
}

/** Items asked for by name ("liệt kê", "những", "gồm", "bao nhiêu điều"), not what a document is about ("về vấn đề gì"). */
const ITEMS_ASKED = /\b(?:liet ke|nhung|cac|gom|bao nhieu (?:dieu|noi dung|nhiem vu|diem|khoan|quy dinh|hanh vi|viec))\b/;
/** Where it is cited is asked, in words the shape may not read as such ("được dẫn ra ở những chỗ nào"). */
const WHERE_ASKED = /\b(?:o dau|cho nao|noi nao|van ban nao|phan nao|muc nao|nhac|dan ra|trich)\b/;

/**
 * The items of a document the collection only cites are asked for ("Quy định 37-QĐ/TW có những điều cấm nào,
 * liệt kê hết"): no document held lists them, and the sections citing it list other things. A question naming
 * another kind of document as well ("kế hoạch thực hiện Nghị quyết 21 gồm những nhiệm vụ gì"), or whose number a
 * held document's title bears, asks of that document instead.
 */
async function onlyCited(intent: Pick<QueryIntent, 'shape' | 'numberKeys' | 'docTypes' | 'text'>, deps: NotHeldDeps): Promise<boolean> {
  const keys = intent.numberKeys;
  const folded = foldedView(intent.text);
  if (intent.shape !== 'list' || !ITEMS_ASKED.test(folded) || WHERE_ASKED.test(folded) || keys.length === 0 || keys.some((k) => !k.includes('/')) || intent.docTypes.length > 1) return false;
  const all = [...new Set([...keys, ...keys.map((k) => k.split('/')[0] as string)])];
  if ((await deps.namedDocuments(all)).length > 0) return false;
  const titled = new Set((await deps.titles()).flatMap((t) => findNumberKeys(t)));
  return !all.some((k) => titled.has(k));
}

function onlyCitedText(question: string): string {
  const number = numberIn(question);
  const named = number ? `"${number}"` : 'văn bản mang số hiệu này';
  return `Kho chưa có toàn văn ${named}: các văn bản trong kho chỉ nhắc đến nó, không nêu nội dung của nó, nên không liệt kê được. Hỏi "${number ?? 'số hiệu đó'} được nhắc ở đâu?" để xem những chỗ nhắc đến.`;
}

function numberIn(question: string): string | undefined {
  return /(?:\p{L}+\s+){0,2}(?:số\s+)?\d{1,5}\s*[-–/]\s*[\p{L}\d/-]+/u.exec(question)?.[0]?.trim();
}

function numberNotHeldText(question: string): string {
  const number = numberIn(question);
  return `Kho chưa có ${number ? `"${number.trim()}"` : 'văn bản mang số hiệu này'}, và không văn bản nào trong kho nhắc đến nó, nên không trích dẫn được. ${refusalText()}`;
}
