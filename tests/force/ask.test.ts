/**
 * Acceptance through `ask` (the ask service and the `ask --json` contract every channel and the eval share), with
 * the test documents ingested in both orders: the document in force is cited, a replaced, abolished or amended
 * one says so in its citation line, "… còn hiệu lực không?" is answered with both documents cited, a yearly plan
 * is not replaced by next year's, and "năm nay" still means the year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/app/open-core.ts';
import { toAskJson, type AskJson } from '../../src/ask/ask-json.ts';
import { openForceCore, SOURCES, type Order } from './setup.ts';

describe.each<Order>(['forward', 'reverse'])('documents in force, ingested %s', (order) => {
  let core: Core;
  beforeAll(async () => {
    core = await openForceCore(order);
  }, 120_000);
  afterAll(() => core?.close());

  let n = 0;
  async function ask(question: string): Promise<AskJson> {
    const result = await core.askService.ask({ channel: 'cli', conversationId: `force-${order}-${++n}`, text: question });
    if (!result.ok) throw new Error(`refused before the engine: ${result.reason}`);
    return toAskJson(result.answer);
  }
  const sources = (a: AskJson) => a.citations.map((c) => c.source);

  it('answers a question about the regulation from the one in force, never the replaced one', async () => {
    for (const q of ['Bí thư huyện ủy tiếp dân định kỳ bao nhiêu ngày?', 'quy định hiện hành về tiếp dân của bí thư cấp ủy']) {
      const a = await ask(q);
      expect(a.refused, q).toBe(false);
      expect(sources(a)[0], q).toBe(SOURCES.replacing);
      expect(sources(a), q).not.toContain(SOURCES.old);
    }
  });

  it('flags the replaced regulation in the citation line when it is asked for by name', async () => {
    const a = await ask('Quy định 05-QĐ/TU quy định thời gian tiếp dân định kỳ thế nào?');
    expect(sources(a)).toEqual([SOURCES.old]);
    expect(a.citations[0]?.force).toBe('⚠️ đã được thay thế bởi Quy định số 12-QĐ/TU ngày 20/5/2024');
    expect(a.answer).toMatch(/\(Nguồn: Quy định số 05-QĐ\/TU .* – ⚠️ đã được thay thế bởi Quy định số 12-QĐ\/TU ngày 20\/5\/2024\)/);
  });

  it('answers "còn hiệu lực không" for the replaced regulation with both documents cited', async () => {
    for (const q of ['Quy định 05-QĐ/TU còn hiệu lực không?', 'quy dinh 05-QD/TU co con hieu luc ko']) {
      const a = await ask(q);
      expect(a.refused, q).toBe(false);
      expect(a.answer, q).toMatch(/^Quy định số 05-QĐ\/TU ngày 12\/9\/2019 không còn hiệu lực: đã được thay thế bởi Quy định số 12-QĐ\/TU ngày 20\/5\/2024\./);
      expect(sources(a), q).toEqual([SOURCES.replacing, SOURCES.old]);
      expect(a.citations[0]).toMatchObject({ section: 'Điều 7', number: '12-QĐ/TU' });
      expect(a.citations[0]?.quote).toContain('thay thế Quy định số 05-QĐ/TU');
      expect(a.citations[1]?.force).toMatch(/đã được thay thế bởi/);
    }
    const current = await ask('Quy định 12-QĐ/TU còn hiệu lực không?');
    expect(current.answer).toMatch(/^Quy định số 12-QĐ\/TU ngày 20\/5\/2024 còn hiệu lực .*Văn bản này thay thế Quy định số 05-QĐ\/TU ngày 12\/9\/2019\./s);
    expect(sources(current)).toEqual([SOURCES.replacing]);
  });

  it('keeps an amended plan in force, says it was amended, and cites both', async () => {
    const a = await ask('Kế hoạch 30-KH/TU có còn hiệu lực?');
    expect(a.answer).toMatch(/^Kế hoạch số 30-KH\/TU ngày 10\/1\/2025 còn hiệu lực, đã được sửa đổi, bổ sung bởi Kế hoạch số 41-KH\/TU ngày 16\/6\/2025/);
    expect(sources(a)).toEqual([SOURCES.amending, SOURCES.plan]);
    expect(a.citations[1]?.force).toBe('đã được sửa đổi, bổ sung bởi Kế hoạch số 41-KH/TU ngày 16/6/2025');
    const content = await ask('Kế hoạch 30-KH/TU đặt chỉ tiêu ký số văn bản đi thế nào?');
    expect(content.citations.find((c) => c.source === SOURCES.plan)?.force).toBe('đã được sửa đổi, bổ sung bởi Kế hoạch số 41-KH/TU ngày 16/6/2025');
  });

  it('answers for the abolished guidance with both documents cited, and flags it when its content is quoted', async () => {
    const a = await ask('Hướng dẫn 07-HD/BTGTU còn hiệu lực không?');
    expect(a.answer).toMatch(/^Hướng dẫn số 07-HD\/BTGTU ngày 3\/3\/2022 không còn hiệu lực: đã bị bãi bỏ bởi Quyết định số 88-QĐ\/BTGTU ngày 2\/4\/2025\./);
    expect(sources(a)).toEqual([SOURCES.abolishing, SOURCES.guidance]);
    const described = await ask('Hướng dẫn về cán bộ đảng viên sử dụng mạng xã hội còn hiệu lực không?');
    expect(described.answer).toMatch(/^Hướng dẫn số 07-HD\/BTGTU ngày 3\/3\/2022 không còn hiệu lực: đã bị bãi bỏ/);
    expect(sources(described)).toEqual([SOURCES.abolishing, SOURCES.guidance]);
    const content = await ask('những việc cán bộ, đảng viên không được làm trên mạng xã hội');
    expect(content.citations[0]).toMatchObject({ source: SOURCES.guidance, force: '⚠️ đã bị bãi bỏ bởi Quyết định số 88-QĐ/BTGTU ngày 2/4/2025' });
  });

  it('does not take last year\'s plan for replaced by this year\'s, and "năm nay" is still the year', async () => {
    const a = await ask('Kế hoạch 18-KH/TU còn hiệu lực không?');
    expect(a.answer).toMatch(/^Kế hoạch số 18-KH\/TU ngày 15\/1\/2024 còn hiệu lực\. Trong kho không có văn bản nào thay thế, bãi bỏ hoặc làm hết hiệu lực văn bản này\./);
    expect(a.citations.every((c) => !c.force)).toBe(true);
    const thisYear = await ask('chỉ tiêu chuyển đổi số năm nay là gì?');
    expect(thisYear.citations.length).toBeGreaterThan(0);
    expect(thisYear.citations.every((c) => c.year === 2025)).toBe(true);
    const lastYear = await ask('chỉ tiêu chuyển đổi số năm 2024 là gì?');
    expect(sources(lastYear)[0]).toBe(SOURCES.lastYear);
    expect(lastYear.citations[0]?.force).toBeUndefined();
  });

  it('says so when it holds neither the document nor anything about it', async () => {
    const a = await ask('Nghị quyết 99-NQ/TU còn hiệu lực không?');
    expect(a.refused).toBe(true);
    expect(a.answer).toContain('Trong kho không có Nghị quyết 99-NQ/TU');
  });
});

describe('a replaced document that is not in the collection', () => {
  let core: Core;
  beforeAll(async () => {
    core = await openForceCore('forward', { only: [SOURCES.replacing] });
  }, 120_000);
  afterAll(() => core?.close());

  it('is answered from what the replacing document says, citing it', async () => {
    const result = await core.askService.ask({ channel: 'cli', conversationId: 'absent', text: 'Quy định 05-QĐ/TU còn hiệu lực không?' });
    const a = toAskJson((result as { ok: true; answer: Parameters<typeof toAskJson>[0] }).answer);
    expect(a.answer).toMatch(/^Quy định số 05-QĐ\/TU ngày 12\/9\/2019 \(chưa có trong kho\) không còn hiệu lực: đã được thay thế bởi Quy định số 12-QĐ\/TU ngày 20\/5\/2024\./);
    expect(a.citations.map((c) => [c.source, c.section])).toEqual([[SOURCES.replacing, 'Điều 7']]);
  });
});
