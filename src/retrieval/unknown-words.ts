/**
 * How much of a question the collection has never seen: the share of its content syllables, and of their pairs,
 * that no document uses. The refusal model reads both (src/retrieval/ranking-model.ts).
 */
import { isQuestionWord } from '../text/analyze.ts';
import { foldedView, hasDiacritics } from '../text/normalize.ts';
import type { ReadingSyllable } from '../text/reading.ts';

/**
 * Share of the content syllables (question words and years aside) that the collection has never seen. Words the
 * directive model reads as a role or a body (`understood`: "các đầu mối", "dàn ý các luận điểm") are understood
 * even when no document uses them: they say what is asked, not that it is off the subject.
 */
export function unknownShare(reading: ReadingSyllable[], understood: Set<string>): number {
  const content = reading.filter((s) => !isQuestionWord(s.exact) && !/^\d+$/.test(s.exact) && s.known !== undefined);
  return content.length === 0 ? 0 : content.filter((s) => s.known === false && !understood.has(foldedView(s.exact))).length / content.length;
}

/** Share of the pairs of content syllables (in one phrase) that the collection has never seen together. */
export function unknownPairShare(reading: ReadingSyllable[], understood: Set<string>): number {
  const content = (s: ReadingSyllable | undefined) => s !== undefined && !isQuestionWord(s.exact) && !/^\d+$/.test(s.exact);
  const at = [...reading.keys()].filter((i) => reading[i]?.pairKnown !== undefined && content(reading[i]) && content(reading[i + 1]));
  const isUnderstood = (i: number) => understood.has(foldedView(reading[i]?.exact ?? ''));
  const unknown = at.filter((i) => reading[i]?.pairKnown === false && !isUnderstood(i) && !isUnderstood(i + 1));
  return at.length === 0 ? 0 : unknown.length / at.length;
}

/** Words that name a place's level ("tỉnh Yên Bái", "Huyện ủy Mỹ Lạc"), lower-case and accented as read. */
const LEVEL_WORDS = [['thành', 'phố'], ['thị', 'xã'], ['thị', 'trấn'], ['tỉnh'], ['huyện'], ['quận'], ['xã'], ['phường']];
const FOLDED_LEVELS = new Set(['tỉnh', 'thành', 'phố', 'huyện']);
/** "xã mình", "huyện ta", "tỉnh bạn": the asker's own or another's place, not a name. */
const DEICTIC = new Set(['mình', 'ta', 'nhà', 'ấy', 'kia', 'bên', 'cạnh', 'khác', 'chúng', 'bạn', 'họ', 'anh', 'chị', 'em', 'đó', 'này', 'nào', 'lân', 'giáp']);
/**
 * The provinces and centrally-run cities (their first two syllables, folded): a name typed in lower case and
 * without accents ("tinh yen bai") is known for a place by this list, any other by its capitals.
 */
const PROVINCES = new Set(
  ('an giang|ba ria|bac giang|bac kan|bac lieu|bac ninh|ben tre|binh dinh|binh duong|binh phuoc|binh thuan|ca mau|can tho|' +
    'cao bang|da nang|dak lak|dak nong|dien bien|dong nai|dong thap|gia lai|ha giang|ha nam|ha noi|ha tinh|hai duong|' +
    'hai phong|hau giang|hoa binh|hung yen|khanh hoa|kien giang|kon tum|lai chau|lam dong|lang son|lao cai|long an|' +
    'nam dinh|nghe an|ninh binh|ninh thuan|phu tho|phu yen|quang binh|quang nam|quang ngai|quang ninh|quang tri|' +
    'soc trang|son la|tay ninh|thai binh|thai nguyen|thanh hoa|thua thien|tien giang|tra vinh|tuyen quang|vinh long|' +
    'vinh phuc|yen bai|ho chi').split('|'),
);

/** The two words stand in the typed question with capitals ("Yên Bái"), in whatever accents. */
function capitalised(typed: string, a: string, b: string): boolean {
  const words = typed.match(/[\p{L}\p{M}]+/gu) ?? [];
  const [fa, fb] = [foldedView(a), foldedView(b)];
  const upper = (w: string) => w.charAt(0) !== w.charAt(0).toLowerCase();
  return words.some((w, i) => foldedView(w) === fa && foldedView(words[i + 1] ?? '') === fb && upper(w) && upper(words[i + 1] ?? ''));
}

/**
 * The places the question names that the collection has never seen: a level ("tỉnh", "huyện", "Tỉnh ủy"…) and
 * then a name (capitalised as typed, or a province's) whose two syllables no document writes together, neither
 * after the level ("tỉnh Yên Bái" asked of a collection of Lào Cai's and Trà Vinh's plans). Only the asking
 * sentence counts (`asked`, folded syllables): a story may say where the asker lives.
 */
