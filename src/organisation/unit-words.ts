/**
 * What the bot says about a unit, in plain text for every channel; `command` is how the channel spells the
 * command (`/donvi <tên đơn vị>` on Telegram, `đơn vị <tên>` on Zalo).
 */
import type { UnitChoice } from '../core/services.ts';

/** The reply to setting a unit. */
export function unitChoiceText(choice: UnitChoice, command: string): string {
  switch (choice.kind) {
    case 'set': {
      const chain = choice.chain && choice.chain !== choice.name ? `\nCấp trên: ${choice.chain.split(' › ').slice(1).join(' › ')}.` : '';
      return `✅ Đã ghi đơn vị của bạn: ${choice.name}.${chain}\nCâu trả lời sẽ ưu tiên văn bản của đơn vị này, rồi của cấp trên. Gõ ${bare(command)} (không kèm tên) để bỏ.`;
    }
    case 'ambiguous':
      if (choice.candidates.length === 1) return `Chưa chắc "${choice.typed}" là cơ quan nào. Có phải: ${choice.candidates[0] as string}? Nếu đúng, gõ ${command} với tên đầy đủ đó.`;
      return `Tên "${choice.typed}" khớp với nhiều cơ quan trong kho, bạn hãy gõ lại tên đầy đủ của một trong số:\n${list(choice.candidates)}`;
    case 'unknown': {
      const closest = choice.closest.length > 0 ? ` Các cơ quan gần nhất trong kho:\n${list(choice.closest)}` : ` Gõ ${command} với tên cơ quan ban hành văn bản, ví dụ "Huyện ủy …", "Đảng ủy xã …".`;
      return `Chưa tìm thấy "${choice.typed}" trong các cơ quan có văn bản trong kho, nên chưa ghi đơn vị.${closest}`;
    }
  }
}

/** The reply to clearing the unit. */
export function unitClearedText(cleared: { previous: string | null; fallback: string | null }, command: string): string {
  const now = cleared.fallback ? ` Đơn vị mặc định đang áp dụng: ${cleared.fallback}.` : '';
  const head = cleared.previous ? `Đã bỏ đơn vị ${cleared.previous}.` : 'Bạn chưa đặt đơn vị.';
  return `${head}${now} Để câu trả lời ưu tiên văn bản của đơn vị mình, gõ ${command}.`;
}

/** One line, under an answer quoting one of several bodies' near-copies, on how to set one's unit. */
export const SET_UNIT_HINT = 'Để ưu tiên văn bản của đơn vị mình, đặt đơn vị: /donvi <tên đơn vị> (Telegram) hoặc "đơn vị <tên>" (Zalo).';

function list(names: string[]): string {
  return names.map((n) => `- ${n}`).join('\n');
}

/** `/donvi <tên đơn vị>` → `/donvi`. */
function bare(command: string): string {
  return command.replace(/\s*<[^>]*>\s*$/u, '');
}
