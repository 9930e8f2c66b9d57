/**
 * User commands: /start, /help, /vanban, /xem, /diemtin, /nam. Each one is a thin call into the Library or
 * the AnswerEngine followed by a renderer. (/decuong: outline.ts; /theodoi, /boqua, /moi: notices.ts.)
 */
import type { Bot, CommandContext } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { StoredDocument, StoredSection } from '../../core/types.ts';
import { conversationId, sendHtml, withTyping, type BotContext, type HandlerDeps } from './context.ts';
import { bold, code, italic, paragraph, toHtmlMessages } from './format.ts';
import { refusalText, withinRateLimit } from './questions.ts';
import { renderTalkingPoints, renderText } from './render.ts';
import { talkingPointsUsage } from '../../answer/talking-point-words.ts';
import { renderDocumentList, renderOutline, renderSection, renderYear } from './render-library.ts';

/** Commands everyone sees in Telegram's menu (registered with setMyCommands). */
export const USER_COMMANDS: BotCommand[] = [
  { command: 'start', description: 'Giới thiệu trợ lý văn bản' },
  { command: 'help', description: 'Hướng dẫn và câu hỏi mẫu' },
  { command: 'vanban', description: 'Danh sách văn bản trong kho' },
  { command: 'xem', description: 'Xem dàn ý hoặc một mục: /xem <văn bản> [mục]' },
  { command: 'diemtin', description: 'Dàn ý tuyên truyền theo chủ đề: /diemtin <chủ đề>' },
  { command: 'nam', description: 'Văn bản của một năm: /nam <năm>' },
  { command: 'decuong', description: 'Đề cương tuyên truyền (tệp Word): /decuong <chủ đề>' },
  { command: 'moi', description: 'Văn bản mới đăng trong 30 ngày qua' },
  { command: 'theodoi', description: 'Nhận thông báo khi có văn bản mới' },
  { command: 'boqua', description: 'Thôi nhận thông báo văn bản mới' },
  { command: 'donvi', description: 'Đơn vị của bạn: /donvi <tên đơn vị>; /donvi để bỏ' },
];

const EXAMPLES = [
  'Nội dung tuyên truyền trọng tâm năm 2023 là gì?',
  'noi dung trong tam nam 2023',
  'Quy định 85-QĐ/TW được nhắc ở đâu?',
  'Nội dung trọng tâm 2022 và 2023 khác gì?',
];

function helpMessages(): string[] {
  return toHtmlMessages([
    paragraph(bold('Trợ lý tra cứu văn bản của Đảng')),
    paragraph('Gửi câu hỏi bằng tin nhắn (có dấu hoặc không dấu). Câu trả lời trích nguyên văn và ghi rõ nguồn: văn bản, số hiệu, năm, mục.'),
    paragraph(bold('Câu hỏi mẫu:\n'), ...EXAMPLES.map((e, i) => code(`${e}${i < EXAMPLES.length - 1 ? '\n' : ''}`))),
    paragraph(
      bold('Lệnh:\n'),
      '/vanban – danh sách văn bản\n/xem <văn bản> [mục] – dàn ý hoặc toàn văn một mục, ví dụ /xem 12-KH/ĐU II.1\n',
      '/diemtin <chủ đề> – dàn ý tuyên truyền có trích dẫn\n/decuong <chủ đề> – đề cương tuyên truyền (tệp Word)\n',
      '/nam <năm> – văn bản của một năm\n/moi – văn bản mới đăng trong 30 ngày qua\n',
      '/theodoi – nhận thông báo khi có văn bản mới; /boqua – thôi nhận\n',
      '/donvi <tên đơn vị> – ưu tiên văn bản của đơn vị bạn và cấp trên; /donvi – bỏ',
    ),
    paragraph(italic('Trong nhóm: nhắc tên bot hoặc trả lời tin nhắn của bot để hỏi.')),
  ]);
}

/** A section label as users type it: `ii.1.` → `II.1`. Returns null when the word is not a label. */
export function sectionLabel(word: string): string | null {
  const cleaned = word.replace(/\.$/, '');
  if (!/^([IVXLC]+|\d+|[a-zđ])(\.(\d+|[a-zđ]))*$/i.test(cleaned)) return null;
  const [first = '', ...rest] = cleaned.split('.');
  // The first level of a label is a Roman part (upper case by contract); deeper letters stay as typed.
  const head = /^[ivxlc]+$/i.test(first) ? first.toUpperCase() : first;
  return [head, ...rest].join('.');
}

