/**
 * `/decuong` on the real engine and the bundled documents, with Telegram faked at grammY's seam: the bot sends a
 * .docx that mammoth opens, whose quotes all stand verbatim in the cited documents and whose bracketed
 * citations name sections that exist.
 */
import mammoth from 'mammoth';
import pino from 'pino';
import type { InputFile } from 'grammy';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/app/open-core.ts';
import { createAdminService } from '../../../src/admin/admin-service.ts';
import { createTelegramBot } from '../../../src/channels/telegram/bot.ts';
import { bracketCitation } from '../../../src/answer/talking-point-words.ts';
import { citationFor } from '../../../src/answer/compose.ts';
import type { StoredSection } from '../../../src/core/types.ts';
import { quoteKey } from '../../../src/text/normalize.ts';
import { fixedClock } from '../../fakes/clock.ts';
import { openSeededCore } from '../../fixtures/seeded-store.ts';
import { ADMIN_ID, BOT_INFO, installFakeTelegram, textUpdate, TOKEN } from './fake-telegram.ts';
import { checkTelegramHtml } from './telegram-html.ts';

let core: Core;
/** Every bracketed citation the outline could write, with its document's text and its section. */
const known = new Map<string, { text: string; section: StoredSection }>();

beforeAll(async () => {
  core = await openSeededCore({ clock: fixedClock('2023-06-15T08:00:00Z') });
  for (const doc of await core.store.listDocuments({ status: 'active' })) {
    const text = quoteKey((await core.store.documentText(doc.id)) ?? '');
    for (const section of await core.store.getSections(doc.id)) known.set(bracketCitation(citationFor(doc, section, '')), { text, section });
  }
});

afterAll(async () => {
  await core?.close();
});

function bot() {
  const telegram = createTelegramBot({
    token: TOKEN,
    botInfo: BOT_INFO,
    askService: core.askService,
    library: core.library,
    activity: core.activity,
    admin: createAdminService({ store: core.store, ingestor: core.ingestor, activity: core.activity, catalog: core.catalog }),
    logger: pino({ level: 'silent' }),
    clock: core.clock,
    config: { adminIds: [ADMIN_ID], rateLimitPerMinute: 100, maxUploadBytes: 1024 * 1024 },
  });
  return { telegram, fake: installFakeTelegram(telegram.bot) };
}

/** The bytes of the file a sendDocument call carried. */
async function sentFile(file: InputFile): Promise<Uint8Array> {
  const raw = await file.toRaw();
  if (raw instanceof Uint8Array) return raw;
  const parts: Uint8Array[] = [];
  for await (const part of raw as AsyncIterable<Uint8Array>) parts.push(part);
  return Buffer.concat(parts);
}

describe('/decuong', () => {
  it('"/decuong mạng xã hội" sends a Word file of verbatim quotes citing existing sections', async () => {
    const { telegram, fake } = bot();
    await telegram.bot.handleUpdate(textUpdate('/decuong mạng xã hội'));
    const call = fake.calls.find((c) => c.method === 'sendDocument');
    expect(call, 'a document was sent').toBeDefined();
    const file = call!.payload.document as InputFile;
    expect(file.filename).toBe('de-cuong-mang-xa-hoi.docx');
    expect(String(call!.payload.caption)).toContain('Đề cương tuyên truyền: mạng xã hội');

    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(await sentFile(file)) });
    const dom = parseDocument(html);
    const text = DomUtils.textContent(dom);
    expect(text).toContain('Đề cương tuyên truyền: mạng xã hội');
    expect(text).toContain('Ngày 15 tháng 6 năm 2023');
    const headings = DomUtils.findAll((e) => e.name === 'h1', dom.children).map((e) => DomUtils.textContent(e));
    expect(headings.length).toBeGreaterThanOrEqual(2);
    expect(headings.at(-1)).toBe('Nguồn trích dẫn');
    const items = DomUtils.findAll((e) => e.name === 'li', dom.children);
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.length).toBeLessThanOrEqual(10);
    for (const li of items) {
      const cited = DomUtils.findAll((e) => e.name === 'em', li.children).map((e) => DomUtils.textContent(e)).join('').trim();
      const quote = DomUtils.textContent(li).replace(cited, '').trim();
      const brackets = cited.replace(/^\[|\]$/g, '').split(/\]\s*\[/).map((b) => `[${b}]`);
      for (const b of brackets) expect(known.has(b), `names an existing section: ${b}`).toBe(true);
      const first = known.get(brackets[0]!)!;
      expect(first.text, `verbatim in the document: ${quote.slice(0, 80)}`).toContain(quoteKey(quote));
      expect(quoteKey(first.section.fullText), `in the cited section ${first.section.label}`).toContain(quoteKey(quote));
    }
  });

  it('explains itself without a topic, and says so when the documents have nothing on it', async () => {
    const { telegram, fake } = bot();
    await telegram.bot.handleUpdate(textUpdate('/decuong'));
    await telegram.bot.handleUpdate(textUpdate('/decuong giá vàng SJC'));
    const shown = fake.texts().map((t) => {
      const parsed = checkTelegramHtml(t);
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.text;
    });
    expect(shown[0]).toContain('gõ /decuong và chủ đề');
    expect(shown.at(-1)).toContain('Chưa tìm thấy nội dung về chủ đề này');
    expect(fake.methods()).not.toContain('sendDocument');
  });
});
