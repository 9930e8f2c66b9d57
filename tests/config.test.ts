import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { ConfigError } from '../src/core/errors.ts';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`no error for ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('has working defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.OPENAI_API_KEY).toBeUndefined();
    expect(c.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(c).toMatchObject({
      DOCUMENTS_DIR: 'data/documents',
      LOG_LEVEL: 'info',
      PORT: 3000,
      MAX_QUESTION_CHARS: 1000,
      RATE_LIMIT_PER_MINUTE: 20,
      MAX_UPLOAD_MB: 20,
      CONVERSATION_TTL_MINUTES: 30,
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      ADMIN_TELEGRAM_IDS: [],
      MAX_ANSWERS_IN_FLIGHT: 4,
      MAX_ANSWERS_QUEUED: 64,
      ANSWER_QUEUE_TIMEOUT_MS: 10_000,
      TERMINAL_LOG_FILE: '.data/terminal-chat.log',
      TELEGRAM_NOTICES_PER_SECOND: 25,
      ZALO_NOTICES_PER_SECOND: 1,
    });
    expect(c.HOST).toBeUndefined(); // every interface
  });

  it('treats empty values (as in a copied .env.example) as unset', () => {
    const empty = Object.fromEntries(
      ['DATABASE_URL', 'DOCUMENTS_DIR', 'LOG_LEVEL', 'PORT', 'TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_URL', 'TELEGRAM_WEBHOOK_SECRET', 'ADMIN_TELEGRAM_IDS', 'ZALO_WEBHOOK_SECRET', 'OPENAI_API_KEY', 'MAX_QUESTION_CHARS', 'MAX_UPLOAD_MB', 'LLM_MODEL'].map((k) => [k, '']),
    );
    expect(loadConfig(empty)).toEqual(loadConfig({}));
  });

  it('parses numbers, lists and URLs', () => {
    const c = loadConfig({ PORT: '8080', HOST: ' 127.0.0.1 ', ADMIN_TELEGRAM_IDS: '123, 456', TELEGRAM_API_ROOT: 'http://127.0.0.1:9000/', DATABASE_URL: 'pglite://./tmp/db' });
    expect(c.PORT).toBe(8080);
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.ADMIN_TELEGRAM_IDS).toEqual(['123', '456']);
    expect(c.TELEGRAM_API_ROOT).toBe('http://127.0.0.1:9000');
    expect(c.DATABASE_URL).toBe('pglite://./tmp/db');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ ZALO_WEBHOOK_SECRET: 'short' }, 'ZALO_WEBHOOK_SECRET'],
    [{ TELEGRAM_WEBHOOK_URL: 'https://bot.example/tg' }, 'TELEGRAM_WEBHOOK_SECRET'],
    [{ ZALO_WEBHOOK_URL: 'https://bot.example/zalo' }, 'ZALO_WEBHOOK_SECRET'],
    [{ TELEGRAM_WEBHOOK_SECRET: 'has spaces!' }, 'TELEGRAM_WEBHOOK_SECRET'],
    [{ ADMIN_TELEGRAM_IDS: '12,abc' }, 'ADMIN_TELEGRAM_IDS'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ OPENAI_BASE_URL: 'not a url' }, 'OPENAI_BASE_URL'],
    [{ MAX_QUESTION_CHARS: '10' }, 'MAX_QUESTION_CHARS'],
    [{ TELEGRAM_NOTICES_PER_SECOND: '31' }, 'TELEGRAM_NOTICES_PER_SECOND'],
    [{ ZALO_NOTICES_PER_SECOND: '0' }, 'ZALO_NOTICES_PER_SECOND'],
    [{ ADMIN_API_TOKEN: 'short-token' }, 'ADMIN_API_TOKEN'],
    [{ MAX_ANSWERS_IN_FLIGHT: '0' }, 'MAX_ANSWERS_IN_FLIGHT'],
    [{ ANSWER_QUEUE_TIMEOUT_MS: '5' }, 'ANSWER_QUEUE_TIMEOUT_MS'],
    [{ API_TOKEN: 'long enough but has spaces' }, 'API_TOKEN'],
  ])('%j throws a ConfigError naming %s', (env, variable) => {
    expect(errorOf(env).message).toContain(`${variable}:`);
  });

  it('names every wrong variable at once', () => {
    const message = errorOf({ PORT: 'abc', DATABASE_URL: 'mysql://x' }).message;
    expect(message).toContain('PORT:');
    expect(message).toContain('DATABASE_URL:');
  });

  it('accepts a webhook URL with its secret', () => {
    const c = loadConfig({ TELEGRAM_WEBHOOK_URL: 'https://bot.example/tg', TELEGRAM_WEBHOOK_SECRET: 'abc_DEF-123' });
    expect(c.TELEGRAM_WEBHOOK_SECRET).toBe('abc_DEF-123');
  });
});
