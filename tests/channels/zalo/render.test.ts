import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/channels/zalo/commands.ts';
import { plainText, renderAnswer, renderTalkingPoints, renderTalkOutline } from '../../../src/channels/zalo/render.ts';
import { renderOutline, renderStats } from '../../../src/channels/zalo/render-library.ts';
import { FAKE_DOC, FAKE_SECTIONS, fakeAnswer, fakeCitation, fakeRefusal } from '../../fakes/fake-services.ts';

describe('Zalo rendering', () => {
  it('renders plain text: no HTML tags, entities or markdown markers; literal < and & stay', () => {
    expect(plainText('<b>Đảng</b> &amp; **Nhà nước** <i>và</i> `x`\n## Mục')).toBe('Đảng & Nhà nước và x\nMục');
    expect(plainText('chuyển biến <tạo> & mạnh')).toBe('chuyển biến <tạo> & mạnh');
  });

  it('numbers several citations and lists them in the footer', () => {
    const answer = fakeAnswer({ citations: [fakeCitation(), fakeCitation({ section: 'III', heading: 'TỔ CHỨC THỰC HIỆN', number: '12-KH/ĐU' })] });
    const [message] = renderAnswer(answer);
    expect(message).toContain('📄 [1] Kế hoạch "thông tin');
    expect(message).toContain('📄 [2] Kế hoạch số 12-KH/ĐU');
    expect(message).toContain('Gõ để xem toàn văn: "xem 1" – mục II.1, "xem 2" – mục III.');
  });

  it('keeps each piece ≤ 2000 characters even for one huge paragraph, and never cuts the citation line', () => {
    const quote = Array(400).fill('Nội dung tuyên truyền trọng tâm của năm.').join(' ');
    const messages = renderAnswer(fakeAnswer({ citations: [fakeCitation({ quote })] }));
    expect(messages.length).toBeGreaterThan(5);
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(2000);
    const cited = messages.filter((m) => m.includes('📄'));
    expect(cited).toHaveLength(1);
    expect(cited[0]).toMatch(/📄 Kế hoạch .* – mục II\.1 "Nội dung tuyên truyền trọng tâm"/);
  });

  it('renders refusals and absent years plainly with a way on, without a feedback footer', () => {
    const [refused] = renderAnswer(fakeRefusal());
    expect(refused).toBe('Nội dung này không có trong văn bản.\n\nGõ "văn bản" để xem các văn bản đang có, hoặc "help" để xem hướng dẫn.');
    const absent = renderAnswer(
      fakeAnswer({ outcome: 'absent_year', citations: [], text: 'Chưa có văn bản năm 2025 trong kho.', notice: 'Có: 2021, 2022, 2023.' }),
    );
    expect(absent[0]).toContain('Chưa có văn bản năm 2025 trong kho.\n\nCó: 2021, 2022, 2023.');
  });

  it('renders talking points as a numbered list with citations numbered for "xem n"', () => {
    const points = [
      { title: '**Bảo vệ** nền tảng', citations: [fakeCitation(), fakeCitation({ section: 'II.2', documentId: 'doc-2', year: 2022 })] },
      { title: 'Phát huy vai trò', citations: [fakeCitation({ section: 'IV.4' })] },
    ];
    const [message] = renderTalkingPoints({
      topic: 'phản bác quan điểm sai trái',
      refused: false,
      notice: null,
      points,
      groups: [{ documentId: 'doc-1', year: 2023, points }],
      documentCount: 2,
    });
    expect(message).toContain('2 ý, trích nguyên văn từ 2 văn bản');
    expect(message).toContain('📄 Kế hoạch');
    expect(message).toContain('1. Bảo vệ nền tảng\n   [1] mục II.1');
    expect(message).toContain('   [2] cũng trong Kế hoạch');
    expect(message).toContain('2. Phát huy vai trò\n   [3] mục IV.4');
    expect(message).toContain('"xem 3" – mục IV.4');
    expect(message).not.toContain('đúng');
    const refused = renderTalkingPoints({ topic: 'giá vàng', refused: true, notice: null, points: [], groups: [], documentCount: 0 });
    expect(refused[0]).toContain('Chưa tìm thấy nội dung về "giá vàng"');
  });

  it('renders the đề cương as text, with its sources, and says the Word file is on Telegram', () => {
    const points = [{ title: 'Bảo vệ nền tảng', citations: [fakeCitation(), fakeCitation({ documentId: 'doc-2', section: 'II.2', number: '12-KH/ĐU', year: 2021, issuer: 'Đảng ủy Khu kinh tế' })] }];
    const messages = renderTalkOutline({ topic: 'mạng xã hội', refused: false, notice: null, points, groups: [{ documentId: 'doc-1', year: 2023, points }], documentCount: 2 });
    const text = messages.join('\n\n');
    expect(text).toContain('Đề cương tuyên truyền: mạng xã hội');
    expect(text).toContain('Nguồn trích dẫn:\n1. Kế hoạch "thông tin, tuyên truyền');
    expect(text).toContain('2. Kế hoạch số 12-KH/ĐU');
    expect(text).toContain('Bản Word của đề cương này có trên Telegram: gửi "/decuong mạng xã hội"');
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(2000);
  });

  it('renders outlines and stats compactly', () => {
    const [outline] = renderOutline(FAKE_DOC, FAKE_SECTIONS);
    expect(outline).toContain('II. NỘI DUNG TUYÊN TRUYỀN\n  II.1. Nội dung tuyên truyền trọng tâm');
    expect(outline).toContain('Gõ "xem II.1" (hoặc số mục khác)');
    const [stats] = renderStats({
      questions: 10,
      refusals: 3,
      byChannel: { zalo: 6, telegram: 4 },
      feedback: { up: 2, down: 1, reasons: {} },
      unanswered: [{ question: 'giá vàng hôm nay', count: 2 }],
      daily: [],
    });
    expect(stats).toContain('Câu hỏi: 10 (không trả lời được: 3, 30%)');
    expect(stats).toContain('1. giá vàng hôm nay (2)');
  });
});

