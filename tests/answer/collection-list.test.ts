/**
 * "Kho có những văn bản nào?": the collection is listed, filtered by the years and kinds asked, each document
 * cited by its opening part. A question about a subject of the documents ("văn bản nào về chuyển đổi số") or
 * about where a number is cited is not a question for the list.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asksCatalog, catalogTopic } from '../../src/retrieval/question-shape.ts';
import { foldedView } from '../../src/text/normalize.ts';
import { evalDocument, useMemoryCore } from '../fixtures/memory-core.ts';

describe('questions for the collection itself', () => {
  it.each([
    ['Kho hiện có những văn bản nào? Cho biết loại văn bản, cơ quan ban hành và năm của từng văn bản.', true],
    ['Trong kho có bao nhiêu văn bản năm 2022, đó là những văn bản nào?', true],
    ['kho co nhung ke hoach nao nam 2023 vay ad', true],
    ['liệt kê các văn bản năm 2024', true],
    // A subject after "về" is the list's filter (by the documents' names; the engine reads the sections when none has it).
    ['trong kho có văn bản nào về chuyển đổi số không', true],
    ['nam 2022 trong kho co nhung ke hoach nao ve tuyen truyen, cua co quan nao ban hanh', true],
    ['trong kho có văn bản nào nói gì về chuyển đổi số', false],
    ['Kế hoạch năm 2023 được xây dựng để thực hiện những văn bản nào?', false],
    ['năm 2022 tuyên truyền những nội dung gì?', false],
  ])('%s → %s', (question, expected) => {
    expect(asksCatalog(foldedView(question))).toBe(expected);
  });
});

describe('the subject of a question for the collection', () => {
  it('is the words after "về", without the catalog\'s own', () => {
    expect(catalogTopic(foldedView('năm 2022 trong kho có những kế hoạch nào về tuyên truyền, của cơ quan nào ban hành'))).toEqual(['tuyen', 'truyen']);
    expect(catalogTopic(foldedView('kho có những văn bản nào'))).toBeNull();
  });
});

describe('listing the collection', () => {
  const corpus = (name: string) => ({ name, text: readFileSync(join('data', 'documents', name), 'utf8') });
  const core = useMemoryCore([
    corpus('2022-ke-hoach-mttq-tra-vinh-tuyen-truyen-xay-dung-dang.txt'),
    corpus('2023-huong-dan-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang.txt'),
    evalDocument('layouts7', '2026-ket-luan-86-kl-tu-thach-uyen-dang-vien-doanh-nghiep-ngoai-nha-nuoc.txt'),
  ]);
  const ask = (text: string) => core().engine.ask({ text, conversationId: `catalog-${text.length}`, channel: 'eval' });

  it('lists every document, newest first, each cited by its opening', async () => {
    const answer = await ask('Kho hiện có những văn bản nào?');
    expect(answer.outcome).toBe('answered');
    expect(answer.intro).toMatch(/^Kho có 3 văn bản:/);
    expect(answer.intro.indexOf('Kết luận')).toBeLessThan(answer.intro.indexOf('Bắc Kạn'));
    expect(answer.citations.map((c) => c.section)).toEqual(['', '', '']);
  });

  it('keeps to the documents named about the subject asked, and reads the sections when none is', async () => {
    const named = await ask('trong kho có những văn bản nào về tuyên truyền xây dựng Đảng');
    expect(named.intro).toMatch(/^Kho có 2 văn bản có tên về nội dung bạn hỏi:/);
    expect(named.citations.map((c) => c.section)).toEqual(['', '']);
    const content = await ask('trong kho có văn bản nào về kết nạp đảng viên không');
    expect(content.intro).not.toMatch(/^Kho có/);
    expect(content.citations.some((c) => c.section !== '')).toBe(true);
  });

  it('keeps to the year and the kind asked', async () => {
    const answer = await ask('trong kho co bao nhieu huong dan nam 2023');
    expect(answer.intro).toMatch(/^Kho có 1 hướng dẫn năm 2023:/);
    expect(answer.citations.map((c) => c.source)).toEqual(['2023-huong-dan-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang.txt']);
  });

  it('"năm nay" lists the newest year held (and says so when this year has none yet)', async () => {
    const answer = await ask('năm nay kho có những văn bản nào');
    expect(answer.intro).toContain('Kho có 1 văn bản năm 2026:');
    if (new Date().getFullYear() > 2026) expect(answer.intro).toContain(`Chưa có văn bản năm ${new Date().getFullYear()}`);
  });

  it('says when no document of that kind is held, and a year without documents as before', async () => {
    expect((await ask('kho có những nghị quyết nào?')).intro).toContain('Kho chưa có nghị quyết nào');
    expect((await ask('kho có văn bản nào năm 2019')).outcome).toBe('absent_year');
  });
});
