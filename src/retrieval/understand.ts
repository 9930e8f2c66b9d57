/**
 * Query understanding: what a question asks for, beyond its words. Years ("năm 2023", "năm nay",
 * "năm ngoái"), document numbers however written, document types, and the shape of the question
 * (where is X mentioned, what is X based on, compare years, a list, a fact, is X still in force).
 */
import { DOCUMENT_TYPES, type DocumentType } from '../core/types.ts';
import { isQuestionWord, type Analyzer } from '../text/analyze.ts';
import { questionUnits, type QuestionUnits } from './coverage.ts';
import { findNumberKeys } from '../text/number-key.ts';
import { exactView, foldedView, nfc } from '../text/normalize.ts';
import { plainReading, type ReadingSyllable } from '../text/reading.ts';
import type { NormalizedQuestion } from './question-normalizer.ts';
import { DUTY_FACETS, PLAN_ROLES, type DirectiveModel } from './directive-model.ts';
import { askersPreamble, askingSentence, setAside, storyLess, withoutAskersPurpose, withoutFrameWords, withoutOwnStory, withoutPreamble, withoutSetAside } from './frame-words.ts';
import { unknownPairShare, unknownPlaces, unknownShare } from './unknown-words.ts';
import { askedAmount, type AskedAmount } from './asked-amount.ts';
import { closingCueWords, detectShape, forceClauseWords, forceClauses, sectionRefs, valuesAsked, withoutForceClause, type QuestionShape, type ValueKind } from './question-shape.ts';

export type { QuestionShape };


export interface QueryIntent {
  /** The question as understood (short forms spelled out, typos fixed, accents restored), single-spaced. */
  text: string;
  /** The question as typed. */
  typed: string;
  /** Its syllables as read, each trusted or guessed (src/text/reading.ts). */
  reading: ReadingSyllable[];
  /** How the question was understood, when short forms or typos changed its words; null otherwise. */
  understood: string | null;
  /**
   * The folded syllables of the sentence that asks, when a story comes before it ("Em sắp đi thuê trọ lần đầu, …
   * Vậy chủ trọ không được làm gì?"); null for a question of one sentence. Words only the story uses weigh less.
   */
  askedSyllables: Set<string> | null;
  /** Folded question as understood, for cue matching. */
  folded: string;
  /** Years the question is about (explicit or relative), deduplicated. */
  years: number[];
  /** Every year written in the question, filters or not ("đến năm 2025" names the target a part is about). */
  mentionedYears: number[];
  /** The years come only from "năm nay", "năm ngoái", "năm tới" (no year written out). */
  relativeYear: boolean;
  /** Those of `years` written right after a document number (see citedDocumentYears). */
  citedYears: number[];
  numberKeys: string[];
  docTypes: DocumentType[];
  shape: QuestionShape;
  /** The shape to use instead when a document of the collection has the number the question names. */
  shapeIfNamedInStore: QuestionShape | null;
  /** Lexical query terms (see Analyzer.readingTerms), the paraphrases' at a lower weight. */
  terms: Map<string, number>;
  /** How documents write what the question says in everyday words (DirectiveModel.writtenFor). */
  paraphrases: string[];
  /** Articles and clauses the question names, as section labels ("Điều 11", "Điều 5.2"). */
  sectionRefs: string[];
  /** Values the question asks for (an email, a phone number, a website): the answer must hold one. */
  values: ValueKind[];
  /** Roles of a directive's parts the question asks for (data/directive-model.json): "focus", "form"… */
  facets: string[];
  /**
   * Roles of the part the asker sets aside ("Ngoài các vấn đề trọng điểm, … còn … những nội dung nào?": the focus
   * part is not asked), less those asked anyway.
   */
  excludedFacets: string[];
  /** Bodies the question names ("Ban Tổ chức", "các đoàn thể"). */
  bodies: string[];
  /** Administrative levels the question names ("cấp xã", "huyện"). */
  levels: string[];
  /** It asks what a body must do ("được giao gì", "có trách nhiệm gì"): a named body picks the entry. */
  asksDuty: boolean;
  /** Share of its content words the collection has never seen ("giá xăng", "bóng đá"): a sign it is out of scope. */
  unknownShare: number;
  /** Share of its pairs of content words the collection has never seen together ("giá vàng", "chủ tịch nước"). */
  unknownPairShare: number;
  /** Places the asking sentence names that no document writes ("tỉnh Yên Bái"; src/retrieval/unknown-words.ts). */
  unknownPlaces: string[];
  /** It asks about today ("hiện nay", "hôm nay", "mới nhất"), which dated directives do not tell. */
  asksNow: boolean;
  /** It asks who someone is ("ai là", "là ai") or about a person's life ("sinh năm nào", "quê quán"). */
  asksWho: boolean;
  /** It asks a price ("giá … bao nhiêu", "1 kg"). */
  asksPrice: boolean;
  /** The amount it asks for ("mấy ngày", "mấy giờ", "bao nhiêu tiền"), if any (src/retrieval/asked-amount.ts). */
  amount: AskedAmount | null;
  /**
   * It asks who holds an office now ("Bí thư Tỉnh ủy hiện nay là ai?"): a dated directive never says, whatever
   * words of it the question shares.
   */
  asksOfficeholder: boolean;
  /** State laws it names by name ("Luật Báo chí" → "bao chi"), folded: answered only if the collection holds them. */
  namedLaws: string[];
  /** Years written right after a law's name ("Luật … năm 2023"): the law of that year is what is asked. */
  namedLawYears: number[];
}

