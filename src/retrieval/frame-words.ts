/**
 * Words of a question that are no topic of the documents: the asker's own purpose ("để tôi đưa vào bài nói") and the
 * words that frame what is asked ("chia … thành mấy nhóm", "nhắc tới", "liệt kê đầy đủ"). They are taken out of the
 * reading before its terms and units are built, so they neither search nor count as unknown.
 */
import { foldedView } from '../text/normalize.ts';
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
