/**
 * Typed commands for Zalo, which has no buttons: the words of Telegram's commands, typed, accent-insensitive
 * (`văn bản` = `van ban`). Anything that is not a command is a question for the engine.
 */
import { foldedView, nfc } from '../../text/normalize.ts';

/** What a text message asks for. */
export type ZaloCommand =
  | { kind: 'help' }
  | { kind: 'documents' }
  /** `xem <n>`: the n-th numbered item (citation or document) of the last reply in this chat, 1-based. */
  | { kind: 'open-item'; index: number }
  /** `xem <văn bản> [mục]`: an outline, or one section; `ref` is empty for `xem II.1` (the last document). */
  | { kind: 'open'; ref: string; section: string | null }
  | { kind: 'talking-points'; topic: string }
  /** `đề cương <chủ đề>`: the outline as text (the Word file is on Telegram). */
  | { kind: 'outline'; topic: string }
  /** `theo dõi`, `bỏ theo dõi`: new-document notices; `văn bản mới`: what was published lately. */
  | { kind: 'subscribe' }
  | { kind: 'unsubscribe' }
  | { kind: 'new-documents' }
  | { kind: 'year'; year: number }
  | { kind: 'feedback'; helpful: boolean }
  | { kind: 'stats' }
  | { kind: 'retire'; ref: string }
  | { kind: 'confirm-retire' }
  /** `đơn vị <tên>`: the chat's unit; `đơn vị` alone clears it. */
  | { kind: 'unit'; name: string }
  | { kind: 'question'; text: string };

/** Whole-message commands, as folded words. */
const EXACT: Array<[string[], ZaloCommand]> = [
  [['help'], { kind: 'help' }],
  [['/help'], { kind: 'help' }],
  [['/start'], { kind: 'help' }],
  [['huong', 'dan'], { kind: 'help' }],
  [['tro', 'giup'], { kind: 'help' }],
  [['van', 'ban'], { kind: 'documents' }],
  [['/vanban'], { kind: 'documents' }],
  [['danh', 'sach', 'van', 'ban'], { kind: 'documents' }],
  [['dung'], { kind: 'feedback', helpful: true }],
  [['sai'], { kind: 'feedback', helpful: false }],
  [['thong', 'ke'], { kind: 'stats' }],
  [['/thongke'], { kind: 'stats' }],
  [['xac', 'nhan', 'xoa'], { kind: 'confirm-retire' }],
  // Bare commands explain themselves instead of being asked as questions.
  [['diem', 'tin'], { kind: 'talking-points', topic: '' }],
  [['/diemtin'], { kind: 'talking-points', topic: '' }],
  [['de', 'cuong'], { kind: 'outline', topic: '' }],
  [['/decuong'], { kind: 'outline', topic: '' }],
  [['theo', 'doi'], { kind: 'subscribe' }],
  [['/theodoi'], { kind: 'subscribe' }],
  [['bo', 'theo', 'doi'], { kind: 'unsubscribe' }],
  [['/boqua'], { kind: 'unsubscribe' }],
  [['van', 'ban', 'moi'], { kind: 'new-documents' }],
  [['/moi'], { kind: 'new-documents' }],
  [['don', 'vi'], { kind: 'unit', name: '' }],
  [['/donvi'], { kind: 'unit', name: '' }],
];

/** Commands followed by an argument, as folded leading words. */
const PREFIXES: Array<[string[], 'open' | 'talking-points' | 'outline' | 'year' | 'retire' | 'unit']> = [
  [['don', 'vi'], 'unit'],
  [['/donvi'], 'unit'],
  [['xem'], 'open'],
  [['/xem'], 'open'],
  [['diem', 'tin'], 'talking-points'],
  [['/diemtin'], 'talking-points'],
  [['de', 'cuong'], 'outline'],
  [['/decuong'], 'outline'],
  [['nam'], 'year'],
  [['/nam'], 'year'],
  [['xoa'], 'retire'],
  [['/xoa'], 'retire'],
];

/** Words that, right after "đơn vị", make a question about units rather than the name of one's own. */
const QUESTION_AFTER_UNIT = new Set(['nao', 'gi', 'ai', 'chu', 'thuc', 'phoi', 'duoc', 'co', 'la', 'phai', 'can', 'trong', 'lien', 'cap', 'cua', 'nay', 'do']);

/** Parses a message (already stripped of any @mention). */
export function parseCommand(text: string): ZaloCommand {
  const words = nfc(text).trim().split(/\s+/).filter((w) => w !== '');
  const folded = words.map((w) => foldedView(w));
  const bare = folded.join(' ').replace(/[.!…]+$/, '').split(' ');
  for (const [keys, command] of EXACT) if (sameWords(bare, keys)) return command;
  // A question that happens to start with a command word ("xem xét…", "xoá đói giảm nghèo là gì?").
  if (text.trim().endsWith('?') || folded[1] === 'xet') return { kind: 'question', text: text.trim() };
  for (const [keys, kind] of PREFIXES) {
    if (folded.length <= keys.length || !sameWords(folded.slice(0, keys.length), keys)) continue;
    const rest = words.slice(keys.length);
    const parsed = withArgument(kind, rest);
    if (parsed) return parsed;
  }
  return { kind: 'question', text: text.trim() };
}

function withArgument(kind: (typeof PREFIXES)[number][1], rest: string[]): ZaloCommand | null {
  const argument = rest.join(' ');
  switch (kind) {
    case 'talking-points':
    case 'outline':
      return { kind, topic: argument };
    case 'retire':
      return { kind, ref: argument };
    case 'unit':
      // "đơn vị nào được giao …", "đơn vị thực hiện là ai" are questions, not a unit's name.
      return QUESTION_AFTER_UNIT.has(foldedView(rest[0] ?? '')) ? null : { kind, name: argument };
    case 'year': {
      const year = /^(\d{4})[.!]?$/.exec(argument);
      return year && rest.length === 1 ? { kind, year: Number(year[1]) } : null;
    }
    default:
      return openCommand(rest);
  }
}

/** `xem 2`, `xem 12-KH/ĐU`, `xem 12-KH/ĐU II.1`, `xem kế hoạch 12 mục II.1`, `xem mục II.1`, `xem II.1`. */
function openCommand(rest: string[]): ZaloCommand {
  if (rest.length === 1 && /^\d{1,2}$/.test(rest[0] ?? '')) return { kind: 'open-item', index: Number(rest[0]) };
  const mucAt = rest.findIndex((w) => foldedView(w) === 'muc');
  if (mucAt >= 0 && mucAt < rest.length - 1) {
    return { kind: 'open', ref: rest.slice(0, mucAt).join(' '), section: normalizeLabel(rest.slice(mucAt + 1).join('')) };
  }
  const last = rest[rest.length - 1] ?? '';
  if (/^[IVXLC]+(\.[0-9A-Za-zđ]+)*\.?$/.test(last)) {
    return { kind: 'open', ref: rest.slice(0, -1).join(' '), section: normalizeLabel(last) };
  }
  return { kind: 'open', ref: rest.join(' '), section: null };
}

/** `ii.1.` → `II.1`: no trailing dot, the leading Roman part upper case (later parts may be letters). */
export function normalizeLabel(label: string): string {
  const parts = label.replace(/\.+$/, '').split('.');
  const [head = '', ...tail] = parts;
  return [/^[ivxlc]+$/i.test(head) ? head.toUpperCase() : head, ...tail].join('.');
}

function sameWords(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}
