/**
 * What the Zalo bot remembers per chat between two messages, so typed follow-ups work: `xem 2`, `đúng`/`sai`,
 * `xem II.1` after an outline, `xác nhận xoá`. Kept deliberately small (ids and labels, never quotes), in
 * process or in the shared chat memory.
 */
import type { ChatMemory } from '../../core/ports.ts';

/** A numbered item of the last reply: a section (`label` set) or a whole document (`label` null). */
export interface NumberedItem {
  documentId: string;
  label: string | null;
}

/** Per-chat memory. */
export interface ChatContext {
  /** The last question answered in this chat, for feedback. */
  question: string | null;
  /** Numbered items of the last reply, for `xem <n>`. */
  items: NumberedItem[];
  /** The document last listed or opened, for `xem II.1`. */
  documentId: string | null;
  /** An admin's `xoá …` waiting for `xác nhận xoá`. */
  pendingRetire: { documentId: string; userId: string; expiresAt: number } | null;
}

/** Role: remembers recent chat context. */
export interface ChatContextStore {
  get(chatId: string): Promise<ChatContext>;
  update(chatId: string, patch: Partial<ChatContext>): Promise<void>;
}

const EMPTY: ChatContext = { question: null, items: [], documentId: null, pendingRetire: null };

/**
 * In-process store: least recently used chats are dropped beyond `maxChats`, and a chat idle for `ttlMs`
 * starts afresh. Good for one replica (and tests); several replicas need {@link createSharedChatContexts}.
 */
export function createMemoryChatContexts(
  options: { maxChats?: number; ttlMs?: number; now?: () => number } = {},
): ChatContextStore {
  const maxChats = options.maxChats ?? 1000;
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const now = options.now ?? Date.now;
  const chats = new Map<string, { context: ChatContext; touchedAt: number }>();

  function read(chatId: string): ChatContext {
    const entry = chats.get(chatId);
    if (!entry || now() - entry.touchedAt > ttlMs) return { ...EMPTY };
    return entry.context;
  }

  return {
    async get(chatId) {
      return read(chatId);
    },
    async update(chatId, patch) {
      const context = { ...read(chatId), ...patch };
      chats.delete(chatId); // re-insert so Map order is least recently used first
      chats.set(chatId, { context, touchedAt: now() });
      while (chats.size > maxChats) {
        const oldest = chats.keys().next().value;
        if (oldest === undefined) break;
        chats.delete(oldest);
      }
    },
  };
}

/**
 * Store shared by every replica through the chat memory (the database in production), so a follow-up (`xem 2`, `đúng`) delivered to another
 * replica than the question still finds its context. A chat idle for `ttlSeconds` starts afresh.
 */
export function createSharedChatContexts(memory: ChatMemory, options: { ttlSeconds?: number } = {}): ChatContextStore {
  const ttlSeconds = options.ttlSeconds ?? 60 * 60;
  const key = (chatId: string) => `zalo:${chatId}`;
  const read = async (chatId: string) => contextOf(await memory.get(key(chatId)));
  return {
    get: read,
    async update(chatId, patch) {
      await memory.put(key(chatId), { ...(await read(chatId)), ...patch }, ttlSeconds);
    },
  };
}

/** A stored value as a context; anything malformed (an older shape, a hand edit) reads as empty. */
function contextOf(value: unknown): ChatContext {
  if (value === null || typeof value !== 'object') return { ...EMPTY };
  const v = value as Partial<ChatContext>;
  return {
    question: typeof v.question === 'string' ? v.question : null,
    items: Array.isArray(v.items) ? v.items.filter(isItem) : [],
    documentId: typeof v.documentId === 'string' ? v.documentId : null,
    pendingRetire: isPendingRetire(v.pendingRetire) ? v.pendingRetire : null,
  };
}

function isItem(x: unknown): x is NumberedItem {
  const i = x as Partial<NumberedItem> | null;
  return typeof i === 'object' && i !== null && typeof i.documentId === 'string' && (i.label === null || typeof i.label === 'string');
}

function isPendingRetire(x: unknown): x is NonNullable<ChatContext['pendingRetire']> {
  const p = x as Partial<NonNullable<ChatContext['pendingRetire']>> | null | undefined;
  return typeof p === 'object' && p !== null && typeof p.documentId === 'string' && typeof p.userId === 'string' && typeof p.expiresAt === 'number';
}
