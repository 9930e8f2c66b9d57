/**
 * What a notice says, on documents parsed as the pipeline parses them: the purpose quoted verbatim in whole
 * clauses from the "Mục đích" part (or the opening when there is none), and what to type to open the document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../ingestion/parse-document.ts';
import type { StoredDocument, StoredSection } from '../../src/core/types.ts';
import { noticeFor } from '../../src/notices/notice-content.ts';
import { renderNotice as zaloNotice } from '../../src/channels/zalo/notices.ts';
import { renderNotice as telegramNotice } from '../../src/channels/telegram/notices.ts';
import { quoteKey } from '../../src/text/normalize.ts';
import { checkTelegramHtml } from '../channels/telegram/telegram-html.ts';
import { FAKE_DOC } from '../fakes/fake-services.ts';
import { PLAN_45 } from './plans.ts';

/** A parsed document as the store would give it back. */
function stored(source: string, text: string): { document: StoredDocument; sections: StoredSection[]; text: string } {
  const parsed = parseDocument({ source, text, contentHash: 'notice' });
  const sections = parsed.sections.map((s) => ({ ...s, id: `${s.order}`, documentId: 'doc', fullText: s.body }));
  return { document: { ...FAKE_DOC, ...parsed.metadata, id: 'doc', source }, sections, text: parsed.text };
}

describe('notice content', () => {
  it('quotes the "Mục đích" part under "MỤC ĐÍCH, YÊU CẦU", whole clauses, verbatim', () => {
    const { document, sections, text } = stored('2024-ke-hoach-45.txt', PLAN_45);
    const notice = noticeFor(document, sections);
    expect(notice).toMatchObject({ type: 'Kế hoạch', number: '45-KH/ĐUK', year: 2024, issuer: 'Ban Thường vụ Đảng ủy Khối', purposeSection: 'I.1', reference: '45-KH/ĐUK' });
    expect(notice.purpose).toEqual([
      'Nâng cao nhận thức của cán bộ, đảng viên về chuyển đổi số; đưa nghị quyết của Đảng đến từng đảng viên qua điện thoại thông minh',
      'Xây dựng đội ngũ tuyên truyền viên trên không gian mạng ở mỗi chi bộ',
    ]);
    for (const line of notice.purpose) expect(quoteKey(text)).toContain(quoteKey(line));
  });

  it('takes a purpose part with bullets of its own (Lào Cai), at most three lines', () => {
    const source = '2022-ke-hoach-dang-uy-khoi-lao-cai-de-an-17.txt';
    const { document, sections, text } = stored(source, readFileSync(join('data/documents', source), 'utf8'));
    const notice = noticeFor(document, sections);
    expect(notice.purposeSection).toBe('I');
    expect(notice.purpose.length).toBeGreaterThanOrEqual(1);
    expect(notice.purpose.length).toBeLessThanOrEqual(3);
    expect(notice.purpose[0]).toMatch(/^Cụ thể hóa các nội dung Đề án số 17/u);
    for (const line of notice.purpose) expect(quoteKey(text)).toContain(quoteKey(line));
  });

  it('falls back to the opening when there is no purpose part', () => {
    const { document, sections } = stored('thong-bao.txt', 'THÔNG BÁO\nvề lịch sinh hoạt chi bộ\n\nBan Chi ủy thông báo lịch sinh hoạt chi bộ tháng 6 như sau.\n\n1. Sinh hoạt thường kỳ vào ngày 5 hằng tháng.\n');
    const notice = noticeFor(document, sections);
    expect(notice.purposeSection).toBe('');
    expect(notice.purpose[0]).toContain('thông báo lịch sinh hoạt chi bộ');
  });

  it('is worded as valid Telegram HTML and as short Zalo text', () => {
    const { document, sections } = stored('2024-ke-hoach-45.txt', PLAN_45);
    const notice = noticeFor(document, sections);
    const [html] = telegramNotice(notice);
    const parsed = checkTelegramHtml(html!);
    expect(parsed.ok).toBe(true);
    const [text, ...more] = zaloNotice(notice);
    expect(more).toEqual([]);
    expect(text!.length).toBeLessThanOrEqual(2000);
    expect(text).toContain('Văn bản mới: Kế hoạch số 45-KH/ĐUK');
    expect(text).toContain('"xem 45-KH/ĐUK"');
  });
});