export function unknownPlaces(reading: ReadingSyllable[], typed: string, asked: Set<string> | null = null): string[] {
  const found: string[] = [];
  const lower = (i: number) => reading[i]?.exact.toLowerCase() ?? '';
  // Typed without accents, only the levels no everyday word folds to ("xa" is also "xa", far) are read.
  const isWord = (i: number, w: string) =>
    lower(i) === w || (FOLDED_LEVELS.has(w) && !hasDiacritics(reading[i]?.exact ?? '') && foldedView(lower(i)) === foldedView(w));
  for (let i = 0; i < reading.length; i++) {
    const level = LEVEL_WORDS.find((words) => words.every((w, k) => isWord(i + k, w) && reading[i + k]?.phrase === reading[i]?.phrase));
    if (!level) continue;
    let j = i + level.length;
    if (['ủy', 'uỷ', 'uy'].includes(lower(j))) j++;
    const [before, a, b] = [reading[j - 1], reading[j], reading[j + 1]];
    if (!before || !a || !b || a.phrase !== reading[i]?.phrase || b.phrase !== a.phrase) continue;
    const name = (s: ReadingSyllable) => !isQuestionWord(s.exact) && !/\d/.test(s.exact) && !DEICTIC.has(s.exact.toLowerCase());
    if (!name(a) || !name(b) || before.pairKnown !== false || a.pairKnown !== false) continue;
    if (!capitalised(typed, a.exact, b.exact) && !PROVINCES.has(`${foldedView(a.exact)} ${foldedView(b.exact)}`)) continue;
    if (asked && !asked.has(foldedView(a.exact)) && !asked.has(foldedView(b.exact))) continue;
    // A name typed without accents is shown so: the accents guessed for it are no better than none.
    const title = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
    const shown = (s: ReadingSyllable) => title(s.sure ? s.exact : foldedView(s.exact));
    found.push([...level, ...(j > i + level.length ? [lower(j - 1)] : []), shown(a), shown(b)].join(' '));
  }
  return [...new Set([...found, ...foreignCountries(reading, asked)])];
}

/** Foreign countries by their folded syllables, with the name shown; names of one syllable need a cue before them. */
const COUNTRIES: Array<[string, string]> = [
  ['trung quoc', 'Trung Quốc'], ['nhat ban', 'Nhật Bản'], ['han quoc', 'Hàn Quốc'], ['trieu tien', 'Triều Tiên'], ['thai lan', 'Thái Lan'],
  ['campuchia', 'Campuchia'], ['cam pu chia', 'Campuchia'], ['singapore', 'Singapore'], ['xin ga po', 'Singapore'], ['malaysia', 'Malaysia'],
  ['indonesia', 'Indonesia'], ['philippines', 'Philippines'], ['an do', 'Ấn Độ'], ['hoa ky', 'Hoa Kỳ'], ['dai loan', 'Đài Loan'],
  ['australia', 'Australia'], ['canada', 'Canada'], ['nhat', 'Nhật'], ['han', 'Hàn'], ['my', 'Mỹ'], ['nga', 'Nga'], ['phap', 'Pháp'],
  ['duc', 'Đức'], ['nuoc anh', 'Anh'], ['uc', 'Úc'], ['lao', 'Lào'],
];
/**
 * Words before a country's name of one syllable ("ở Nhật", "bên Mỹ", "nước Pháp", "sang Hàn"). Not "qua" ("quá hạn"
 * is no Korea); "Anh" only as "nước Anh", since "bên anh" is a pronoun.
 */
const COUNTRY_CUES = new Set(['nuoc', 'o', 'ben', 'sang', 'tai']);

/**
 * Foreign countries the asking sentence names that no document writes ("ở Trung Quốc ủy ban kiểm tra làm gì",
 * "bên Nhật nuôi chó có phải đăng ký không"): the collection holds Vietnamese documents, none about them. A name
 * the collection writes ("hợp tác với Lào") is no sign of anything.
 */
function foreignCountries(reading: ReadingSyllable[], asked: Set<string> | null): string[] {
  const folded = reading.map((s) => foldedView(s.exact.toLowerCase()));
  const found: string[] = [];
  for (const [name, shown] of COUNTRIES) {
    const words = name.split(' ');
    for (let i = 0; i + words.length <= reading.length; i++) {
      if (!words.every((w, k) => folded[i + k] === w && reading[i + k]?.phrase === reading[i]?.phrase)) continue;
      if (words.length === 1 && !COUNTRY_CUES.has(folded[i - 1] ?? '')) continue;
      // Unknown to the collection: the syllable itself (one-syllable names), or the pair of syllables together.
      const unseen = words.length === 1 ? reading[i]?.known === false : words.slice(0, -1).every((_, k) => reading[i + k]?.pairKnown === false);
      if (!unseen || (asked && !words.some((w) => asked.has(w)))) continue;
      found.push(shown);
    }
  }
  return found;
}