const NOW_CUES = /\b(?:hien nay|hien tai|hien co|bay gio|hom nay|ngay mai|toi nay|toi qua|hom qua|tuan truoc|tuan nay|tuan toi|thang nay|moi nhat|gan nhat|dang la)\b/;
const WHO_CUES = /\b(?:la ai|ai la|ai dang|ai doat|ai giu|ai lam (?:chu tich|bi thu|giam doc|bo truong)|sinh nam|nam sinh|que quan|que o|tieu su|bao nhieu tuoi)\b/;
/** An office (its title) asked about with "là ai" and "hiện nay": who holds it now. */
const OFFICE_TITLES = /\b(?:bo truong|thu truong|chu tich|pho chu tich|bi thu|pho bi thu|tong bi thu|thu tuong|giam doc|truong ban|pho ban|chu nhiem|truong phong|cuc truong|vu truong|truong cong an|nguoi dung dau)\b/;
const HOLDER_CUES = /\b(?:la ai|ai la|ai dang|ai giu|ten (?:la )?gi)\b/;
const CURRENT_CUES = /\b(?:hien nay|hien tai|hien gio|bay gio|luc nay|dang la)\b/;

/** A price: "giá … bao nhiêu", "1 kg", "mấy nghìn". Matched with the accents read, since "gia" alone is also "gia đình". */
const PRICE_CUES = /(?:^|\s)giá(?!\s+trị)(?:\s+\S+){0,6}\s+(?:bao nhiêu|mấy|bn)(?=\s|$)|\d+\s*(?:kg|ký|cân|lít)(?=\s|$)|\bgiá (?:vàng|xăng|dầu|điện|gạo|lúa|đất|nhà|vé)/u;

/**
 * Words that only say what kind of question it is ("so sánh", "căn cứ", "được nhắc đến"), per shape, folded.
 * They are not what the question is about, so coverage and quoting ignore them: a rare word like "so sánh"
 * would otherwise weigh heavily and find nothing.
 */
