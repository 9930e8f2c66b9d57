import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_ID } from './fake-admin.ts';
import { ADMIN_ID, buttons, callbackUpdate, documentUpdate, textUpdate, TOKEN, USER_ID } from './fake-telegram.ts';
import { createHarness } from './harness.ts';
import { checkTelegramHtml } from './telegram-html.ts';

const FILE_PATH = 'documents/file_7.txt';
const FILE_TEXT = 'KẾ HOẠCH\nSố: 12-KH/ĐU\nvề tuyên truyền năm 2023';

// The Bot API's file endpoint, served on 127.0.0.1: the bot downloads from `<apiRoot>/file/bot<token>/<path>`.
let server: Server;
let apiRoot = '';
const downloads: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    downloads.push(req.url ?? '');
    if (req.url === `/file/bot${TOKEN}/${FILE_PATH}`) res.end(FILE_TEXT);
    else if (req.url === `/file/bot${TOKEN}/documents/empty.txt`) res.end('');
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function shown(h: ReturnType<typeof createHarness>): string {
  return h.fake
    .texts()
    .map((t) => {
      const parsed = checkTelegramHtml(t);
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.text;
    })
    .join('\n\n');
}

describe('admin uploads', () => {
  it('downloads, shows the draft review, and publishes on Đăng', async () => {
    const h = createHarness({ apiRoot, file: { path: FILE_PATH, size: FILE_TEXT.length } });
    downloads.length = 0;
    await h.send(documentUpdate({ name: 'ke-hoach-12.txt', size: 100 }));

    expect(h.fake.methods()).toEqual(['sendChatAction', 'getFile', 'sendMessage']);
    expect(downloads).toEqual([`/file/bot${TOKEN}/${FILE_PATH}`]);
    expect(h.admin.calls[0]).toMatchObject({ method: 'upload', file: { name: 'ke-hoach-12.txt', text: FILE_TEXT }, actor: { channel: 'telegram', userId: String(ADMIN_ID) } });
    const review = shown(h);
    for (const expected of ['Bản nháp — chưa đăng', 'Loại: Kế hoạch', 'Số: 12-KH/ĐU', 'tuyên truyền <kỷ niệm> & học tập năm 2023', 'Ban Thường vụ Huyện ủy', '2023 (theo tiêu đề)', 'Thay thế: Kế hoạch', 'II.1 Nội dung tuyên truyền trọng tâm', 'Không tìm thấy ngày ban hành', 'Năm lấy từ tiêu đề']) {
      expect(review).toContain(expected);
    }
    const reply = h.fake.sent().at(-1)!;
    expect(buttons(reply).map((b) => b.text)).toEqual(['✅ Đăng', '✖️ Huỷ']);
    for (const b of buttons(reply)) expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);

    h.fake.reset();
    await h.send(callbackUpdate(buttons(reply)[0]!.data, reply, ADMIN_ID));
    expect(h.admin.calls.at(-1)).toMatchObject({ method: 'publish', documentId: DRAFT_ID });
    expect(h.fake.methods()).toEqual(['editMessageReplyMarkup', 'answerCallbackQuery', 'sendMessage']);
    expect(shown(h)).toContain('Đã đăng: Kế hoạch số 12-KH/ĐU');
    expect(h.fake.violations).toEqual([]);
  });

  it('cancels a draft on Huỷ', async () => {
    const h = createHarness({ apiRoot, file: { path: FILE_PATH, size: 10 } });
    await h.send(documentUpdate({ name: 'ke-hoach-12.docx', size: 100 }));
    const reply = h.fake.sent().at(-1)!;
    await h.send(callbackUpdate(buttons(reply)[1]!.data, reply, ADMIN_ID));
    expect(h.admin.calls.at(-1)).toMatchObject({ method: 'cancel', documentId: DRAFT_ID });
  });

  it('refuses a file from a non-admin without downloading it', async () => {
    const h = createHarness({ apiRoot, file: { path: FILE_PATH, size: 10 } });
    downloads.length = 0;
    await h.send(documentUpdate({ name: 'ke-hoach.txt', size: 100 }, USER_ID));
    expect(h.fake.methods()).toEqual(['sendMessage']);
    expect(shown(h)).toContain('chỉ quản trị viên mới gửi được văn bản');
    expect(downloads).toEqual([]);
    expect(h.admin.calls).toEqual([]);
  });

  it('refuses an oversize file before getFile', async () => {
    const h = createHarness({ apiRoot, config: { maxUploadBytes: 1000 } });
    await h.send(documentUpdate({ name: 'lon.pdf', size: 5000 }));
    expect(h.fake.methods()).toEqual(['sendMessage']);
    expect(shown(h)).toContain('quá lớn');
  });

  it('refuses an unsupported file type before getFile', async () => {
    const h = createHarness({ apiRoot });
    await h.send(documentUpdate({ name: 'anh.jpg', size: 100 }));
    expect(h.fake.methods()).toEqual(['sendMessage']);
    expect(shown(h)).toContain('Chỉ nhận .txt');
  });

  it('shows the reason when the admin service refuses the file', async () => {
    const h = createHarness({ apiRoot, file: { path: 'documents/empty.txt', size: 0 } });
    await h.send(documentUpdate({ name: 'rong.txt', size: 0 }));
    expect(shown(h)).toBe('Không nhận tệp "rong.txt": tệp rỗng');
    expect(h.fake.sent()[0]?.reply_markup).toBeUndefined();
  });

  it('apologizes and logs (without the token) when the download fails', async () => {
    const h = createHarness({ apiRoot, file: { path: 'documents/missing.txt', size: 10 } });
    await h.send(documentUpdate({ name: 'mat.txt', size: 10 }));
    // The local server answers 404 for unknown paths: the download fails and the admin gets the apology.
    expect(shown(h)).toBe('Xin lỗi, hệ thống đang bận, vui lòng thử lại sau.');
    expect(h.logs.join('\n')).toContain('file download failed: HTTP 404');
    expect(h.logs.join('\n')).not.toContain('TEST-token');
  });

  it('ignores files shared in groups', async () => {
    const h = createHarness({ apiRoot });
    await h.send(documentUpdate({ name: 'ke-hoach.txt', size: 100 }, USER_ID, { id: -5, type: 'group', title: 'Chi bộ' }));
    expect(h.fake.calls).toEqual([]);
  });
});

