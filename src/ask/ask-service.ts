/**
 * The ask service: the one path from a channel's question to the engine and back. It checks the question
 * (empty, too long), asks the engine, records the question in the activity log and writes one summary line.
 * Telegram, Zalo, the terminal chat and the HTTP API all go through it, so a rule about asking (throttling,
 * the user's organisation) is written once, here.
 */
import type { Logger } from 'pino';
import type { Activity, AnswerEngine, AskRefusal, AskRequest, AskResult, AskService } from '../core/services.ts';
import type { Answer, Question } from '../core/types.ts';
import { HINT, makeAnswer } from '../answer/compose.ts';
import { cleanUserText } from '../text/normalize.ts';

/** What the ask service is built from. */
export interface AskServiceDeps {
  engine: AnswerEngine;
  /** Where questions are recorded; absent for the CLI and the evaluation, whose questions are nobody's. */
  activity?: Pick<Activity, 'recordQuestion'>;
  logger: Logger;
  /** MAX_QUESTION_CHARS: longer questions and topics are refused before the engine sees them. */
  maxQuestionChars: number;
}

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

  /** Who asks, in the engine's terms. */
  function asker(request: AskRequest): Omit<Question, 'text'> {
    const { conversationId, channel, userId } = request;
    return userId === undefined ? { conversationId, channel } : { conversationId, channel, userId };
  }

  function refused(log: Logger, request: AskRequest, refusal: AskRefusal, chars: number): AskRefusal {
    log.info({ channel: request.channel, outcome: refusal.reason, chars }, 'request refused');
    return refusal;
  }

  return {
    async ask(request): Promise<AskResult> {
      const log = request.log ?? deps.logger;
      const { text, refusal } = check(request);
      if (refusal) return refused(log, request, refusal, text.length);
      const question: Question = { text, ...asker(request) };
      log.debug({ question: text }, 'question');
      const answer = await (request.whileAnswering ?? run)(() => deps.engine.ask(question));
      if (deps.activity && !request.trial) {
        await deps.activity.recordQuestion(question, answer).catch((err: unknown) => log.warn({ err }, 'could not record the question'));
      }
      const { outcome, latencyMs, debug, mode } = answer;
      const trial = request.trial ? { trial: true } : {};
      log.info({ channel: request.channel, outcome, latencyMs, topScore: debug.topScore, citations: answer.citations.length, mode, ...trial }, 'answered');
      return { ok: true, answer };
    },

    async talkingPoints(request) {
      const log = request.log ?? deps.logger;
      const { text, refusal } = check(request);
      if (refusal) return refused(log, request, refusal, text.length);
      log.debug({ topic: text }, 'talking points');
      const points = await (request.whileAnswering ?? run)(() => deps.engine.talkingPoints(text, asker(request)));
      log.info({ channel: request.channel, outcome: points.refused ? 'refused' : 'answered', points: points.points.length }, 'talking points');
      return { ok: true, points };
    },
  };
}

function run<T>(work: () => Promise<T>): Promise<T> {
  return work();
}

/**
 * The result as an `Answer`, for the plain-text and JSON outputs (terminal, `ask --json`, eval): a refused
 * request becomes an answer with outcome `empty` or `too_long` and a short Vietnamese reply.
 */
export function answerOf(result: AskResult): Answer {
  if (result.ok) return result.answer;
  if (result.reason === 'empty') return makeAnswer({ outcome: 'empty', intro: `Bạn hãy gõ câu hỏi. ${HINT}`, citations: [], notice: null });
  const intro = `Câu hỏi quá dài (${result.chars} ký tự, tối đa ${result.maxChars}). Bạn hãy hỏi ngắn gọn hơn.`;
  return makeAnswer({ outcome: 'too_long', intro, citations: [], notice: null });
}
