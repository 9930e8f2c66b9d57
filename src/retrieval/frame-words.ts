/**
 * Words of a question that are no topic of the documents: the asker's own purpose ("để tôi đưa vào bài nói") and
 * preamble ("Báo cáo viên Mặt trận cần nắm:"), and the words that frame what is asked ("chia … thành mấy nhóm",
 * "nhắc tới", "liệt kê đầy đủ"). They are taken out of the reading before its terms and units are built, so they
 * neither search nor count as unknown. The story told before a question ("Em sắp đi thuê trọ lần đầu, … Vậy …?")
 * stays, at a lower weight.
 */
import { foldedView, syllables } from '../text/normalize.ts';
import type { ReadingSyllable } from '../text/reading.ts';

/** Who asks, after "để": "để tôi đưa vào bài nói", "để em nắm". */
const ASKER = new Set(['tôi', 'em', 'mình', 'chúng', 'anh', 'chị']);

/**
 * The reading without the asker's own purpose ("Liệt kê đầy đủ để tôi đưa vào bài nói"): what the asker will do
 * with the answer is no topic of the documents, and its words would count as unknown to the collection.
 */
export function withoutAskersPurpose(reading: ReadingSyllable[]): ReadingSyllable[] {
  const drop = new Set<number>();
  reading.forEach((s, i) => {
    const next = reading[i + 1];
    if (foldedView(s.exact) !== 'de' || !next || next.phrase !== s.phrase || !ASKER.has(next.exact.toLowerCase())) return;
    for (let j = i; j < reading.length && reading[j]?.phrase === s.phrase; j++) drop.add(j);
  });
  return drop.size === 0 ? reading : reading.filter((_, i) => !drop.has(i));
}

/** Who asks and what for, before a colon: "Báo cáo viên Mặt trận cần nắm:", "Tôi là tuyên truyền viên, cần chuẩn bị bài:". */
const PREAMBLE = /^([^:?]{3,80}?)\s*:\s*(?=\S)/u;
/** "Với tư cách cán bộ tư pháp xã, …": who asks, up to the comma. */
const AS_ROLE = /^(?:với|voi) (?:tư|tu) (?:cách|cach)(?: là| la)? [^,:?]{3,60}[,:]\s*(?=\S)/iu;
/** It opens with who asks … */
const ASKER_WORDS = /^(?:toi|em|minh|bao cao vien|tuyen truyen vien|bcv|dang vien|can bo)\b/;
/** … says what they need, in a few words (a longer lead-in carries the topic: "Chuẩn bị nói chuyện về …:"). */
const NEED_WORDS = /\b(?:can|muon|hoi|nho|xin|chuan bi)\b|\bnắm\b/u;
const PREAMBLE_WORDS = 8;

/**
 * The asker's preamble, colon included, when the question opens with one: the body named there ("Báo cáo viên
 * Mặt trận cần nắm:") is who asks, not whose duties are asked. Null otherwise.
 */
export function askersPreamble(text: string): string | null {
  const role = AS_ROLE.exec(text);
  if (role) return role[0];
  const m = PREAMBLE.exec(text);
  if (!m) return null;
  const folded = foldedView(m[1] as string);
  // "nắm" is told from "năm" by its accent only: looked for in the preamble as typed.
  const need = NEED_WORDS.test(folded) || NEED_WORDS.test((m[1] as string).toLowerCase());
  return ASKER_WORDS.test(folded) && need && syllables(folded).length <= PREAMBLE_WORDS ? m[0] : null;
}

/** The reading without the syllables of the asker's preamble (when they are its first ones, as read). */
export function withoutPreamble(reading: ReadingSyllable[], preamble: string | null): ReadingSyllable[] {
  if (!preamble) return reading;
  const words = syllables(foldedView(preamble));
  const same = words.every((w, i) => reading[i] !== undefined && foldedView((reading[i] as ReadingSyllable).exact) === w);
  return same && words.length < reading.length ? reading.slice(words.length) : reading;
}

/**
 * Words that frame what is asked rather than say it: how a part is divided ("chia … thành mấy nhóm", "những mảng
 * lớn", "nêu tên từng nhóm": the part's children are the answer, and these words are in none of them), and what a
 * document "nhắc tới" ("Kế hoạch Đề án 17 nhắc tới những fanpage nào?": the fanpages are asked, not a mention), and how
 * fully to tell it ("liệt kê đầy đủ", "kể hết": a clause that says "tham dự đầy đủ" is no better for it).
 */
const FRAME_WORDS =
  /\bchia\b|(?<=\bchia(?: \S+){0,4}) (?:thanh|lam|ra)\b|(?<=\b(?:may|nhung|cac|tung|moi|bao nhieu) )(?:nhom|mang|khoi)(?: lon| chinh)?\b|\bneu ten\b|\bten (?=(?:tung|cac|moi) )|\b(?:duoc )?(?:nhac|de cap)(?: (?:den|toi))?\b|(?<=\b(?:liet ke|ke|neu|trinh bay|noi)(?: ra| lai)? )(?:day du|du|het|chi tiet|cu the)\b/g;