const SHAPE_WORDS: Record<QuestionShape, string[]> = {
  comparison: ['so', 'sanh', 'khac', 'nhau', 'biet', 'thay', 'doi', 'giua'],
  basis: ['can', 'cu', 'van', 'ban', 'dua', 'tren', 'vao', 'thuc', 'hien'],
  issuer: ['ban', 'hanh', 'ky', 'nguoi', 'co', 'quan', 'don', 'vi'],
  mentions: ['nhac', 'den', 'toi', 'de', 'cap', 'van', 'ban'],
  list: ['liet', 'ke', 'bao', 'gom'],
  factoid: [],
  catalog: ['kho', 'van', 'ban', 'tai', 'lieu', 'danh', 'sach', 'liet', 'ke', 'co', 'gom', 'luu'],
  in_force: ['con', 'het', 'co', 'hieu', 'luc', 'ap', 'dung', 'bi', 'duoc', 'da', 'thay', 'the', 'bai', 'bo', 'van', 'ban', 'nao', 'nua'],
};

/** True when the syllable is a question word or a cue of the question's shape: not part of its topic. */
export function isCueWord(intent: Pick<QueryIntent, 'shape'>, syllable: string): boolean {
  return isQuestionWord(syllable) || SHAPE_WORDS[intent.shape].includes(foldedView(syllable));
}

/** The question's topic units (syllables and pairs) in the view it was typed in. */
export function topicUnits(intent: QueryIntent): QuestionUnits {
  const units = questionUnits(intent.reading, (w) => !isCueWord(intent, w));
  if (intent.paraphrases.length === 0) return units;
  const own = new Set([...units.singles, ...units.pairs]);
  const optional = new Set<string>();
  for (const phrase of intent.paraphrases) {
    const p = questionUnits(plainReading(phrase), (w) => !isCueWord(intent, w));
    for (const u of [...p.singles, ...p.pairs]) if (!own.has(u)) optional.add(u);
  }
  return { ...units, optional: [...optional] };
}

const CITED_TYPES = 'chi thi|nghi quyet|ket luan|quy dinh|quyet dinh|thong bao|cong van|de an|huong dan|ke hoach|chuong trinh|thong tu|nghi dinh|luat';
/** A document type, its number, then (optionally after its date) "năm YYYY" / "YYYY". */
const CITED_DOCUMENT_YEAR = new RegExp(`\\b(?:${CITED_TYPES})\\s+(?:so\\s+)?\\d[\\w/.-]*(?:\\s+ngay\\s+\\S+)?\\s+(?:nam\\s+)?((?:19|20)\\d{2})\\b`, 'g');

/**
 * Years written right after a document number ("Chỉ thị 05 năm 2016"): the year that document was issued,
 * or the year asked about ("Nghị quyết 35 năm 2022 được nhắc ở đâu") — the engine decides by whether the
 * collection has documents of that year.
 */
export function citedDocumentYears(folded: string): number[] {
  return [...new Set([...folded.matchAll(CITED_DOCUMENT_YEAR)].map((m) => Number(m[1])))];
}

/**
 * Words that end a law's name in a question ("Luật Báo chí năm 2016 quy định…", "Luật Giáo dục có…"), the
 * particles that end a chat message among them ("… theo luật vậy", "luật z", "luật nhé"): no law is named "Vậy".
 */
const NAME_ENDS = new Set(
  'nam so quy thi co ve cua duoc da moi hien nay nao gi la hay va voi tai trong theo cho khi ma de vay z zay nhe nha nhi a ha ah oi the khong ko k chua nhung phai'.split(' '),
);

/**
 * The asker or the one spoken to, right after "luật" ("theo luật em phải làm gì"): no law's name starts with these.
 * "ban", "co", "ho" are left out: they fold from names too (Luật Ban hành…, Luật Cơ yếu, Luật Hộ tịch).
 */
const PRONOUNS = new Set('em anh chi toi minh bac chau ong ba'.split(' '));

/**
 * What a law does, said right after "luật" ("luật giao cho UBND xã …", "luật bắt người bán …", "luật yêu cầu …"):
 * the law at work, not a law's name ("Luật Giao thông", "Luật Xử lý vi phạm hành chính" are names).
 */
