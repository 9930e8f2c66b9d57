/**
 * The ask service: the one path from a channel's question to the engine and back. It checks the question
 * (empty, too long), applies the request's rate limit, waits for one of the process's answer slots (or turns
 * the request away when they and their queue are full), asks the engine, records the question in the activity
 * log and writes one summary line. Telegram, Zalo, the terminal chat and the HTTP API all go through it, so a
 * rule about asking (throttling, the user's organisation) is written once, here.
 */
import type { Logger } from 'pino';
import type { Clock } from '../core/ports.ts';
import type { Activity, AnswerEngine, AskRefusal, AskRequest, AskResult, AskService, TalkingPointsResult, Units } from '../core/services.ts';
import type { Answer, Question } from '../core/types.ts';
import { HINT, makeAnswer } from '../answer/compose.ts';
import { cleanUserText } from '../text/normalize.ts';
import type { AnswerSlots } from './answer-slots.ts';

/** What the ask service is built from. */
export interface AskServiceDeps {
  engine: AnswerEngine;
  /** Where questions are recorded and rate limits counted; absent for the CLI and the evaluation. */
  activity?: Pick<Activity, 'recordQuestion' | 'allowRequest'>;
  logger: Logger;
  /** MAX_QUESTION_CHARS: longer questions and topics are refused before the engine sees them. */
  maxQuestionChars: number;
  /** RATE_LIMIT_PER_MINUTE for requests that carry a `rateLimitKey`, and the clock its windows follow. */
  rateLimit?: { perMinute: number; clock: Clock };
  /** The process's answer slots (MAX_ANSWERS_IN_FLIGHT …); without them, nothing waits (CLI, eval). */
  slots?: AnswerSlots;
  /** The unit each conversation set (or the deployment's default), for requests that name none. */
  units?: Pick<Units, 'current'>;
}

/** Rate-limit windows are fixed minutes (see Activity.allowRequest). */
const RATE_WINDOW_SECONDS = 60;

