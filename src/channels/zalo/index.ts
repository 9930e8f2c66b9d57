/** The Zalo channel's public surface: the API client (publishable on its own) and the bot. */
export { createZaloClient } from './client.ts';
export type { ZaloCallOptions, ZaloClient, ZaloClientLogger, ZaloClientOptions } from './client.ts';
export { ZaloApiError, ZaloNetworkError } from './errors.ts';
export type { ZaloBotInfo, ZaloMessage, ZaloSentMessage, ZaloUpdate, ZaloWebhookInfo } from './api-types.ts';
export type { RetryPolicy } from './backoff.ts';
export { createZaloBot } from './bot.ts';
export type { ZaloBot, ZaloBotConfig, ZaloBotDeps } from './bot.ts';
export type { ZaloWebhook } from './webhook.ts';
export { createMemoryChatContexts } from './chat-context.ts';
export type { ChatContext, ChatContextStore, NumberedItem } from './chat-context.ts';