const LAW_AT_WORK = /^(?:giao (?!thong|dich)|bat|buoc|yeu cau|cam|nghiem cam|noi|ghi|neu|phat|xu phat|doi|ap dung|cho phep|huong dan|dinh nghia|dat ra|tinh|coi)\b/;

/** Names of the laws a question names ("Luật Báo chí" → "bao chi"); "pháp luật", "kỷ luật" are no law. */
function namedLaws(folded: string): string[] {
  const names: string[] = [];
  for (const m of folded.matchAll(/(?<!\b(?:phap|ky|dieu|luat) )\b(?:bo luat|luat|phap lenh)\s+([a-z ]+)/g)) {
    if (LAW_AT_WORK.test(m[1] as string)) continue;
    const words = (m[1] as string).trim().split(/\s+/);
    if (PRONOUNS.has(words[0] as string)) continue;
    const name: string[] = [];
    for (const w of words) {
      if (NAME_ENDS.has(w) || name.length >= 5) break;
      name.push(w);
    }
    if (name.length >= 1 && !(name.length === 1 && name[0] === 'nay')) names.push(name.join(' '));
  }
  return [...new Set(names)];
}

/**
 * A law's name and the year written after it ("Luật Giáo dục năm 2019", "luật livestream 2023"): laws only, where
 * `DESIGNATED_LAW` below also takes decrees and circulars, whose years it keeps out of the year filter.
 */
const LAW_WITH_YEAR = /\b(?:bo luat|luat|phap lenh)(?:\s+(?!nam\b)[a-z]+){1,8}\s+(?:nam\s+)?((?:19|20)\d{2})\b/g;

/** A state law's name with its year ("Luật Giáo dục năm 2019", "Bộ luật Lao động 2019", "Nghị định … năm 2021"). */
const DESIGNATED_LAW = /\b(?:luat|bo luat|hien phap|nghi dinh|thong tu|phap lenh)(?:\s+(?!nam\b)[a-z]+){1,8}\s+(?:nam\s+)?(?:19|20)\d{2}\b/g;