describe('admin commands', () => {
  it('/tailen explains uploads', async () => {
    const h = createHarness();
    await h.send(textUpdate('/tailen', { from: ADMIN_ID }));
    expect(shown(h)).toContain('gửi tệp (.txt, .md, .docx, .pdf, .html)');
  });

  it('/xoa asks for confirmation, then retires', async () => {
    const h = createHarness();
    await h.send(textUpdate('/xoa kế hoạch 2023', { from: ADMIN_ID }));
    expect(shown(h)).toContain('Gỡ văn bản này khỏi kho?');
    expect(h.admin.calls).toEqual([]);
    const reply = h.fake.sent().at(-1)!;
    await h.send(callbackUpdate(buttons(reply)[0]!.data, reply, ADMIN_ID));
    expect(h.admin.calls).toMatchObject([{ method: 'retire', documentId: 'doc-1', actor: { userId: String(ADMIN_ID) } }]);
    expect(shown(h)).toContain('Đã gỡ văn bản');
  });

  it('/phienban lists versions', async () => {
    const h = createHarness();
    await h.send(textUpdate('/phienban kế hoạch 2023', { from: ADMIN_ID }));
    const text = shown(h);
    expect(text).toContain('v2 – đang hiệu lực');
    expect(text).toContain('v1 – đã thay thế – 2025-06-01');
  });

  it('/thongke shows questions, refusals, feedback and top unanswered', async () => {
    const h = createHarness();
    await h.send(textUpdate('/thongke', { from: ADMIN_ID }));
    const text = shown(h);
    expect(text).toContain('Câu hỏi: 120 (telegram: 80, zalo: 40)');
    expect(text).toContain('Từ chối / không tìm thấy: 14');
    expect(text).toContain('👍 30 · 👎 5 (wrong_source: 3, off_topic: 2)');
    expect(text).toContain('1. giá vàng hôm nay <bao nhiêu>? (6)');
    expect(h.fake.violations).toEqual([]);
  });

  it('refuses admin commands to non-admins', async () => {
    const h = createHarness();
    for (const command of ['/tailen', '/xoa 12-KH/ĐU', '/phienban 12-KH/ĐU', '/thongke']) {
      await h.send(textUpdate(command, { from: USER_ID }));
    }
    expect(h.admin.calls).toEqual([]);
    expect(h.fake.texts()).toHaveLength(4);
    expect(shown(h)).toContain('chỉ dành cho quản trị viên');
  });
});