type Target = { doc: StoredDocument; section: StoredSection | null } | { doc: null; section: null };

/**
 * Resolves `/xem` arguments. `mục` separates document and section when present; otherwise the last word is
 * tried as a section label, falling back to the whole text as a document reference ("kế hoạch 12").
 */
async function resolveTarget(deps: HandlerDeps, args: string): Promise<Target> {
  const marker = args.match(/^(.*\S)\s+m[uụ]c\s+(\S+)$/i);
  const words = args.split(/\s+/);
  const candidates: Array<[string, string]> = [];
  if (marker?.[1] && marker[2]) candidates.push([marker[1], marker[2]]);
  if (words.length > 1) candidates.push([words.slice(0, -1).join(' '), words[words.length - 1] ?? '']);
  for (const [ref, word] of candidates) {
    const label = sectionLabel(word);
    if (label === null) continue;
    const doc = await deps.library.findDocument(ref);
    const section = doc ? await deps.library.section(doc.id, label) : null;
    if (doc && section) return { doc, section };
  }
  const doc = await deps.library.findDocument(args);
  return doc ? { doc, section: null } : { doc: null, section: null };
}

async function xem(deps: HandlerDeps, ctx: CommandContext<BotContext>): Promise<void> {
  const args = ctx.match.trim();
  if (!args) {
    await sendHtml(ctx, renderText('Cách dùng: /xem <số hiệu hoặc tên văn bản> [mục], ví dụ /xem 12-KH/ĐU hoặc /xem 12-KH/ĐU II.1. Gõ /vanban để xem danh sách.'));
    return;
  }
  const target = await resolveTarget(deps, args);
  if (!target.doc) {
    await sendHtml(ctx, renderText(`Không tìm thấy văn bản "${args}". Gõ /vanban để xem danh sách.`));
    return;
  }
  if (target.section) {
    await sendHtml(ctx, renderSection(target.doc, target.section));
    return;
  }
  await sendHtml(ctx, renderOutline(target.doc, await deps.library.outline(target.doc.id)));
}

async function diemtin(deps: HandlerDeps, ctx: CommandContext<BotContext>): Promise<void> {
  const topic = ctx.match.trim();
  if (!topic) {
    await sendHtml(ctx, renderText(talkingPointsUsage('/diemtin')));
    return;
  }
  if (!(await withinRateLimit(deps, ctx))) return;
  const result = await deps.askService.talkingPoints({
    text: topic,
    conversationId: conversationId(ctx),
    channel: 'telegram',
    userId: String(ctx.from?.id ?? ''),
    log: ctx.log,
    whileAnswering: (work) => withTyping(ctx, work),
  });
  await sendHtml(ctx, result.ok ? renderTalkingPoints(result.points) : renderText(refusalText(result)));
}

async function nam(deps: HandlerDeps, ctx: CommandContext<BotContext>): Promise<void> {
  const arg = ctx.match.trim().toLowerCase();
  const year = arg === 'nay' || arg === 'năm nay' ? deps.clock.now().getFullYear() : Number(arg);
  if (!Number.isInteger(year) || year < 1930 || year > 2100) {
    await sendHtml(ctx, renderText('Cách dùng: /nam <năm>, ví dụ /nam 2023 (hoặc /nam nay).'));
    return;
  }
  await sendHtml(ctx, renderYear(year, await deps.library.year(year)));
}

/** Registers the user commands on the bot. */
export function registerUserCommands(bot: Bot<BotContext>, deps: HandlerDeps): void {
  bot.command('start', (ctx) => sendHtml(ctx, helpMessages()));
  bot.command('help', (ctx) => sendHtml(ctx, helpMessages()));
  bot.command('vanban', async (ctx) => sendHtml(ctx, renderDocumentList(await deps.library.listDocuments())));
  bot.command('xem', (ctx) => xem(deps, ctx));
  bot.command('diemtin', (ctx) => diemtin(deps, ctx));
  bot.command('nam', (ctx) => nam(deps, ctx));
}
