/**
 * Shapes of the Zalo Bot Platform API (bot.zaloplatforms.com/docs), as zod schemas and the types they infer.
 * Schemas are lenient where the docs and real traffic disagree: ids may come as numbers (kept as strings),
 * unknown fields pass through, and the sender's name has had three spellings.
 */
import { z } from 'zod';

/** Every id Zalo sends is documented as a string; accept numbers too and keep strings. */
const id = z.union([z.string(), z.number()]).transform(String);

/** The response envelope of every method. */
export const envelopeSchema = z.looseObject({
  ok: z.boolean(),
  result: z.unknown().optional(),
  error_code: z.number().optional(),
  description: z.string().optional(),
});

/** `message` of an update. Only `chat.id` is needed to answer; everything else may be missing. */
export const messageSchema = z.looseObject({
  message_id: id,
  /** Epoch milliseconds. */
  date: z.number().optional(),
  from: z
    .looseObject({
      id,
      display_name: z.string().optional(),
      name: z.string().optional(),
      first_name: z.string().optional(),
      is_bot: z.boolean().optional(),
    })
    .optional(),
  chat: z.looseObject({ id, chat_type: z.string().optional() }),
  text: z.string().optional(),
  photo: z.string().optional(),
  caption: z.string().optional(),
  sticker: z.string().optional(),
  url: z.string().optional(),
  voice_url: z.string().optional(),
});
export type ZaloMessage = z.infer<typeof messageSchema>;

/** One update: `message.text.received`, `message.image.received`, `message.sticker.received`, … */
export const updateSchema = z.looseObject({
  event_name: z.string(),
  /**
   * Absent on some `message.unsupported.received` events (users the law protects). A message we cannot read
   * (no chat id) is treated as absent, so the update is logged and skipped rather than failing the poll.
   */
  message: messageSchema.optional().catch(undefined),
});
export type ZaloUpdate = z.infer<typeof updateSchema>;

/** `getMe` result. */
export const botInfoSchema = z.looseObject({
  id,
  account_name: z.string(),
  account_type: z.string().optional(),
  can_join_groups: z.boolean().optional(),
});
export type ZaloBotInfo = z.infer<typeof botInfoSchema>;

/** `setWebhook`, `deleteWebhook` and `getWebhookInfo` result; `url` is empty when no webhook is set. */
export const webhookInfoSchema = z.looseObject({
  url: z.string(),
  /** Epoch milliseconds. */
  updated_at: z.number().optional(),
});
export type ZaloWebhookInfo = z.infer<typeof webhookInfoSchema>;

/** `sendMessage`, `sendPhoto` and `sendSticker` result. */
export const sentMessageSchema = z.looseObject({
  message_id: id,
  date: z.number().optional(),
});
export type ZaloSentMessage = z.infer<typeof sentMessageSchema>;

/** `sendChatAction` answers `ok: true` with no useful result. */
export const anyResultSchema = z.unknown();