/** Creates the service. */
export function createAskService(deps: AskServiceDeps): AskService {
  /** The request's text made safe to process, and the reason to refuse it, if any. */
  function check(request: AskRequest): { text: string; refusal: AskRefusal | null } {
    const text = cleanUserText(request.text).trim();
    if (text === '') return { text, refusal: { ok: false, reason: 'empty' } };
    if (text.length > deps.maxQuestionChars) {
      return { text, refusal: { ok: false, reason: 'too_long', chars: text.length, maxChars: deps.maxQuestionChars } };
    }
    return { text, refusal: null };
  }

  /** Null when the request's key may go on; otherwise the refusal, with the seconds left in the minute. */
  async function overRateLimit(request: AskRequest): Promise<AskRefusal | null> {
    if (!request.rateLimitKey || !deps.activity || !deps.rateLimit) return null;
    if (await deps.activity.allowRequest(request.rateLimitKey, deps.rateLimit.perMinute, RATE_WINDOW_SECONDS)) return null;
    const retryAfterSeconds = RATE_WINDOW_SECONDS - (Math.floor(deps.rateLimit.clock.now().getTime() / 1000) % RATE_WINDOW_SECONDS);
    return { ok: false, reason: 'rate_limited', retryAfterSeconds };
  }

  /** Runs `work` in an answer slot, or refuses as busy when none comes free in time. */
  async function inSlot<T>(work: () => Promise<{ value: T } | AskRefusal>): Promise<{ value: T } | AskRefusal> {
    const release = deps.slots ? await deps.slots.acquire() : () => undefined;
    if (!release) return { ok: false, reason: 'busy', retryAfterSeconds: deps.slots?.retryAfterSeconds() ?? 1 };
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Who asks, in the engine's terms. */
  function asker(request: AskRequest): Omit<Question, 'text'> {
    const { conversationId, channel, userId } = request;
    return userId === undefined ? { conversationId, channel } : { conversationId, channel, userId };
  }

  function refused(log: Logger, request: AskRequest, refusal: AskRefusal, chars: number): AskRefusal {
    log.info({ channel: request.channel, outcome: refusal.reason, chars, ...('retryAfterSeconds' in refusal ? { retryAfterSeconds: refusal.retryAfterSeconds } : {}) }, 'request refused');
    return refusal;
  }

  /**
   * Checks, slot and rate limit around `work`, which gets the cleaned text. The slot comes before the rate limit
   * (a database query): under a burst, what the queue cannot hold is turned away without touching the database.
   */
  async function admitted<T>(request: AskRequest, log: Logger, work: (text: string) => Promise<T>): Promise<{ text: string; value: T } | AskRefusal> {
    const { text, refusal } = check(request);
    if (refusal) return refused(log, request, refusal, text.length);
    const outcome = await (request.whileAnswering ?? run)(() => inSlot(async () => (await overRateLimit(request)) ?? { value: await work(text) }));
    return 'value' in outcome ? { text, value: outcome.value } : refused(log, request, outcome, text.length);
  }

  return {
    async ask(request): Promise<AskResult> {
      const log = request.log ?? deps.logger;
      const result = await admitted(request, log, async (text) => {
        log.debug({ question: text }, 'question');
        const organisation = request.organisation ?? (await deps.units?.current(request.conversationId)) ?? undefined;
        return deps.engine.ask({ text, ...asker(request), ...(organisation ? { organisation } : {}) });
      });
      if (!('value' in result)) return result;
      const { text, value: answer } = result;
      if (deps.activity && !request.trial) {
        const question: Question = { text, ...asker(request) };
        await deps.activity.recordQuestion(question, answer).catch((err: unknown) => log.warn({ err }, 'could not record the question'));
      }
      const { outcome, latencyMs, debug, mode } = answer;
      const trial = request.trial ? { trial: true } : {};
      const unit = answer.unit ? { unit: true } : {};
      log.info({ channel: request.channel, outcome, latencyMs, stagesMs: debug.stagesMs, topScore: debug.topScore, citations: answer.citations.length, mode, ...unit, ...trial }, 'answered');
      return { ok: true, answer };
    },

    async talkingPoints(request): Promise<TalkingPointsResult> {
      const log = request.log ?? deps.logger;
      const result = await admitted(request, log, (text) => {
        log.debug({ topic: text }, 'talking points');
        return deps.engine.talkingPoints(text, asker(request));
      });
      if (!('value' in result)) return result;
      const points = result.value;
      log.info({ channel: request.channel, outcome: points.refused ? 'refused' : 'answered', points: points.points.length }, 'talking points');
      return { ok: true, points };
    },

    load() {
      if (!deps.slots) return { inFlight: 0, queued: 0, maxInFlight: Infinity, maxQueued: Infinity, full: false, retryAfterSeconds: 1 };
      return { ...deps.slots.load(), retryAfterSeconds: deps.slots.retryAfterSeconds() };
    },
  };
}

function run<T>(work: () => Promise<T>): Promise<T> {
  return work();
}

/** What the plain outputs say when the process is too busy to answer now. */
export const BUSY_TEXT = 'Hệ thống đang bận trả lời nhiều câu hỏi, bạn vui lòng hỏi lại sau ít phút.';

/**
 * The result as an `Answer`, for the plain-text and JSON outputs (terminal, `ask --json`, eval): a refused
 * request becomes an answer with outcome `empty`, `too_long` or `refused` and a short Vietnamese reply.
 */
export function answerOf(result: AskResult): Answer {
  if (result.ok) return result.answer;
  switch (result.reason) {
    case 'empty':
      return makeAnswer({ outcome: 'empty', intro: `Bạn hãy gõ câu hỏi. ${HINT}`, citations: [], notice: null });
    case 'too_long': {
      const intro = `Câu hỏi quá dài (${result.chars} ký tự, tối đa ${result.maxChars}). Bạn hãy hỏi ngắn gọn hơn.`;
      return makeAnswer({ outcome: 'too_long', intro, citations: [], notice: null });
    }
    case 'busy':
    case 'rate_limited':
      return makeAnswer({ outcome: 'refused', intro: BUSY_TEXT, citations: [], notice: null });
  }
}
