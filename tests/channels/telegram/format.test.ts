import { describe, expect, it } from 'vitest';
import { bold, paragraph, quote, toHtmlMessages } from '../../../src/channels/telegram/format.ts';
import { citationBlock, renderAnswer } from '../../../src/channels/telegram/render.ts';
import { createShortKeyStore, type CallbackAction, createCallbackCodec } from '../../../src/channels/telegram/callback-data.ts';
import { fakeAnswer, fakeCitation } from '../../fakes/fake-services.ts';
import { checkTelegramHtml } from './telegram-html.ts';

describe('the Telegram HTML checker used by the fake', () => {
  it('accepts Telegram markup and counts text after entity parsing', () => {
    expect(checkTelegramHtml('<b>a &amp; b</b> <blockquote expandable>x &lt;y&gt; &#272;</blockquote> <a href="https://x">l</a>')).toEqual({
      ok: true,
      text: 'a & b x <y> Đ l',
    });
  });

  it.each([
    ['a < b', 'unescaped "<"'],
    ['a & b', 'unescaped "&"'],
    ['a > b', 'unescaped ">"'],
    ['<div>x</div>', 'not supported'],
    ['<b><i>x</b></i>', 'closes'],
    ['<b>x', 'unclosed'],
    ['<blockquote><blockquote>x</blockquote></blockquote>', 'nested blockquote'],
    ['<code><b>x</b></code>', 'inside <code>'],
    ['<b class="x">y</b>', 'not allowed'],
  ])('rejects %s', (html, error) => {
    const result = checkTelegramHtml(html);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(error);
  });
});

describe('toHtmlMessages', () => {
  it('splits raw text before escaping, so no piece ends inside an entity or a tag', () => {
    const text = Array(3000).fill('&<>').join(' ');
    const messages = toHtmlMessages([quote(text)], 4096);
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) {
      const parsed = checkTelegramHtml(m);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(parsed.text.length).toBeLessThanOrEqual(4096);
    }
  });

  it('moves a quote with its citation rather than leaving the citation alone', () => {
    const c = fakeCitation();
    const filler = paragraph('x'.repeat(3900));
    const messages = toHtmlMessages([filler, quote('y'.repeat(150)), citationBlock(c)], 4096);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatch(/^<blockquote>y+<\/blockquote>\n\n📄 <b>/);
  });

  it('wraps styles in Telegram tags only', () => {
    expect(toHtmlMessages([paragraph('a ', bold('<b>'))])).toEqual(['a <b>&lt;b&gt;</b>']);
  });

  it('renders an answer as intro, blockquote and a citation line', () => {
    const [html] = renderAnswer(fakeAnswer());
    expect(html).toBe(
      'Theo Kế hoạch năm 2023 của Ban Thường vụ Huyện ủy:\n\n' +
        '<blockquote>- Những kết quả bước đầu &lt;tạo&gt; chuyển biến &amp; mạnh mẽ.</blockquote>\n\n' +
        '📄 <b>Kế hoạch "thông tin, tuyên truyền về công tác xây dựng Đảng, xây dựng hệ thống chính trị năm 2023"</b>' +
        ' – năm 2023 – Ban Thường vụ Huyện ủy – mục II.1 "Nội dung tuyên truyền trọng tâm"',
    );
  });
});

describe('callback data', () => {
  it('round-trips short codes and falls back to a remembered key past 64 bytes', async () => {
    const codec = createCallbackCodec();
    const short = { kind: 'section', documentId: 'doc-1', label: '' } as const;
    expect(codec.encode(1, short)).toBe('s:doc-1:');
    expect(await codec.decode(1, 's:doc-1:')).toEqual(short);
    const long = { kind: 'section', documentId: 'x'.repeat(60), label: 'II.1' } as const;
    const data = codec.encode(1, long);
    expect(data).toMatch(/^k:/);
    expect(await codec.decode(1, data)).toEqual(long);
    expect(await codec.decode(2, data)).toBeUndefined(); // keys are per chat
  });

  it('shares remembered keys between replicas through the chat memory', async () => {
    const saved = new Map<string, unknown>();
    const memory = {
      get: async (id: string) => saved.get(id) ?? null,
      put: async (id: string, state: unknown) => void saved.set(id, state),
    };
    const replica = () => createCallbackCodec(createShortKeyStore<CallbackAction>(10, { memory, namespace: 'tg:button', onError: () => {} }));
    const a = replica();
    const b = replica();
    const long = { kind: 'section', documentId: 'y'.repeat(60), label: 'IV.5' } as const;
    const data = a.encode(7, long);
    await Promise.resolve();
    expect(await b.decode(7, data)).toEqual(long);
    expect(await b.decode(8, data)).toBeUndefined();
    expect(a.encode(7, long)).not.toBe(data); // random keys: two replicas never hand out the same one
  });
});
