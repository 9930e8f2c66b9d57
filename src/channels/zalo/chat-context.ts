/**
 * What the Zalo bot remembers per chat between two messages, so typed follow-ups work: `xem 2`, `đúng`/`sai`,
 * `xem II.1` after an outline, `xác nhận xoá`. Kept deliberately small (ids and labels, never quotes), behind an
 * async port so it can move to the database (ConversationStore) without touching the handlers.
 */

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
 * starts afresh. Good for one replica; several replicas need the database-backed store.
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
