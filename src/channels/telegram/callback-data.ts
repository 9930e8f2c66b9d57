/**
 * Callback data for inline buttons. Telegram allows 1–64 bytes, so actions are written as short codes
 * (`s:<docId>:<label>`, `o:<docId>`, `f:u:<key>` …); when a code would not fit (a 36-character UUID plus a
 * deep section label can pass 64 bytes) the action is remembered under a short random key — in memory and,
 * when configured, in the database for the other replicas — and the button carries `k:<key>` instead. Keys are
 * scoped to the chat; an unknown or expired key decodes to `undefined` and the user is asked to try again.
 */
import { randomBytes } from 'node:crypto';
import type { ChatMemory } from '../../core/ports.ts';

/** Feedback reasons offered under 👎, with their stored values. */
export const FEEDBACK_REASONS = {
  w: { value: 'wrong_source', label: 'Sai nguồn' },
  o: { value: 'outdated', label: 'Hết hiệu lực' },
  t: { value: 'off_topic', label: 'Không trả lời đúng câu hỏi' },
} as const;
export type ReasonCode = keyof typeof FEEDBACK_REASONS;

/** Everything a button can ask for. `key` in feedback actions points at the remembered question. */
export type CallbackAction =
  | { kind: 'section'; documentId: string; label: string }
  | { kind: 'outline'; documentId: string }
  | { kind: 'vote'; helpful: boolean; key: string }
  | { kind: 'reason'; reason: ReasonCode; key: string }
  | { kind: 'publish'; documentId: string }
  | { kind: 'cancel'; documentId: string }
  | { kind: 'retire'; documentId: string }
  | { kind: 'keep' };

/** Telegram's limit on callback_data, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;

/** A bounded per-chat memory of values under short keys. */
export interface ShortKeyStore<T> {
  /** Returns the key at once; a shared copy (when configured) is written in the background. */
  remember(chatId: number, value: T): string;
  recall(chatId: number, key: string): Promise<T | undefined>;
}

/** How long a shared key lives: buttons older than this answer "expired". */
const SHARED_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Creates a store that keeps the newest `capacity` entries in memory and, with `shared`, also in the chat
 * memory shared by replicas (a button pressed on a message one replica sent may reach another), under
 * `<namespace>:<chatId>:<key>`. Keys are random, so two replicas never hand out the same one.
 */
export function createShortKeyStore<T>(
  capacity = 10_000,
  shared?: { memory: ChatMemory; namespace: string; onError(err: unknown): void },
): ShortKeyStore<T> {
  const entries = new Map<string, T>();
  return {
    remember(chatId, value) {
      const key = randomBytes(6).toString('base64url');
      entries.set(`${chatId}:${key}`, value);
      if (entries.size > capacity) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      shared?.memory.put(`${shared.namespace}:${chatId}:${key}`, value, SHARED_TTL_SECONDS).catch(shared.onError);
      return key;
    },
    async recall(chatId, key) {
      const local = entries.get(`${chatId}:${key}`);
      if (local !== undefined || !shared) return local;
      return ((await shared.memory.get(`${shared.namespace}:${chatId}:${key}`)) ?? undefined) as T | undefined;
    },
  };
}

function code(action: CallbackAction): string {
  switch (action.kind) {
    case 'section':
      return `s:${action.documentId}:${action.label}`;
    case 'outline':
      return `o:${action.documentId}`;
    case 'vote':
      return `f:${action.helpful ? 'u' : 'd'}:${action.key}`;
    case 'reason':
      return `f:r:${action.reason}:${action.key}`;
    case 'publish':
      return `p:${action.documentId}`;
    case 'cancel':
      return `c:${action.documentId}`;
    case 'retire':
      return `r:${action.documentId}`;
    case 'keep':
      return 'n';
  }
}

/** Byte length as Telegram counts it (UTF-8). */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Encodes and decodes button actions for one bot. */
export interface CallbackCodec {
  encode(chatId: number, action: CallbackAction): string;
  /** `undefined` when the data is unknown or its remembered action was forgotten. */
  decode(chatId: number, data: string): Promise<CallbackAction | undefined>;
}

/** Creates a codec with its own bounded memory for actions that do not fit in 64 bytes. */
export function createCallbackCodec(store: ShortKeyStore<CallbackAction> = createShortKeyStore<CallbackAction>()): CallbackCodec {
  return {
    encode(chatId, action) {
      const data = code(action);
      return byteLength(data) <= CALLBACK_DATA_LIMIT ? data : `k:${store.remember(chatId, action)}`;
    },
    async decode(chatId, data) {
      if (data.startsWith('k:')) return store.recall(chatId, data.slice(2));
      return parse(data);
    },
  };
}

function parse(data: string): CallbackAction | undefined {
  const [prefix] = data.split(':', 1);
  const rest = data.slice(2);
  switch (prefix) {
    case 's': {
      const colon = rest.lastIndexOf(':');
      return colon > 0 ? { kind: 'section', documentId: rest.slice(0, colon), label: rest.slice(colon + 1) } : undefined;
    }
    case 'o':
      return rest ? { kind: 'outline', documentId: rest } : undefined;
    case 'f':
      return parseFeedback(rest);
    case 'p':
      return rest ? { kind: 'publish', documentId: rest } : undefined;
    case 'c':
      return rest ? { kind: 'cancel', documentId: rest } : undefined;
    case 'r':
      return rest ? { kind: 'retire', documentId: rest } : undefined;
    case 'n':
      return data === 'n' ? { kind: 'keep' } : undefined;
    default:
      return undefined;
  }
}

function parseFeedback(rest: string): CallbackAction | undefined {
  const [vote, a, b] = rest.split(':');
  if ((vote === 'u' || vote === 'd') && a) return { kind: 'vote', helpful: vote === 'u', key: a };
  if (vote === 'r' && a && a in FEEDBACK_REASONS && b) return { kind: 'reason', reason: a as ReasonCode, key: b };
  return undefined;
}

/** True when callback data is one of the feedback codes (used to strip the feedback row after a vote). */
export function isFeedbackData(data: string | undefined): boolean {
  return data !== undefined && data.startsWith('f:');
}
