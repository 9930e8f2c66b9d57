/**
 * Answer composition on the real engine and store (the five bundled documents, in memory, offline).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Core } from '../../src/app/open-core.ts';
import type { Answer, Citation } from '../../src/core/types.ts';
import { quoteKey } from '../../src/text/normalize.ts';
import { paragraphsOf } from '../../src/answer/quote.ts';
import { quotableText } from '../../src/answer/compose.ts';
import { fixedClock } from '../fakes/clock.ts';
import { openSeededCore } from '../fixtures/seeded-store.ts';

const config = loadConfig({});
let core: Core;
/** quoteKey of the repaired text stored for each document id, and of each original file by source. */
const repaired = new Map<string, string>();
const originals = new Map<string, string>();
let conversation = 0;

beforeAll(async () => {
  core = await openSeededCore({ clock: fixedClock('2023-06-15T08:00:00Z') });
  for (const row of await core.db.query<{ id: string; source: string; text: string }>('SELECT id, source, text FROM documents')) {
    repaired.set(row.id, quoteKey(row.text));
    originals.set(row.source, quoteKey(await readFile(join(config.DOCUMENTS_DIR, row.source), 'utf8')));
  }
});

afterAll(async () => {
  await core?.close();
});

function ask(text: string, conversationId = `c${++conversation}`): Promise<Answer> {
  return core.engine.ask({ text, conversationId, channel: 'eval' });
}

function fragments(quote: string): string[] {
  return quote.split('…').map(quoteKey).filter(Boolean);
}

function expectVerbatim(c: Citation): void {
  const inRepaired = repaired.get(c.documentId);
  const inOriginal = originals.get(c.source);
  expect(inRepaired, c.source).toBeDefined();
  expect(inOriginal, c.source).toBeDefined();
  expect(fragments(c.quote).length, `${c.source}#${c.section}`).toBeGreaterThan(0);
  for (const f of fragments(c.quote)) {
    expect(inRepaired!.includes(f), `${c.source}#${c.section}: ${f.slice(0, 80)}`).toBe(true);
    expect(inOriginal!.includes(f), `${c.source}#${c.section}: ${f.slice(0, 80)}`).toBe(true);
  }
}

const ANSWERABLE = [
  'nội dung trọng tâm năm 2023 là gì?',
  'noi dung tuyen truyen trong tam nam 2022',
  'Nội dung tuyên truyền thường xuyên năm 2022 gồm những gì?',
  'Quy định 85-QĐ/TW được nhắc ở đâu?',
  'Hướng dẫn tuyên truyền của Thành ủy Bắc Kạn căn cứ vào văn bản nào?',
  'nội dung trọng tâm 2022 và 2023 khác gì?',
  'MTTQ tỉnh làm gì để tuyên truyền xây dựng Đảng năm 2022?',
  'Tuyên truyền miệng về Nghị quyết Đại hội XIII được thực hiện thế nào?',
];

describe('citations', () => {
  it.each(ANSWERABLE)('"%s": every quote stands verbatim in its document and is shown in the answer', async (question) => {
    const answer = await ask(question);
    expect(answer.outcome).toBe('answered');
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const c of answer.citations) {
      expectVerbatim(c);
      expect(answer.text).toContain(c.quote);
      expect(c.source).toMatch(/\.txt$/);
      expect(c.title).not.toBe('');
    }
  });

  it('names each cited section with its label and heading in the text', async () => {
    const answer = await ask('Nội dung tuyên truyền thường xuyên năm 2022 gồm những gì?');
    for (const c of answer.citations) expect(answer.text).toContain(`mục ${c.section}`);
  });

  it('a comparison cites each year asked about', async () => {
    const answer = await ask('nội dung trọng tâm 2022 và 2023 khác gì?');
    expect(new Set(answer.citations.map((c) => c.year))).toEqual(new Set([2022, 2023]));
  });

  it('a year question cites only that year', async () => {
    for (const year of [2021, 2022, 2023]) {
      const answer = await ask(`hình thức tuyên truyền năm ${year}`);
      expect(answer.outcome).toBe('answered');
      expect(answer.citations.every((c) => c.year === year), String(year)).toBe(true);
    }
  });
});

