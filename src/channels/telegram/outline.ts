/**
 * `/decuong <chủ đề>`: the talking points on a topic as a Word file (đề cương tuyên truyền) a báo cáo viên can
 * print. The points come from the ask service like `/diemtin`; the file is built by src/outline.
 */
import { InputFile, type Bot, type CommandContext } from 'grammy';
import { outlineUsage, pointsSummary } from '../../answer/talking-point-words.ts';
import { buildOutlineDocx } from '../../outline/outline-docx.ts';
import { conversationId, sendHtml, withTyping, type BotContext, type HandlerDeps } from './context.ts';
import { refusalText, withinRateLimit } from './questions.ts';
import { renderTalkingPoints, renderText } from './render.ts';

/** Telegram's limit for a caption. */
const MAX_CAPTION = 1024;

async function decuong(deps: HandlerDeps, ctx: CommandContext<BotContext>): Promise<void> {
  const topic = ctx.match.trim();
  if (!topic) {
    await sendHtml(ctx, renderText(outlineUsage('/decuong')));
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
  if (!result.ok) return sendHtml(ctx, renderText(refusalText(result)));
  if (result.points.refused || result.points.points.length === 0) return sendHtml(ctx, renderTalkingPoints(result.points));
  const file = await buildOutlineDocx(result.points, deps.clock.now());
  const caption = `Đề cương tuyên truyền: ${result.points.topic}\n${pointsSummary(result.points)}`;
  await ctx.replyWithDocument(new InputFile(file.bytes, file.name), { caption: caption.slice(0, MAX_CAPTION) });
  ctx.log.info({ file: file.name, bytes: file.bytes.byteLength, points: result.points.points.length }, 'outline sent');
}

/** Registers `/decuong`. */
export function registerOutlineCommand(bot: Bot<BotContext>, deps: HandlerDeps): void {
  bot.command('decuong', (ctx) => decuong(deps, ctx));
}