/** Years written as "năm 2023", "2023", and relative ones, resolved against `currentYear`. */
export function detectYears(folded: string, currentYear: number): number[] {
  const years: number[] = [];
  // A year inside a date ("ngày 22/10/2018", the date of a cited document) or a range ("2021 - 2025",
  // "2020-2025") is a term, not the year asked about.
  const withoutRanges = folded
    .replace(/\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(19|20)\d{2}\b/g, ' ')
    .replace(/\b(19|20)\d{2}\s*[-–]\s*(19|20)\d{2}\b/g, ' ')
    // An event's month or quarter ("tháng 8 năm 2022", "tháng 8/2025", "quý III/2025") and a target ("đến năm
    // 2030", "đến hết năm 2025") date something inside a document, not the documents asked about.
    .replace(/\b(?:thang|quy)\s+[\divx]{1,4}\s*(?:\/|nam\s+)\s*(?:19|20)\d{2}\b/g, ' ')
    .replace(/\b(?:den|toi)\s+(?:het\s+|cuoi\s+)?(?:nam\s+)?(?:19|20)\d{2}\b/g, ' ')
    // An open period ("từ năm 2022 trở đi", "năm 2022 và các năm tiếp theo") is what a plan of an earlier year
    // may set out for the years ahead: it dates a part, not the documents asked about.
    .replace(/\b(?:19|20)\d{2}\s+(?:tro di|tro ve sau|ve sau|va (?:cac|nhung) nam (?:tiep theo|sau|toi|ke tiep))\b/g, ' ')
    // The year in a law's name ("Luật Giáo dục năm 2019") names the law.
    .replace(DESIGNATED_LAW, ' ')
    // A milestone ("mốc 2026") is a target inside a plan.
    .replace(/\bmoc\s+(?:nam\s+)?(?:19|20)\d{2}\b/g, ' ');
  // Two years set side by side, one of them still to come ("chỉ tiêu năm 2025 và năm 2030"), are targets a plan
  // sets: no document is of 2030 yet, and the comparison is of the plan's parts.
  const targets = new Set<number>();
  for (const m of withoutRanges.matchAll(/\b((?:19|20)\d{2})\s*(?:,|va|voi|so voi|sang)\s*(?:(?:nam|moc)\s+)?((?:19|20)\d{2})\b/g)) {
    if (Number(m[1]) > currentYear || Number(m[2]) > currentYear) [m[1], m[2]].forEach((y) => targets.add(Number(y)));
  }
  for (const m of withoutRanges.matchAll(/\b((?:19|20)\d{2})\b/g)) if (!targets.has(Number(m[1]))) years.push(Number(m[1]));
  if (/\bnam nay\b/.test(folded)) years.push(currentYear);
  // "các năm sau", "những năm trước", "năm sau đó" are a stretch of years around another one, not next or last year;
  // "báo cáo cả năm trước ngày 10/12", "hằng năm trước ngày" date a report within the year.
  const around = String.raw`(?<!\b(?:cac|nhung|ca|moi|hang|hung) )\bnam`;
  const after = String.raw`\b(?! (?:do|nua|ngay|khi|thoi han|han)\b)`;
  // "năm sau", "năm trước" beside years written out are the year after or before the one written ("kế hoạch năm
  // 2022, năm sau thì sao"), and between two of them the later or earlier of those ("2022 và 2023: năm sau nhấn
  // mạnh thêm gì"); "năm ngoái", "năm tới" count from now.
  const written = [...years];
  const relative = (words: string, now: number, step: number) => {
    const all = new RegExp(`${around} (${words})${after}`, 'g');
    for (const m of folded.matchAll(all)) {
      const near = m[1] === 'sau' || m[1] === 'truoc';
      if (!near || written.length === 0) years.push(now);
      else if (written.length === 1) years.push((written[0] as number) + step);
    }
  };
  relative('ngoai|truoc|roi', currentYear - 1, -1);
  relative('toi|sau', currentYear + 1, 1);
  return [...new Set(years)];
}

function detectTypes(folded: string): DocumentType[] {
  // "pháp luật" is law in general, not a Luật; "bộ luật" is its own type.
  return DOCUMENT_TYPES.filter((t) => new RegExp(`(?<!\\b(?:phap|bo) )\\b${foldedView(t)}\\b`).test(folded));
}

function shapeOf(d: { shape: QuestionShape; ifNamedInStore: QuestionShape | null }): Pick<QueryIntent, 'shape' | 'shapeIfNamedInStore'> {
  return { shape: d.shape, shapeIfNamedInStore: d.ifNamedInStore };
}

/**
 * A paraphrase's terms weigh this much of the question's own: they bring in the section that says it the
 * documents' way, without outweighing the words the person chose.
 */
const PARAPHRASE_WEIGHT = 0.6;

function withParaphrases(terms: Map<string, number>, paraphrases: string[], analyzer: Analyzer): Map<string, number> {
  if (paraphrases.length === 0) return terms;
  const out = new Map(terms);
  for (const phrase of paraphrases) {
    for (const [term, weight] of analyzer.readingTerms(plainReading(phrase))) {
      if (!out.has(term)) out.set(term, weight * PARAPHRASE_WEIGHT);
    }
  }
  return out;
}

/** Drops the terms of the years asked about: they filter the documents, they are not the topic. */
function withoutYears(terms: Map<string, number>, years: number[]): Map<string, number> {
  if (years.length === 0) return terms;
  const marks = years.map(String);
  return new Map([...terms].filter(([term]) => !marks.some((y) => term.includes(y))));
}

