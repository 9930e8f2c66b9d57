/**
 * Configuration: one zod schema over the environment, parsed once by the composition root. A wrong value
 * stops the program with a message naming the variable and what is expected. Every variable is documented
 * in .env.example and the README.
 */
import { z } from 'zod';
import { ConfigError } from './core/errors.ts';

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const idList = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

const httpsUrl = optionalString.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), 'must be an http(s) URL');

/**
 * A bearer token: at least 16 characters, so a guessable token is refused at start-up, of the characters an
 * `Authorization: Bearer` header can carry (RFC 6750), so a token that could never be sent is refused too.
 */
const secretToken = optionalString
  .refine((v) => v === undefined || v.length >= 16, 'must be at least 16 characters')
  .refine((v) => v === undefined || /^[A-Za-z0-9._~+/-]+=*$/.test(v), 'must use only A-Z a-z 0-9 . _ ~ + / - (and = at the end)');

const intInRange = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const schema = z
  .object({
    DATABASE_URL: optionalString.refine(
      (v) => v === undefined || /^(memory:\/\/|pglite:\/\/|postgres(ql)?:\/\/)/.test(v),
      'must be empty (embedded PGlite in ./.data), memory://, pglite://<folder> or postgres://…',
    ),
    /** Longest query on a Postgres server before it is cancelled and the user gets the "busy" reply. */
    DB_QUERY_TIMEOUT_MS: intInRange(100, 600_000, 30_000),
    /** Connections per process to a Postgres server. */
    DB_POOL_MAX: intInRange(1, 1000, 10),
    DOCUMENTS_DIR: z.string().default('data/documents'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Where the logs go while `npm start` runs the terminal chat (so they never mix with the `>` prompt). */
    TERMINAL_LOG_FILE: z.string().trim().min(1).default('.data/terminal-chat.log'),
    /** Address the HTTP server listens on; unset = every interface (what a container needs). */
    HOST: optionalString,
    PORT: intInRange(0, 65535, 3000),
    TELEGRAM_BOT_TOKEN: optionalString,
    TELEGRAM_API_ROOT: z.string().url().default('https://api.telegram.org').transform((v) => v.replace(/\/+$/, '')),
    TELEGRAM_WEBHOOK_URL: httpsUrl,
    TELEGRAM_WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), 'must be 1–256 characters of A-Z a-z 0-9 _ -'),
    ADMIN_TELEGRAM_IDS: idList.refine((ids) => ids.every((id) => /^\d+$/.test(id)), 'must be comma-separated numeric Telegram user ids'),
    ZALO_BOT_TOKEN: optionalString,
    ZALO_API_BASE: z.string().url().default('https://bot-api.zaloplatforms.com').transform((v) => v.replace(/\/+$/, '')),
    ZALO_WEBHOOK_URL: httpsUrl,
    ZALO_WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || (v.length >= 8 && v.length <= 256), 'must be 8–256 characters'),
    ADMIN_ZALO_IDS: idList,
    /** Bearer token of the HTTP admin API and page (/admin); unset turns both off (404). */
    ADMIN_API_TOKEN: secretToken,
    /** Bearer token of POST /api/ask; unset leaves the ask endpoint open. */
    API_TOKEN: secretToken,
    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: httpsUrl,
    LLM_MODEL: z.string().default('gpt-4o-mini'),
    LLM_TIMEOUT_MS: intInRange(1000, 300_000, 20_000),
    EMBEDDINGS_MODEL: optionalString,
    MAX_QUESTION_CHARS: intInRange(50, 100_000, 1000),
    RATE_LIMIT_PER_MINUTE: intInRange(1, 10_000, 20),
    /** Answers one process computes at once (every channel and the HTTP API together). */
    MAX_ANSWERS_IN_FLIGHT: intInRange(1, 1000, 4),
    /** Questions waiting for one of those; beyond this they are turned away at once ("busy", HTTP 503). */
    MAX_ANSWERS_QUEUED: intInRange(0, 100_000, 64),
    /** Longest wait in that queue, in ms, before a question is turned away as busy. */
    ANSWER_QUEUE_TIMEOUT_MS: intInRange(100, 600_000, 10_000),
    MAX_UPLOAD_MB: z.coerce.number().positive().max(2000).default(20),
    CONVERSATION_TTL_MINUTES: intInRange(1, 10_080, 30),
    /**
     * The unit of every conversation that set none (`/donvi`): a body's name as the collection's issuers give it,
     * e.g. "Huyện ủy Chợ Mới". Answers prefer that body's documents and those of the bodies above it.
     */
    DEFAULT_ORGANISATION: z.string().trim().max(200).optional(),
    /** Days of question history (questions and feedback) kept; older rows are deleted hourly. 0 keeps forever. */
    QUESTION_RETENTION_DAYS: intInRange(0, 36_500, 90),
    /** New-document notices sent per second on Telegram, all replicas together (Telegram allows about 30). */
    TELEGRAM_NOTICES_PER_SECOND: z.coerce.number().positive().max(30).default(25),
    /** The same on Zalo, which publishes no limit: a conservative default. */
    ZALO_NOTICES_PER_SECOND: z.coerce.number().positive().max(30).default(1),
  })
  .superRefine((c, ctx) => {
    if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_SECRET'], message: 'is required when TELEGRAM_WEBHOOK_URL is set' });
    }
    if (c.ZALO_WEBHOOK_URL && !c.ZALO_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['ZALO_WEBHOOK_SECRET'], message: 'is required when ZALO_WEBHOOK_URL is set' });
    }
  });

export type Config = z.infer<typeof schema>;

/** Parses the environment; throws ConfigError listing every wrong variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty value (`PORT=` in a copied .env.example) means unset: the default applies. Without this, `PORT=`
  // would coerce to 0 and `LOG_LEVEL=` would be refused.
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(set);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `- ${i.path.join('.') || '(env)'}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
