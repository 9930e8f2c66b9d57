/**
 * `/donvi <tên đơn vị>`: the chat's unit, so answers prefer its documents and those of the bodies above it;
 * `/donvi` with no name clears it. The bot replies with the body it understood, or the bodies it could mean.
 */
import type { Bot } from 'grammy';
import { unitChoiceText, unitClearedText } from '../../organisation/unit-words.ts';
import { conversationId, sendHtml, type BotContext, type HandlerDeps } from './context.ts';
import { renderText } from './render.ts';
import { withinRateLimit } from './questions.ts';

/** How the command is written in replies. */
export const UNIT_COMMAND = '/donvi <tên đơn vị>';

const UNAVAILABLE = 'Chức năng đơn vị chưa được bật trên máy chủ này.';

/** Registers /donvi (it says the feature is off when no unit service is wired). */
export function registerUnitCommand(bot: Bot<BotContext>, deps: HandlerDeps): void {
  bot.command('donvi', async (ctx) => {
    const units = deps.units;
    if (!units) return sendHtml(ctx, renderText(UNAVAILABLE));
    if (!(await withinRateLimit(deps, ctx))) return;
    const typed = ctx.match.trim();
    if (typed === '') {
      const cleared = await units.clear(conversationId(ctx));
      ctx.log.info({ cleared: cleared.previous !== null }, 'unit cleared');
      return sendHtml(ctx, renderText(unitClearedText(cleared, UNIT_COMMAND)));
    }
    const choice = await units.set(conversationId(ctx), typed);
    ctx.log.info({ outcome: choice.kind }, 'unit set');
    await sendHtml(ctx, renderText(unitChoiceText(choice, UNIT_COMMAND)));
  });
}