/** What the question asks of a directive's parts, and which bodies it names. */
function rolesOf(given: string, directives: DirectiveModel | undefined): Pick<QueryIntent, 'facets' | 'excludedFacets' | 'bodies' | 'levels' | 'asksDuty'> {
  if (!directives) return { facets: [], excludedFacets: [], bodies: [], levels: [], asksDuty: false };
  const aside = setAside(given);
  const text = aside ? cutFolded(given, aside) : given;
  // "Khi luật … có hiệu lực, …" dates the question; it asks for no part about entry into force. What the clause's
  // words say beside the rest is still asked: "từ trước khi luật mới có hiệu lực thì hạn chót …" asks for the
  // transitional rules ("từ trước khi luật").
  const clause = forceClauses(text);
  const outside = directives.facetsOfQuestion(withoutForceClause(text));
  const ofClause = directives.facetsOfQuestion(clause);
  const across = clause ? directives.facetsOfQuestion(text).filter((f) => !ofClause.includes(f) && !outside.includes(f)) : [];
  const facets = [...outside, ...across];
  const excludedFacets = aside ? directives.facetsOfQuestion(aside).filter((f) => !facets.includes(f)) : [];
  const bodies = directives.bodiesAsked(text);
  return { facets, excludedFacets, bodies, levels: directives.levelsIn(text.replace(RECIPIENT_LEVEL, ' ')), asksDuty: facets.some((f) => DUTY_FACETS.includes(f)) };
}

/** The text without the first run of syllables that fold to `words` ("ngoai cac van de trong diem"). */
function cutFolded(text: string, words: string): string {
  const wanted = words.split(' ');
  const found = [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)];
  for (let i = 0; i + wanted.length <= found.length; i++) {
    if (!wanted.every((w, j) => foldedView((found[i + j] as RegExpMatchArray)[0]) === w)) continue;
    const from = (found[i] as RegExpMatchArray).index ?? 0;
    const last = found[i + wanted.length - 1] as RegExpMatchArray;
    return `${text.slice(0, from)} ${text.slice((last.index ?? 0) + last[0].length)}`.replace(/^\s*[,;]?\s*/, '');
  }
  return text;
}

/**
 * The level a report is sent up to ("báo cáo kết quả lên tỉnh", "gửi về huyện") is the recipient's, not that of
 * the body asked about: "MTTQ cấp huyện báo cáo lên tỉnh thế nào" asks for the huyện's entry.
 */
const RECIPIENT_LEVEL = /(?:\blên|\b(?:gửi|nộp|báo cáo|bc)(?: lên| về)?) (?:cấp )?(?:tỉnh|huyện|xã|thành phố)(?=\s|$|[,.?])/giu;

/** "hiện hành" at position i: "quy định hiện hành về …" asks for the document in force, which is no topic word. */
function inForceWord(reading: ReadingSyllable[], i: number): boolean {
  const [a, b] = [reading[i], reading[i + 1]];
  return a !== undefined && b !== undefined && a.phrase === b.phrase && foldedView(a.exact) === 'hien' && foldedView(b.exact) === 'hanh';
}

/** The reading without "hiện hành": the `superseded` ranking feature already prefers documents in force. */
function withoutInForceWords(reading: ReadingSyllable[]): ReadingSyllable[] {
  return reading.filter((_, i) => !inForceWord(reading, i) && !inForceWord(reading, i - 1));
}

/** The syllables the asking sentence uses too, when a story comes before it (all of them otherwise). */
function asking(reading: ReadingSyllable[], asked: Set<string> | null): ReadingSyllable[] {
  if (!asked) return reading;
  const kept = reading.filter((s) => asked.has(foldedView(s.exact)));
  return kept.length > 0 ? kept : reading;
}

/** A question read as typed, without the collection's statistics (talking-point topics, tests). */
export function plainQuestion(question: string, analyzer: Analyzer): NormalizedQuestion {
  const typed = nfc(question).replace(/\s+/g, ' ').trim();
  // Codes ("35-NQ/TW", "nq35") are kept whole: "TW" inside a number is no short form.
  const text = typed
    .split(/(\s+)/)
    .map((run) => (/[\d/]/.test(run) ? run : analyzer.spelledOut(run)))
    .join('');
  return { typed, text, syllables: plainReading(text), meaningChanged: text !== typed, understood: text };
}