describe('Zalo typed commands', () => {
  it.each([
    ['help', { kind: 'help' }],
    ['/help', { kind: 'help' }],
    ['Hướng dẫn', { kind: 'help' }],
    ['văn bản', { kind: 'documents' }],
    ['Van Ban', { kind: 'documents' }],
    ['xem 2', { kind: 'open-item', index: 2 }],
    ['xem 12-KH/ĐU', { kind: 'open', ref: '12-KH/ĐU', section: null }],
    ['xem 12-KH/ĐU II.1', { kind: 'open', ref: '12-KH/ĐU', section: 'II.1' }],
    ['xem kế hoạch 12 mục ii.1.', { kind: 'open', ref: 'kế hoạch 12', section: 'II.1' }],
    ['xem II.1', { kind: 'open', ref: '', section: 'II.1' }],
    ['điểm tin đấu tranh phản bác', { kind: 'talking-points', topic: 'đấu tranh phản bác' }],
    ['diem tin xay dung dang', { kind: 'talking-points', topic: 'xay dung dang' }],
    ['điểm tin', { kind: 'talking-points', topic: '' }],
    ['đề cương mạng xã hội', { kind: 'outline', topic: 'mạng xã hội' }],
    ['de cuong', { kind: 'outline', topic: '' }],
    ['theo dõi', { kind: 'subscribe' }],
    ['Theo doi', { kind: 'subscribe' }],
    ['bỏ theo dõi', { kind: 'unsubscribe' }],
    ['văn bản mới', { kind: 'new-documents' }],
    ['/moi', { kind: 'new-documents' }],
    ['năm 2023', { kind: 'year', year: 2023 }],
    ['nam 2022', { kind: 'year', year: 2022 }],
    ['Đúng!', { kind: 'feedback', helpful: true }],
    ['sai', { kind: 'feedback', helpful: false }],
    ['thong ke', { kind: 'stats' }],
    ['xoá 12-KH/ĐU', { kind: 'retire', ref: '12-KH/ĐU' }],
    ['xoa 12-KH/ĐU', { kind: 'retire', ref: '12-KH/ĐU' }],
    ['xác nhận xoá', { kind: 'confirm-retire' }],
    ['đơn vị Đảng ủy xã Tân Lập', { kind: 'unit', name: 'Đảng ủy xã Tân Lập' }],
    ['don vi huyen uy cho moi', { kind: 'unit', name: 'huyen uy cho moi' }],
    ['/donvi TU Bắc Kạn', { kind: 'unit', name: 'TU Bắc Kạn' }],
    ['đơn vị', { kind: 'unit', name: '' }],
  ])('%s', (input, expected) => {
    expect(parseCommand(input)).toEqual(expected);
  });

  it.each([
    'xem xét kỷ luật đảng viên thế nào',
    'năm 2023 có gì mới?',
    'xoá đói giảm nghèo là gì?',
    'sai phạm bị xử lý ra sao',
    'nam nay',
    'đơn vị nào được giao tổ chức thực hiện',
    'don vi thuc hien la ai',
  ])(
    'treats "%s" as a question',
    (input) => {
      expect(parseCommand(input)).toEqual({ kind: 'question', text: input });
    },
  );
});
