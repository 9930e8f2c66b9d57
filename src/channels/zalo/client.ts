/**
 * Typed client for the Zalo Bot Platform API: POST + JSON to `${baseUrl}/bot${token}/${method}`.
 * Responses are validated with zod; errors are `ZaloApiError` (Zalo said no) or `ZaloNetworkError` (no valid
 * answer). 429, 5xx and network failures are retried with bounded exponential backoff; 401 and other 4xx are not.
 * The token is never written to an error message, an error cause or a log line.
 * Self-contained on purpose (it imports only AppError) so it can be published as its own module.
 */
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import { backoffDelay, sleep, type RetryPolicy } from './backoff.ts';
import {
  anyResultSchema,
  botInfoSchema,
  envelopeSchema,
  sentMessageSchema,
  updateSchema,
  webhookInfoSchema,
  type ZaloBotInfo,
  type ZaloSentMessage,
  type ZaloUpdate,
  type ZaloWebhookInfo,
} from './api-types.ts';
import { ZaloApiError, ZaloNetworkError } from './errors.ts';

/** The part of a pino logger the client uses; any logger with these two methods works. */
export interface ZaloClientLogger {
  debug(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** Options of `createZaloClient`. */
export interface ZaloClientOptions {
  /** `<numeric_id>:<secret>` from Zalo Bot Creator. */
  token: string;
  /** Defaults to `https://bot-api.zaloplatforms.com` (older hosts: `https://bot-api.zapps.me`). */
  baseUrl?: string;
  /** Per-request timeout; getUpdates adds its long-poll window to it. Default 15 s. */
  timeoutMs?: number;
  /** Default: 4 attempts, 500 ms doubling up to 10 s. */
  retry?: Partial<RetryPolicy>;
  logger?: ZaloClientLogger;
}

/** Per-call options: abort (used to stop long polling promptly) and a longer timeout (sendPhoto). */
export interface ZaloCallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** Every documented method of the Zalo Bot API. */
export interface ZaloClient {
  getMe(options?: ZaloCallOptions): Promise<ZaloBotInfo>;
  /** Waits up to `timeout` seconds (default 30) for one update; `null` when none came (error 408). */
  getUpdates(params?: { timeout?: number }, options?: ZaloCallOptions): Promise<ZaloUpdate | null>;
  /** `url` must be public HTTPS; `secret_token` 8–256 characters, sent back in `X-Bot-Api-Secret-Token`. */
  setWebhook(params: { url: string; secret_token: string }, options?: ZaloCallOptions): Promise<ZaloWebhookInfo>;
  deleteWebhook(options?: ZaloCallOptions): Promise<ZaloWebhookInfo>;
  getWebhookInfo(options?: ZaloCallOptions): Promise<ZaloWebhookInfo>;
  /** `text` is plain text of 1–2000 characters. */
  sendMessage(params: { chat_id: string; text: string }, options?: ZaloCallOptions): Promise<ZaloSentMessage>;
  /** `photo` is a public http(s) URL that Zalo fetches before answering, hence a longer default timeout. */
  sendPhoto(params: { chat_id: string; photo: string; caption?: string }, options?: ZaloCallOptions): Promise<ZaloSentMessage>;
  sendSticker(params: { chat_id: string; sticker: string }, options?: ZaloCallOptions): Promise<ZaloSentMessage>;
  sendChatAction(params: { chat_id: string; action: 'typing' }, options?: ZaloCallOptions): Promise<void>;
}

const DEFAULT_BASE_URL = 'https://bot-api.zaloplatforms.com';
const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 10_000 };
/** Zalo downloads the photo before answering sendPhoto. */
const PHOTO_TIMEOUT_FACTOR = 4;

type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; error: ZaloApiError | ZaloNetworkError; retryable: boolean; retryAfterMs?: number };

