/**
 * Admin side of the bot: document uploads (checked, downloaded, parsed into a draft, reviewed) and the
 * commands /tailen, /xoa, /phienban, /thongke, /lienket. Only users in `config.adminIds` get past `requireAdmin`;
 * everyone else gets a polite refusal and nothing is downloaded. The Admin service records the audit log.
 */
import type { Bot, CommandContext, Filter } from 'grammy';
import type { BotCommand } from 'grammy/types';
import { documentLine } from '../citation-label.ts';
import { actorOf, isAdmin, sendHtml, withTyping, type BotContext, type HandlerDeps } from './context.ts';
import { BOT_API_DOWNLOAD_LIMIT, downloadFile, fileUrl } from './download.ts';
import { retireKeyboard, reviewKeyboard } from './keyboards.ts';
import { renderText } from './render.ts';
import { renderDraftReview, renderHistory, renderStats } from './render-admin.ts';
import { RELINK_COMMAND, relinkCommand } from './admin-force.ts';

/** Extra commands shown in admins' private chats. */
export const ADMIN_COMMANDS: BotCommand[] = [
  { command: 'tailen', description: 'Cách tải văn bản mới lên' },
  { command: 'xoa', description: 'Gỡ văn bản: /xoa <văn bản>' },
  { command: 'phienban', description: 'Các phiên bản: /phienban <văn bản>' },
  { command: 'thongke', description: 'Thống kê câu hỏi và góp ý' },
  RELINK_COMMAND,
];

/** File types the ingestion pipeline reads. */
export const UPLOAD_EXTENSIONS = ['txt', 'md', 'docx', 'pdf', 'html', 'htm'];

/** Told to non-admins who try an admin action. */
export const ADMIN_ONLY = 'Xin lỗi, chức năng này chỉ dành cho quản trị viên.';

/** Told to non-admins who send a file. */
export const UPLOAD_REFUSED = 'Xin lỗi, chỉ quản trị viên mới gửi được văn bản. Bạn có thể đặt câu hỏi bằng tin nhắn.';

const UPLOAD_HELP = [
  'Tải văn bản mới: gửi tệp (.txt, .md, .docx, .pdf, .html) vào cuộc trò chuyện này dưới dạng tệp đính kèm.',
  'Hệ thống đọc loại, số hiệu, tiêu đề, cơ quan ban hành, năm và dàn ý, rồi gửi lại để bạn kiểm tra.',
  'Bấm "Đăng" để người dùng tra cứu được ngay, hoặc "Huỷ" để bỏ bản nháp. Văn bản cùng số hiệu sẽ thay thế bản cũ.',
  'Gỡ văn bản: /xoa <văn bản>. Xem phiên bản: /phienban <văn bản>. Thống kê: /thongke.',
].join('\n');

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Middleware for `message:document`. Groups are ignored so a shared file never triggers a reply. */
export function createUploadHandler(deps: HandlerDeps) {
  const maxBytes = Math.min(deps.config.maxUploadBytes, BOT_API_DOWNLOAD_LIMIT);
  return async (ctx: Filter<BotContext, 'message:document'>): Promise<void> => {
    if (ctx.chat.type !== 'private') return;
    if (!isAdmin(deps, ctx)) {
      ctx.log.info('upload refused: not an admin');
      await sendHtml(ctx, renderText(UPLOAD_REFUSED));
      return;
    }
    const doc = ctx.message.document;
    const name = doc.file_name ?? `${doc.file_unique_id}.txt`;
    const extension = name.split('.').pop()?.toLowerCase() ?? '';
    if (!UPLOAD_EXTENSIONS.includes(extension)) {
      await sendHtml(ctx, renderText(`Chưa đọc được tệp "${name}". Chỉ nhận ${UPLOAD_EXTENSIONS.map((e) => `.${e}`).join(', ')}.`));
      return;
    }
    if (doc.file_size !== undefined && doc.file_size > maxBytes) {
      await sendHtml(ctx, renderText(`Tệp "${name}" quá lớn (${megabytes(doc.file_size)}; tối đa ${megabytes(maxBytes)}).`));
      return;
    }
    await withTyping(ctx, () => receiveUpload(deps, ctx, name, maxBytes));
  };
}

async function receiveUpload(deps: HandlerDeps, ctx: Filter<BotContext, 'message:document'>, name: string, maxBytes: number): Promise<void> {
  const file = await ctx.getFile();
  if (!file.file_path) throw new Error('getFile returned no file_path');
  const bytes = await downloadFile(fileUrl(deps.apiRoot, deps.token, file.file_path), maxBytes);
  ctx.log.info({ file: name, bytes: bytes.byteLength }, 'upload received');
  const result = await deps.admin.upload({ name, bytes }, actorOf(ctx));
  if ('refused' in result) {
    await sendHtml(ctx, renderText(`Không nhận tệp "${name}": ${result.reason}`));
    return;
  }
  // Publish / cancel only for a draft: the same file again may have given back a document already published.
  const keyboard = result.document.status === 'draft' ? reviewKeyboard(deps.callbacks, ctx.chat.id, result.document.id) : undefined;
  await sendHtml(ctx, renderDraftReview(result, name), keyboard);
}

/** Runs an admin command for admins; refuses everyone else politely. */
function requireAdmin(deps: HandlerDeps, handler: (ctx: CommandContext<BotContext>) => Promise<void>) {
  return async (ctx: CommandContext<BotContext>): Promise<void> => {
    if (!isAdmin(deps, ctx)) {
      await sendHtml(ctx, renderText(ADMIN_ONLY));
      return;
    }
    await handler(ctx);
  };
}

/** Resolves the command's argument to a document, replying when it is missing or unknown. */
async function documentArgument(deps: HandlerDeps, ctx: CommandContext<BotContext>, usage: string) {
  const ref = ctx.match.trim();
  if (!ref) {
    await sendHtml(ctx, renderText(usage));
    return null;
  }
  const doc = await deps.library.findDocument(ref);
  if (!doc) await sendHtml(ctx, renderText(`Không tìm thấy văn bản "${ref}". Gõ /vanban để xem danh sách.`));
  return doc;
}

/** Registers the admin commands. /xoa asks for confirmation because documents are resolved loosely. */
export function registerAdminCommands(bot: Bot<BotContext>, deps: HandlerDeps): void {
  bot.command('tailen', requireAdmin(deps, (ctx) => sendHtml(ctx, renderText(UPLOAD_HELP))));
  bot.command(
    'xoa',
    requireAdmin(deps, async (ctx) => {
      const doc = await documentArgument(deps, ctx, 'Cách dùng: /xoa <số hiệu hoặc tên văn bản>');
      if (!doc) return;
      const text = `Gỡ văn bản này khỏi kho? Người dùng sẽ không còn nhận trích dẫn từ văn bản này.\n${documentLine(doc)}`;
      await sendHtml(ctx, renderText(text), retireKeyboard(deps.callbacks, ctx.chat.id, doc.id));
    }),
  );
  bot.command(
    'phienban',
    requireAdmin(deps, async (ctx) => {
      const doc = await documentArgument(deps, ctx, 'Cách dùng: /phienban <số hiệu hoặc tên văn bản>');
      if (doc) await sendHtml(ctx, renderHistory(doc, await deps.admin.history(doc.id)));
    }),
  );
  bot.command('thongke', requireAdmin(deps, async (ctx) => sendHtml(ctx, renderStats(await deps.admin.stats()))));
  bot.command('lienket', requireAdmin(deps, (ctx) => relinkCommand(deps, ctx)));
}