/** Reads a question. `currentYear` resolves "năm nay"/"năm ngoái". */
export function understand(question: NormalizedQuestion | string, analyzer: Analyzer, currentYear: number, directives?: DirectiveModel): QueryIntent {
  const given = typeof question === 'string' ? plainQuestion(question, analyzer) : question;
  const preamble = askersPreamble(given.text);
  // What the asker sets aside ("ngoài tiền phạt, … còn …") is not what is asked: its words do not search.
  const aside = setAside(preamble ? given.text.slice(preamble.length) : given.text);
  const kept = withoutSetAside(withoutSetAside(withoutPreamble(given.syllables, preamble), aside), forceClauseWords(given.text));
  const read = { ...given, syllables: withoutFrameWords(withoutAskersPurpose(withoutInForceWords(kept))) };
  const text = read.text;
  const folded = foldedView(text);
  // A year in the asker's own story dates their life, not a document (src/retrieval/frame-words.ts).
  const years = detectYears(foldedView(withoutOwnStory(text)), currentYear);
  const asked = askingSentence(text);
  // "12-KH/ĐU" also yields the partial key "12-KH", which would match "12-KH/ĐUK" as well: keep a partial key
  // only when the question gives no fuller one.
  const found = findNumberKeys(read.typed);
  const numberKeys = found.filter((k) => !found.some((other) => other.startsWith(`${k}/`)));
  const roles = rolesOf(preamble ? text.slice(preamble.length) : text, directives);
  const paraphrases = directives?.writtenFor(text) ?? [];
  const understood = directives?.cueWords(text, PLAN_ROLES) ?? new Set<string>();
  for (const w of closingCueWords(folded)) understood.add(w);
  return {
    text,
    typed: read.typed,
    reading: read.syllables,
    understood: typeof question !== 'string' && read.meaningChanged ? read.understood : null,
    folded,
    years,
    relativeYear: years.length > 0 && !/\b(?:19|20)\d{2}\b/.test(folded),
    mentionedYears: [...new Set([...folded.matchAll(/\b((?:19|20)\d{2})\b/g)].map((m) => Number(m[1])))],
    citedYears: citedDocumentYears(folded).filter((y) => years.includes(y)),
    numberKeys,
    docTypes: detectTypes(folded),
    ...shapeOf(detectShape(folded, years, numberKeys, roles.facets)),
    // Words a story alone uses ("gửi chó cho em gái trông") are the asker's life, not the subject asked about.
    unknownShare: unknownShare(asking(read.syllables, asked), understood),
    unknownPairShare: unknownPairShare(asking(read.syllables, asked), understood),
    unknownPlaces: unknownPlaces(read.syllables, read.typed, asked),
    // "Hôm qua quán em có khách bị ngộ độc" dates the asker's story, not what is asked about.
    asksNow: NOW_CUES.test(foldedView(withoutOwnStory(text))),
    asksWho: WHO_CUES.test(folded),
    asksPrice: PRICE_CUES.test(exactView(text)),
    amount: askedAmount(withoutOwnStory(text)),
    asksOfficeholder: OFFICE_TITLES.test(folded) && HOLDER_CUES.test(folded) && CURRENT_CUES.test(folded),
    namedLaws: namedLaws(folded),
    namedLawYears: [...new Set([...folded.matchAll(LAW_WITH_YEAR)].map((m) => Number(m[1])))],
    askedSyllables: asked,
    terms: storyLess(withParaphrases(withoutYears(analyzer.readingTerms(read.syllables), years), paraphrases, analyzer), asked),
    paraphrases,
    sectionRefs: sectionRefs(folded),
    values: valuesAsked(folded),
    ...roles,
  };
}