/** Creates a Zalo Bot API client. No request is made until a method is called. */
export function createZaloClient(options: ZaloClientOptions): ZaloClient {
  const { token, logger } = options;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const redact = createRedactor(token);
  const http = axios.create({
    baseURL: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
    headers: { 'Content-Type': 'application/json' },
    validateStatus: () => true,
    // A redirect would resend the token to another place; Zalo does not redirect API calls.
    maxRedirects: 0,
  });

  async function call<S extends z.ZodType>(method: string, params: object, schema: S, opts: ZaloCallOptions = {}) {
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      const outcome = await once(http, token, redact, method, params, schema, { ...opts, timeoutMs: opts.timeoutMs ?? timeoutMs });
      logger?.debug({ method, attempt, ok: outcome.ok, ms: Date.now() - started }, 'zalo api call');
      if (outcome.ok) return outcome.value;
      if (!outcome.retryable || attempt >= policy.attempts || opts.signal?.aborted) throw outcome.error;
      const delayMs = Math.min(policy.maxDelayMs, outcome.retryAfterMs ?? backoffDelay(attempt, policy));
      logger?.warn({ method, attempt, delayMs, error: outcome.error.message }, 'zalo api call failed, retrying');
      await sleep(delayMs, opts.signal);
    }
  }

  return {
    getMe: (o) => call('getMe', {}, botInfoSchema, o),
    async getUpdates(params = {}, o = {}) {
      const seconds = params.timeout ?? 30;
      try {
        const pollTimeout = (o.timeoutMs ?? timeoutMs) + seconds * 1000;
        return await call('getUpdates', { timeout: String(seconds) }, updateSchema, { ...o, timeoutMs: pollTimeout });
      } catch (err) {
        if (err instanceof ZaloApiError && (err.error_code === 408 || err.status === 408)) return null;
        throw err;
      }
    },
    setWebhook: (p, o) => call('setWebhook', p, webhookInfoSchema, o),
    deleteWebhook: (o) => call('deleteWebhook', {}, webhookInfoSchema, o),
    getWebhookInfo: (o) => call('getWebhookInfo', {}, webhookInfoSchema, o),
    sendMessage: (p, o) => call('sendMessage', p, sentMessageSchema, o),
    sendPhoto: (p, o = {}) =>
      call('sendPhoto', p, sentMessageSchema, { ...o, timeoutMs: o.timeoutMs ?? timeoutMs * PHOTO_TIMEOUT_FACTOR }),
    sendSticker: (p, o) => call('sendSticker', p, sentMessageSchema, o),
    async sendChatAction(p, o) {
      await call('sendChatAction', p, anyResultSchema, o);
    },
  };
}

/** One HTTP exchange, classified. Never throws. */
async function once<S extends z.ZodType>(
  http: AxiosInstance,
  token: string,
  redact: (text: string) => string,
  method: string,
  params: object,
  schema: S,
  opts: ZaloCallOptions & { timeoutMs: number },
): Promise<Outcome<z.infer<S>>> {
  let response: AxiosResponse<unknown>;
  try {
    response = await http.post(`/bot${token}/${method}`, params, { timeout: opts.timeoutMs, signal: opts.signal });
  } catch (err) {
    const cause = redactedCopy(err, redact);
    const aborted = opts.signal?.aborted === true;
    return { ok: false, error: new ZaloNetworkError(method, cause.message, { cause }), retryable: !aborted };
  }
  return interpret(response, method, schema, redact);
}

/** Turns an HTTP response into a value or a classified error. */
function interpret<S extends z.ZodType>(
  response: AxiosResponse<unknown>,
  method: string,
  schema: S,
  redact: (text: string) => string,
): Outcome<z.infer<S>> {
  const status = response.status;
  const httpOk = status >= 200 && status < 300;
  const envelope = envelopeSchema.safeParse(typeof response.data === 'string' ? tryJson(response.data) : response.data);
  if (!envelope.success && httpOk) {
    const error = new ZaloNetworkError(method, 'response is not a Zalo API envelope', { cause: envelope.error });
    return { ok: false, error, retryable: false };
  }
  if (!envelope.success || !envelope.data.ok || !httpOk) {
    const body = envelope.success ? envelope.data : undefined;
    const code = body?.error_code ?? status;
    const description = redact(body?.description ?? `HTTP ${status}`);
    const error = new ZaloApiError(method, code, description, status);
    const retryable = code === 429 || status === 429 || code >= 500 || status >= 500;
    return { ok: false, error, retryable, retryAfterMs: retryAfter(response.headers['retry-after']) };
  }
  const result = schema.safeParse(envelope.data.result);
  if (!result.success) {
    const error = new ZaloNetworkError(method, 'unexpected result shape', { cause: result.error });
    return { ok: false, error, retryable: false };
  }
  return { ok: true, value: result.data };
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `Retry-After` in seconds, when the server sends one (Zalo does not document it; proxies do). */
function retryAfter(header: unknown): number | undefined {
  const seconds = Number(header);
  return typeof header === 'string' && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** Replaces the token (raw or URL-encoded) in any text. */
function createRedactor(token: string): (text: string) => string {
  const forms = [...new Set([token, encodeURIComponent(token)])].filter((f) => f.length > 0);
  return (text) => forms.reduce((acc, form) => acc.split(form).join('<token>'), text);
}

/**
 * A plain Error carrying the name, code and message of an axios error with the token removed. The original is
 * not kept: its config, request and response objects hold the URL, and with it the token.
 */
function redactedCopy(err: unknown, redact: (text: string) => string): Error & { code?: string } {
  const source = err instanceof Error ? err : new Error(String(err));
  const copy: Error & { code?: string } = new Error(redact(source.message || source.name));
  copy.name = source.name;
  const code = (source as { code?: unknown }).code;
  if (typeof code === 'string') copy.code = code;
  copy.stack = redact(source.stack ?? '');
  return copy;
}
