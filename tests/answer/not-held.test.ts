/**
 * What the collection cannot hold is told, not quoted around: a document named by a full number that no document
 * bears or cites, and an amount of money asked of sections that name none. A number the collection does cite, or
 * an amount a section does name, is answered as before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asksMoney } from '../../src/retrieval/question-shape.ts';
import { evalDocument, useMemoryCore } from '../fixtures/memory-core.ts';

describe('questions asking an amount of money', () => {
  it.each([
    ['Phụ cấp cho báo cáo viên mỗi buổi là bao nhiêu tiền?', true],
    ['giá vé tham quan khu di tích là bao nhiêu', true],
    ['chi bo dc ho tro kinh phi hoat dong bn 1 nam', true],
    ['bao nhiêu đồng chí tham gia hội nghị?', false],
    ['có bao nhiêu người tham gia hội thi?', false],
    ['số lượng báo cáo viên cấp xã là bao nhiêu?', false],
    ['lúc nào thì không được chạy máy khoan, máy đóng cọc?', false],
    ['mấy đồng chí được cử đi học?', false],
    ['vi pham thi bi phat may trieu', true],
  ])('%s → %s', (question, expected) => {
    expect(asksMoney(question)).toBe(expected);
  });
});

describe('answering what the collection does not hold', () => {
  const core = useMemoryCore([
    evalDocument('layouts6', '2025-quy-dinh-03-qd-btgdvtu-huong-linh-bao-cao-vien.txt'),
    evalDocument('layouts7', '2026-ket-luan-86-kl-tu-thach-uyen-dang-vien-doanh-nghiep-ngoai-nha-nuoc.txt'),
  ]);
  const ask = (text: string) => core().engine.ask({ text, conversationId: `not-held-${text.length}`, channel: 'eval' });

  it('says a numbered document neither held nor cited is not in the collection', async () => {
    const answer = await ask('Quy định 213-QĐ/TW về trách nhiệm của đảng viên đang công tác giữ mối liên hệ với nơi cư trú gồm những nội dung gì?');
    expect(answer.outcome).toBe('refused');
    expect(answer.intro).toContain('Kho chưa có "Quy định 213-QĐ/TW"');
  });

  it('answers about a number the collection only cites, from where it is cited', async () => {
    const answer = await ask('Quy định 144-QĐ/TW được nhắc đến trong quy định về báo cáo viên như thế nào?');
    expect(answer.outcome).toBe('answered');
    expect(answer.text).toContain('144-QĐ/TW');
  });

  it('tells that the items of a document the collection only cites are not held', async () => {
    const answer = await ask('Quy định 144-QĐ/TW gồm những nội dung gì? Liệt kê hết giúp mình');
    expect(answer.outcome).toBe('refused');
    expect(answer.citations).toEqual([]);
    expect(answer.intro).toContain('Kho chưa có toàn văn "Quy định 144-QĐ/TW"');
    expect((await ask('Quy định 144-QĐ/TW được dẫn ra ở những chỗ nào?')).outcome).toBe('answered');
  });

  it('answers about a document it holds, named by its number', async () => {
    const answer = await ask('Kết luận 86-KL/TU giao chỉ tiêu kết nạp đảng viên trong doanh nghiệp thế nào?');
    expect(answer.outcome).toBe('answered');
  });

  it('refuses an amount no section names, and quotes one a section does', async () => {
    expect((await ask('Phụ cấp cho báo cáo viên cấp tỉnh mỗi buổi nói chuyện là bao nhiêu tiền?')).outcome).toBe('refused');
    const funded = await ask('chi bo trong doanh nghiep tu nhan duoc ho tro kinh phi hoat dong bao nhieu mot nam?');
    expect(funded.outcome).toBe('answered');
    expect(funded.text).toMatch(/\d[\d.]*\s*đồng/u);
  });
});

describe('a document the collection only cites, whose items a held document states', () => {
  const bacKan = '2023-huong-dan-thanh-uy-bac-kan-tuyen-truyen-xay-dung-dang.txt';
  const core = useMemoryCore([
    evalDocument('layouts15', '2025-de-cuong-09-dc-btgdvtu-phu-son-ha-hoi-dap-chuyen-doi-so.txt'),
    { name: bacKan, text: readFileSync(join('data', 'documents', bacKan), 'utf8') },
  ]);

  it('answers from the hỏi – đáp that names the number with the role asked for', async () => {
    const answer = await core().engine.ask({ text: 'Nghị quyết 11-NQ/TU đề ra những mục tiêu gì tới năm 2030, liệt kê giúp', conversationId: 'stated-1', channel: 'eval' });
    expect(answer.outcome).toBe('answered');
    expect(answer.citations[0]?.section).toBe('Phần II');
    expect(answer.text).toContain('Kinh tế số chiếm tỷ trọng 25% GRDP');
  });

  it('still tells the items are not held when a plan names the document by its title in a list', async () => {
    // Bắc Kạn's guide lists "Quy định số 37-QĐ/TW … về những điều đảng viên không được làm;" among its contents.
    const answer = await core().engine.ask({ text: 'Quy định 37-QĐ/TW gồm những điều đảng viên không được làm nào? liệt kê hết', conversationId: 'stated-2', channel: 'eval' });
    expect(answer.outcome).toBe('refused');
    expect(answer.intro).toContain('Kho chưa có toàn văn "Quy định 37-QĐ/TW"');
  });
});

describe('a law named in the asker own words', () => {
  const core = useMemoryCore([evalDocument('laws7', '2025-luat-95-qh15-tieng-on-khu-dan-cu.txt')]);
  const ask = (text: string) => core().engine.ask({ text, conversationId: `law-named-${text.length}`, channel: 'eval' });

  it('is held when every word of the name is in a held law title, in any order ("luật chống ồn khu dân cư")', async () => {
    const answer = await ask('Theo luật chống ồn khu dân cư thì giờ yên tĩnh buổi tối bắt đầu từ mấy giờ?');
    expect(answer.intro).not.toContain('văn bản luật này');
    expect(answer.outcome).toBe('answered');
  });

  it('is not held when a word of the name is in no held title', async () => {
    expect((await ask('Luật Giao thông đường bộ phạt vượt đèn đỏ bao nhiêu?')).intro).toContain('Kho chưa có');
  });

  it('is not held of another year than the held law\'s, which the answer names', async () => {
    const answer = await ask('luat chong on khu dan cu nam 2023 co cam hat karaoke sau 22 gio ko');
    expect(answer.outcome).toBe('absent_year');
    expect(answer.citations).toEqual([]);
    expect(answer.intro).toContain('95/2025/QH15');
    expect((await ask('luat chong on khu dan cu nam 2025 co cam hat karaoke sau 22 gio ko')).outcome).toBe('answered');
  });

  it('is the law at work, not a name, in "luật giao cho …"', async () => {
    const answer = await ask('Luật giao cho Ủy ban nhân dân cấp xã những trách nhiệm gì về tiếng ồn?');
    expect(answer.intro).not.toContain('Kho chưa có');
    expect(answer.outcome).toBe('answered');
  });
});

describe('who holds an office now', () => {
  const core = useMemoryCore([evalDocument('laws8', '2026-nghi-dinh-118-2026-nd-cp-xe-dien-hai-banh.txt')]);
  const ask = (text: string) => core().engine.ask({ text, conversationId: `holder-${text.length}`, channel: 'eval' });

  it('is no question a dated text answers, even one that names the office many times', async () => {
    const answer = await ask('Hiện nay ai đang giữ chức Bộ trưởng Bộ Công an?');
    expect(answer.outcome).toBe('refused');
    expect(answer.citations).toEqual([]);
    expect(answer.intro).toContain('không cho biết ai đang giữ chức vụ hiện nay');
  });

  it('leaves a question about what an office does alone', async () => {
    const answer = await ask('Bộ trưởng Bộ Công an quy định những gì theo Nghị định này?');
    expect(answer.outcome).toBe('answered');
  });
});
