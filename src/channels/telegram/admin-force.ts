/**
 * The admin's correction of a wrong link of force from Telegram: `/lienket <văn bản> <n> <văn bản đúng | bỏ |
 * tự động>` sets what statement n of a document (a draft by the id its review shows, or a published document by
 * number) really names. The Admin service checks and audits it; the reply shows the chain as it is now.
 */
import type { CommandContext } from 'grammy';
import type { ForceReview } from '../../core/services.ts';
import { documentLine, forceChainLines, forceStatusLine } from '../citation-label.ts';
import { foldedView } from '../../text/normalize.ts';
import { actorOf, sendHtml, type BotContext, type HandlerDeps } from './context.ts';
import { bold, code, paragraph, plain, toHtmlMessages, type Block } from './format.ts';
import { renderText } from './render.ts';

/** The command, as the menu and the review show it. */
export const RELINK_COMMAND = { command: 'lienket', description: 'Sửa liên kết hiệu lực: /lienket <văn bản> <số thứ tự> <văn bản đúng | bỏ>' };

const USAGE =
  'Cách dùng: /lienket <văn bản> <số thứ tự> <văn bản đúng | bỏ | tự động>, ví dụ /lienket 12-QĐ/TU 1 05-QĐ/TU. ' +
  'Bản nháp: dùng mã văn bản trong tin nhắn kiểm tra.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The statements of force of a review, numbered for `/lienket`, and the chain they make. */
export function forceBlocks(review: ForceReview | undefined, documentId: string, draft: boolean): Block[] {
  if (!review) return [];
  const numbered = review.statements.map((s, i) => {
    const link = s.linked ? `trong kho: ${documentLine(s.linked)}` : 'không có trong kho';
    return `${i + 1}. ${s.text}\n   → ${link}${s.linkSource === 'admin' ? ' (quản trị viên đặt)' : ''}`;
  });
  // A draft is not in force yet: what publishing it will do is the news, unless a stored document already replaced it.
  const status = draft && review.force.state === 'in_force' ? [] : [forceStatusLine(review.force)];
  const lines = [...status, ...forceChainLines(review.force, { draft })];
  const blocks: Block[] = lines.length > 0 ? [paragraph(bold('Hiệu lực:\n'), plain(lines.join('\n')))] : [];
  if (numbered.length > 0) {
    blocks.push(paragraph(bold('Nhận định về văn bản khác:\n'), plain(numbered.join('\n'))));
    blocks.push(paragraph(plain('Sửa liên kết sai: '), code(`/lienket ${documentId} 1 bỏ`), plain(' hoặc thay "bỏ" bằng số hiệu văn bản đúng.')));
  }
  return blocks;
}

/** `bỏ` → none, `tự động` → by number again, anything else → the document it names. */
async function targetOf(deps: HandlerDeps, words: string): Promise<string | null | 'auto' | undefined> {
  const folded = foldedView(words.trim());
  if (['bo', 'khong', 'none', 'xoa'].includes(folded)) return null;
  if (['tu dong', 'auto'].includes(folded)) return 'auto';
  return (await deps.library.findDocument(words))?.id;
}

/** `/lienket` for admins (the caller checks the admin). */
export async function relinkCommand(deps: HandlerDeps, ctx: CommandContext<BotContext>): Promise<void> {
  const [ref = '', index = '', ...rest] = ctx.match.trim().split(/\s+/);
  const n = Number(index);
  if (!ref || !Number.isInteger(n) || n < 1 || rest.length === 0) return sendHtml(ctx, renderText(USAGE));
  const documentId = UUID.test(ref) ? ref : (await deps.library.findDocument(ref))?.id;
  const review = documentId ? await deps.admin.force(documentId).catch(() => null) : null;
  if (!documentId || !review) return sendHtml(ctx, renderText(`Không tìm thấy văn bản "${ref}".`));
  const statement = review.statements[n - 1];
  if (!statement) return sendHtml(ctx, renderText(`Văn bản không có nhận định số ${n} (có ${review.statements.length}).`));
  const target = await targetOf(deps, rest.join(' '));
  if (target === undefined) return sendHtml(ctx, renderText(`Không tìm thấy văn bản "${rest.join(' ')}". Gõ /vanban để xem danh sách.`));
  if (target === documentId) return sendHtml(ctx, renderText('Văn bản không thể tự thay thế chính nó.'));
  const updated = await deps.admin.relinkForce(documentId, statement.id, target, actorOf(ctx));
  ctx.log.info({ documentId, statementId: statement.id, target }, 'force link corrected');
  await sendHtml(ctx, toHtmlMessages([paragraph(bold('✅ Đã sửa liên kết.')), ...forceBlocks(updated, documentId, false)]));
}