describe('trimming', () => {
  it('trims a long section to the relevant bullets, … between non-adjacent ones', async () => {
    const answer = await ask('Nghị quyết 35-NQ/TW được nhắc đến trong những văn bản nào?');
    const c = answer.citations.find((x) => x.quote.includes('…'));
    expect(c).toBeDefined();
    const sections = await core.store.getSections(c!.documentId);
    const section = sections.find((s) => s.label === c!.section)!;
    const paragraphs = paragraphsOf(quotableText(section));
    expect(c!.quote.length).toBeLessThan(paragraphs.join('\n').length);
    expect(c!.quote).toContain('35-NQ/TW');
    // Each fragment is whole paragraphs in document order; consecutive fragments are not neighbours.
    const parts = c!.quote.split('\n');
    const indexes: Array<number | '…'> = parts.map((p) => (p === '…' ? '…' : paragraphs.findIndex((x) => x.startsWith(p))));
    expect(indexes).not.toContain(-1);
    for (let i = 1; i < indexes.length; i++) {
      const prev = indexes[i - 1];
      const cur = indexes[i];
      if (typeof prev === 'number' && typeof cur === 'number') expect(cur).toBeGreaterThan(prev);
      if (cur === '…' && typeof prev === 'number') {
        const next = indexes[i + 1];
        if (typeof next === 'number') expect(next).toBeGreaterThan(prev + 1);
      }
    }
  });

  it('quotes every item of a list, each at least by its first words, and says how many there are', async () => {
    const answer = await ask('nội dung trọng tâm năm 2023 là gì?');
    const [c] = answer.citations;
    expect(c?.section).toBe('II.1');
    const section = (await core.store.getSections(c!.documentId)).find((s) => s.label === 'II.1')!;
    const bullets = section.fullText.split('\n').filter((line) => line.startsWith('- '));
    expect(bullets.length).toBe(5);
    expect(answer.intro).toContain('5 nội dung');
    const said = quoteKey(answer.text);
    for (const bullet of bullets) expect(said).toContain(quoteKey(bullet).split(' ').slice(0, 6).join(' '));
  });
});

describe('who issued a document', () => {
  it.each([
    ['Kế hoạch 12-KH/ĐU do ai ban hành?', '2021-ke-hoach-12-kh-du-tuyen-truyen-sau-dai-hoi-xiii.txt', 'Đảng ủy Ban Quản lý Khu kinh tế', []],
    // Who signed it: its closing block too, cited with the last section it follows.
    ['ai ky huong dan cua thanh uy bac kan', '2023-huong-dan-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang.txt', 'Thành ủy Bắc Kạn', ['IV.5']],
  ])('"%s" quotes the opening and names the issuer and signer the document gives', async (question, source, issuer, closing) => {
    const answer = await ask(question);
    expect(answer.outcome).toBe('answered');
    expect(answer.citations.map((c) => `${c.source}#${c.section}`)).toEqual([`${source}#`, ...closing.map((label) => `${source}#${label}`)]);
    expect(answer.intro).toContain(`Văn bản do ${issuer}`);
    expect(answer.intro).toMatch(/Người ký: \p{Lu}/u);
    for (const c of answer.citations) expectVerbatim(c);
  });

  it('does not give a citing document\'s issuer for a document the store only cites', async () => {
    const answer = await ask('Chỉ thị 05-CT/TW do ai ban hành?');
    expect(answer.intro).not.toContain('Văn bản do');
    expect(answer.intro).toMatch(/được nhắc đến/);
    for (const c of answer.citations) expect(c.quote).toMatch(/05-CT\/TW/);
  });
});

describe('refusals and absent years', () => {
  it.each([
    'Giá vàng SJC hôm nay bao nhiêu?', 'Kết quả trận bóng đá tối qua thế nào?', 'thời tiết Hà Nội ngày mai', 'cách nấu phở bò',
    // Words the documents do use ("Ban Bí thư", "Bộ Chính trị", "công an"), asking what they do not say.
    'Tổng Bí thư hiện nay là ai?', 'Bộ trưởng Bộ Công an là ai?',
  ])(
    '"%s" is refused without citations',
    async (question) => {
      const answer = await ask(question);
      expect(answer.outcome).toBe('refused');
      expect(answer.citations).toEqual([]);
      expect(answer.text).toMatch(/không có trong văn bản/);
    },
  );

  it('"<number> … là gì?" is about the document itself when the collection holds it, else about where it is cited', async () => {
    const own = await ask('Kế hoạch 12-KH/ĐU: mục đích yêu cầu là gì?');
    expect(own.intro).not.toMatch(/được nhắc đến/);
    expect(own.citations[0]).toMatchObject({ source: '2021-ke-hoach-12-kh-du-tuyen-truyen-sau-dai-hoi-xiii.txt' });
    expect(own.citations[0]?.section).toMatch(/^I(\.|$)/);
    const cited = await ask('Quy định 85-QĐ/TW nói về việc gì?');
    expect(cited.intro).toMatch(/được nhắc đến/);
  });

  it('a year that only dates a cited directive is not taken for a year without documents', async () => {
    const answer = await ask('Chỉ thị 05 năm 2016 được nhắc đến trong những văn bản nào?');
    expect(answer.outcome).toBe('answered');
    expect(answer.citations.length).toBeGreaterThan(1);
    for (const c of answer.citations) expect(c.quote).toMatch(/Chỉ thị số 05|05-CT\/TW/);
  });

  it('a year with no document names the years that exist', async () => {
    const answer = await ask('Nội dung tuyên truyền trọng tâm năm 2025 là gì?');
    expect(answer.outcome).toBe('absent_year');
    expect(answer.citations).toEqual([]);
    expect(answer.text).toContain('Chưa có văn bản năm 2025');
    for (const y of ['2021', '2022', '2023']) expect(answer.text).toContain(y);
  });

  it('"năm nay" follows the clock', async () => {
    const answer = await ask('hình thức tuyên truyền năm nay');
    expect(answer.outcome).toBe('answered');
    expect(answer.citations.every((c) => c.year === 2023)).toBe(true);
  });
});

