/**
 * Talking points on the real engine and the five bundled documents: the problems a báo cáo viên found
 * (issue 15) — "nêu gương" without the regulations and cut mid-phrase, "Mặt trận Tổ quốc" offering the opening
 * line and missing giám sát / phản biện, "chống diễn biến hòa bình" with duplicates and without Lào Cai II.5,
 * "tổ chức cơ sở đảng" padded with newspaper subscriptions and training — and what every outline must be.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/app/open-core.ts';
import type { TalkingPoints } from '../../src/core/types.ts';
import { quoteKey } from '../../src/text/normalize.ts';
import { fixedClock } from '../fakes/clock.ts';
import { openSeededCore } from '../fixtures/seeded-store.ts';

let core: Core;
/** Each document's stored text, whitespace collapsed, by id. */
const texts = new Map<string, string>();

beforeAll(async () => {
  core = await openSeededCore({ clock: fixedClock('2023-06-15T08:00:00Z') });
  for (const row of await core.db.query<{ id: string; text: string }>('SELECT id, text FROM documents')) {
    texts.set(row.id, row.text.replace(/\s+/g, ' '));
  }
});

afterAll(async () => {
  await core?.close();
});

const points = (topic: string) => core.engine.talkingPoints(topic, { conversationId: 'tp', channel: 'eval' });
const LAO_CAI = '2022-ke-hoach-dang-uy-khoi-lao-cai-de-an-17.txt';
const HUYEN_UY = '2023-ke-hoach-huyen-uy-thong-tin-tuyen-truyen-xay-dung-dang.txt';
const MTTQ = '2022-ke-hoach-mttq-tra-vinh-tuyen-truyen-xay-dung-dang.txt';

/**
 * The quote stands in the document as a whole clause: found verbatim (whitespace aside), opening after the start
 * of a line or a clause mark, and closing before one — never inside a phrase.
 */
function standsAsClause(documentId: string, quote: string): boolean {
  const text = texts.get(documentId) ?? '';
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    const before = text.slice(0, at).trimEnd();
    const after = text.slice(at + quote.length).trimStart();
    if ((before === '' || /[-+•;.:)(\n]$/u.test(before)) && (after === '' || /^[;.:,!?\n]/u.test(after) || /^\d+\.\s|^[IVX]+\./u.test(after))) return true;
  }
  return false;
}

function expectWellFormed(tp: TalkingPoints): void {
  expect(tp.refused).toBe(false);
  expect(tp.points.length).toBeGreaterThanOrEqual(3);
  expect(tp.points.length).toBeLessThanOrEqual(10);
  expect(tp.groups.flatMap((g) => g.points)).toEqual(tp.points);
  const years = tp.groups.map((g) => g.year ?? 0);
  expect(years).toEqual([...years].sort((a, b) => b - a));
  expect(tp.documentCount).toBe(new Set(tp.points.flatMap((p) => p.citations.map((c) => c.documentId))).size);
  const keys = tp.points.map((p) => quoteKey(p.title));
  expect(new Set(keys).size, 'no two points alike').toBe(keys.length);
  for (const group of tp.groups) {
    for (const p of group.points) {
      expect(p.citations[0]?.documentId).toBe(group.documentId);
      expect(quoteKey(p.title)).toBe(quoteKey(p.citations[0]!.quote));
      expect(p.title, 'no opening line').not.toMatch(/^(?:…\s*)?(?:Thực hiện|Căn cứ)\s+(?:Kế hoạch|Hướng dẫn|Nghị quyết|Chỉ thị|Kết luận|Quy định)/u);
      for (const c of p.citations) {
        expect(c.section, 'no opening part').not.toBe('');
        expect(standsAsClause(c.documentId, c.quote), `${c.source}#${c.section}: ${c.quote.slice(0, 80)}`).toBe(true);
      }
    }
  }
}

describe('talking points on the bundled corpus', () => {
  it.each(['nêu gương', 'Mặt trận Tổ quốc', 'chống diễn biến hòa bình', 'tổ chức cơ sở đảng', 'mạng xã hội', 'đấu tranh phản bác quan điểm sai trái'])(
    '"%s": 3–10 whole clauses, verbatim, cited, grouped newest first, counted',
    async (topic) => expectWellFormed(await points(topic)),
  );

  it('"nêu gương" quotes the regulations on setting an example (QĐ 101, 55, 08) in one whole clause', async () => {
    const tp = await points('nêu gương');
    const regulations = tp.points.find((p) => p.title.includes('101-QĐ/TW'));
    expect(regulations?.title).toContain('55-QĐ/TW');
    expect(regulations?.title).toContain('08-QĐi/TW');
    expect(tp.points.every((p) => /nêu gương/iu.test(p.title))).toBe(true);
  });

  it('"Mặt trận Tổ quốc" has giám sát, phản biện and no opening line', async () => {
    const tp = await points('Mặt trận Tổ quốc');
    expect(tp.points.some((p) => p.title.includes('giám sát, phản biện'))).toBe(true);
    expect(tp.points.some((p) => p.title.includes('Hướng dẫn số 81'))).toBe(false);
  });

  it('"chống diễn biến hòa bình" starts from Lào Cai II.5 and cites copies of one sentence together', async () => {
    const tp = await points('chống diễn biến hòa bình');
    expect(tp.points.filter((p) => p.citations[0]?.source === LAO_CAI && p.citations[0].section === 'II.5').length).toBeGreaterThanOrEqual(2);
    const copied = tp.points.find((p) => p.title.startsWith('Tích cực đấu tranh chống “diễn biến hòa bình”'));
    expect(copied?.citations.map((c) => c.source).sort()).toEqual([MTTQ, HUYEN_UY].sort());
  });

  it('"tổ chức cơ sở đảng" is about building them, not their newspaper subscriptions or training', async () => {
    const tp = await points('tổ chức cơ sở đảng');
    for (const p of tp.points) expect(p.title).not.toMatch(/đọc báo|tập huấn/u);
    expect(tp.points.some((p) => p.title.includes('củng cố, xây dựng tổ chức cơ sở đảng'))).toBe(true);
  });

  it('refuses a topic outside the collection', async () => {
    const tp = await points('giá vàng SJC');
    expect(tp.refused).toBe(true);
    expect(tp.points).toEqual([]);
  });
});