/** The reading without the words of {@link FRAME_WORDS}. */
export function withoutFrameWords(reading: ReadingSyllable[]): ReadingSyllable[] {
  const folded = reading.map((s) => foldedView(s.exact));
  const starts: number[] = [];
  let joined = '';
  for (const f of folded) {
    if (joined !== '') joined += ' ';
    starts.push(joined.length);
    joined += f;
  }
  const drop = new Set<number>();
  for (const m of joined.matchAll(FRAME_WORDS)) {
    const from = m.index ?? 0;
    const to = from + m[0].length;
    starts.forEach((at, i) => {
      if (at >= from && at + (folded[i] as string).length <= to) drop.add(i);
    });
  }
  return drop.size === 0 ? reading : reading.filter((_, i) => !drop.has(i));
}

/** How much a word only the story before the question uses counts, against the asking sentence's words (0.25 and 0.5 tried on the tuning halves). */
export const STORY_WEIGHT = 0.5;

/**
 * The folded syllables of the sentences that ask (those ending in "?") when a story comes with them, or null.
 */
export function askingSentence(text: string): Set<string> | null {
  const told = story(text);
  return told ? new Set(told.questions.flatMap((x) => syllables(foldedView(x)))) : null;
}

/** The sentences of a story told before the question, and the question's, or null when the text is no story. */
function story(text: string): { story: string[]; questions: string[] } | null {
  const sentences = text.split(/(?<=[.!?…])\s+|\n+/u).map((x) => x.trim()).filter((x) => syllables(foldedView(x)).length > 0);
  if (sentences.length < 2) return null;
  // Without a question mark the last sentence may be the request alone ("Gợi ý các luận điểm."), its topic before.
  const questions = sentences.filter((x) => x.endsWith('?'));
  if (questions.length === 0 || questions.length === sentences.length) return null;
  return { story: sentences.filter((x) => !x.endsWith('?')), questions };
}

/** The asker speaks of themself ("nhà tôi", "em", "mình"): a sentence of their own life, not of a document. */
const FIRST_PERSON = /\b(?:toi|em|minh|chau|chung toi|chung em)\b/;

/**
 * The text without the story's sentences in which the asker speaks of themself: "Nhà tôi nuôi con chó từ năm 2020
 * đến giờ." dates the asker's dog, not the document asked about. A sentence that names a document ("Kế hoạch năm
 * 2023 của Huyện ủy.") is kept.
 */
export function withoutOwnStory(text: string): string {
  const told = story(text);
  if (!told) return text;
  const own = told.story.filter((x) => FIRST_PERSON.test(foldedView(x)));
  return own.reduce((rest, sentence) => rest.replace(sentence, ' '), text);
}

/** True when none of a term's or unit's syllables ("b:chủ_trọ", "f:tro") is in the asking sentence. */
export function storyOnly(unit: string, asked: Set<string> | null): boolean {
  if (!asked) return false;
  return unit.slice(2).split('_').every((syllable) => !asked.has(foldedView(syllable)));
}

/** The question's lexical terms, those only the story uses at {@link STORY_WEIGHT}. */
export function storyLess(terms: Map<string, number>, asked: Set<string> | null): Map<string, number> {
  if (!asked) return terms;
  return new Map([...terms].map(([term, weight]) => [term, storyOnly(term, asked) ? weight * STORY_WEIGHT : weight]));
}

/**
 * What the asker already knows and sets aside: "Ngoài các vấn đề trọng điểm, … còn … những nội dung nào?",
 * "ngoài tiền phạt, … còn bị buộc làm gì". The part named there is what is not asked. Only at the start of a clause,
 * and only when the question goes on with "còn", "nữa", "khác" or "thêm" ("ngoài giờ hành chính" sets nothing aside).
 */
const SET_ASIDE = /(?:^|[.?!;:,]\s*)((?:ngoai|ben canh)\s+(?:\S+\s+){0,9}?\S+?)(\s+ra\b|\s*,|\s+thi\b)(?=.*\b(?:con|nua|khac|them)\b)/u;

/** The words of the part set aside ("ngoai cac van de trong diem", "ra" included when written), folded; or null. */
export function setAside(text: string): string | null {
  const m = SET_ASIDE.exec(foldedView(text));
  if (!m) return null;
  return `${m[1] as string}${/\bra$/.test(m[2] as string) ? ' ra' : ''}`;
}

/** The reading without the syllables of the part set aside (their first run in the question). */
export function withoutSetAside(reading: ReadingSyllable[], aside: string | null): ReadingSyllable[] {
  if (!aside) return reading;
  const words = syllables(aside);
  const folded = reading.map((s) => foldedView(s.exact));
  for (let i = 0; i + words.length <= folded.length; i++) {
    if (words.every((w, j) => folded[i + j] === w)) return [...reading.slice(0, i), ...reading.slice(i + words.length)];
  }
  return reading;
}