describe('awkward input (through the ask service, as every channel asks)', () => {
  function askService(text: string, conversationId = `c${++conversation}`) {
    return core.askService.ask({ text, conversationId, channel: 'eval' });
  }

  const sections = (a: Answer) => a.citations.map((c) => `${c.source}#${c.section}`);

  it('a question over MAX_QUESTION_CHARS is refused before the engine, with its length', async () => {
    const result = await askService('tuyên truyền '.repeat(2000).slice(0, 20_000));
    expect(result).toEqual({ ok: false, reason: 'too_long', chars: 19_999, maxChars: config.MAX_QUESTION_CHARS });
  });

  it.each([
    ['empty', ''],
    ['spaces', '   \n\t '],
    ['control characters', '\u0000\u0001\u0007\u001b[31m'],
  ])('%s input is refused as empty', async (_name, text) => {
    expect(await askService(text)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each([
    ['emoji', '😀🙏🇻🇳'],
    ['SQL', "'; DROP TABLE documents; --"],
    ['HTML', '<script>alert(1)</script><b onclick="x()">'],
  ])('%s input finds nothing and is refused with the usual reply, no citation', async (_name, text) => {
    const result = await askService(text);
    expect(result.ok).toBe(true);
    const answer = (result as { answer: Answer }).answer;
    expect(answer.outcome).toBe('refused');
    expect(answer.citations).toEqual([]);
    expect(answer.text).toContain('không có trong văn bản');
  });

  it.each([
    ['a lone surrogate', '\ud800 tuyên truyền', 'tuyên truyền'],
    ['a NUL inside a real question', 'nội dung tuyên truyền\u0000 trọng tâm năm 2023', 'nội dung tuyên truyền trọng tâm năm 2023'],
  ])('%s is answered as the question without it', async (_name, text, clean) => {
    const odd = await askService(text);
    const plain = await askService(clean);
    expect(odd.ok && plain.ok).toBe(true);
    const [a, b] = [(odd as { answer: Answer }).answer, (plain as { answer: Answer }).answer];
    expect(a.outcome).toBe('answered');
    expect(sections(a)).toEqual(sections(b));
    expect(sections(a).length).toBeGreaterThan(0);
    for (const c of a.citations) expectVerbatim(c);
  });

  it('empty input reaching the engine itself is the empty outcome', async () => {
    expect((await ask('')).outcome).toBe('empty');
  });

  it('SQL-looking text is harmless: the documents are still there', async () => {
    await ask("'; DROP TABLE documents; --");
    await ask("x' OR '1'='1");
    expect(await core.store.listDocuments({ status: 'active' })).toHaveLength(5);
    expect((await ask('nội dung trọng tâm năm 2023 là gì?')).outcome).toBe('answered');
  });
});

describe('follow-ups', () => {
  it('"còn năm 2022 thì sao?" re-asks the previous question for 2022', async () => {
    const first = await ask('nội dung tuyên truyền trọng tâm năm 2023 là gì?', 'follow-year');
    expect(first.citations.every((c) => c.year === 2023)).toBe(true);
    const second = await ask('còn năm 2022 thì sao?', 'follow-year');
    expect(second.outcome).toBe('answered');
    expect(second.citations.length).toBeGreaterThan(0);
    expect(second.citations.every((c) => c.year === 2022)).toBe(true);
    expect(second.citations.map((c) => c.section)).toContain('II.1');
  });

  it('"mục 2 thì sao?" after a II.1 citation opens II.2 of the same document', async () => {
    const first = await ask('nội dung tuyên truyền trọng tâm năm 2023 là gì?', 'follow-section');
    expect(first.citations[0]?.section).toBe('II.1');
    const second = await ask('mục 2 thì sao?', 'follow-section');
    expect(second.outcome).toBe('answered');
    expect(second.citations).toHaveLength(1);
    expect(second.citations[0]).toMatchObject({ documentId: first.citations[0]!.documentId, section: 'II.2' });
    const section = (await core.store.getSections(first.citations[0]!.documentId)).find((s) => s.label === 'II.2')!;
    expect(quoteKey(second.citations[0]!.quote)).toBe(quoteKey(section.fullText));
    expectVerbatim(second.citations[0]!);
  });

  it('a part the cited document does not have is named as missing, with the parts it has', async () => {
    await ask('nội dung tuyên truyền trọng tâm năm 2023 là gì?', 'follow-missing');
    const missing = await ask('mục 9 thì sao?', 'follow-missing');
    expect(missing.outcome).toBe('refused');
    expect(missing.citations).toEqual([]);
    expect(missing.intro).toBe('Văn bản vừa trích không có mục II.9. Các phần của văn bản: I, II, III, IV.');
  });

  it('keeps conversations apart', async () => {
    await ask('nội dung tuyên truyền trọng tâm năm 2023 là gì?', 'iso-a');
    const other = await ask('Ban Tuyên giáo Thành ủy Bắc Kạn có nhiệm vụ gì?', 'iso-b');
    expect(other.citations[0]?.section).toBe('IV.5');
    const inA = await ask('mục 2 thì sao?', 'iso-a');
    const inB = await ask('mục 2 thì sao?', 'iso-b');
    expect(inA.citations[0]?.source).toBe('2023-ke-hoach-huyen-uy-thong-tin-tuyen-truyen-xay-dung-dang.txt');
    expect(inA.citations[0]?.section).toBe('II.2');
    expect(inB.citations[0]?.source).toBe('2023-huong-dan-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang.txt');
    expect(inB.citations[0]?.section).toBe('IV.2');
    // A fresh conversation has nothing to follow up on.
    const fresh = await ask('còn năm 2022 thì sao?', 'iso-c');
    expect(fresh.citations.some((c) => c.section === 'II.1' && c.year === 2022)).toBe(false);
  });
});

describe('talking points', () => {
  it.each(['đấu tranh phản bác quan điểm sai trái', 'tuyên truyền trên báo chí và mạng xã hội', 'học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh'])(
    '"%s": 3–10 points, each cited with a verbatim quote',
    async (topic) => {
      const tp = await core.engine.talkingPoints(topic, { conversationId: 'tp', channel: 'eval' });
      expect(tp.refused).toBe(false);
      expect(tp.points.length).toBeGreaterThanOrEqual(3);
      expect(tp.points.length).toBeLessThanOrEqual(10);
      for (const p of tp.points) {
        expect(p.title).not.toBe('');
        expect(p.citations.length).toBeGreaterThan(0);
        for (const c of p.citations) expectVerbatim(c);
        // The title is the start of its own quote (verbatim), not a paraphrase.
        expect(quoteKey(p.citations[0]!.quote)).toContain(quoteKey(p.title.replace(/…$/, '')));
      }
    },
  );

  it('refuses an out-of-scope topic', async () => {
    const tp = await core.engine.talkingPoints('giá vàng SJC', { conversationId: 'tp', channel: 'eval' });
    expect(tp.refused).toBe(true);
    expect(tp.points).toEqual([]);
  });
});

describe('where an answer spends its time', () => {
  it('reports each stage it ran, and none it skipped', async () => {
    const answered = await ask('nội dung trọng tâm năm 2023 là gì?');
    const stages = answered.debug.stagesMs ?? {};
    expect(Object.keys(stages).sort()).toEqual(['lexical', 'quoting', 'ranking', 'understanding', 'vector']);
    for (const ms of Object.values(stages)) expect(ms).toBeGreaterThanOrEqual(0);
    // A year the collection lacks is looked for in other years' text (a report gives last year's figures), then
    // told missing: nothing is quoted.
    const missing = await ask('nội dung trọng tâm năm 2019 là gì?');
    expect(missing.outcome).toBe('absent_year');
    expect(missing.citations).toEqual([]);
  });
});
