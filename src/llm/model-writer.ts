/**
 * The model path of the answer engine: an OpenAI-compatible chat model (LangChain's ChatOpenAI) rewrites the
 * extractive answer as short prose citing numbered blocks `[n]`. The product, not the model, decides the
 * sources: markers are checked against the blocks, unsupported sentences are dropped, and the citations are
 * the cited blocks with their verbatim quotes. Whenever the model fails, declines, times out or cites nothing
 * valid, the extractive answer is returned unchanged.
 */
import type { Logger } from 'pino';
import { ChatOpenAI } from '@langchain/openai';
import { StringOutputParser } from '@langchain/core/output_parsers';
import type { Runnable } from '@langchain/core/runnables';
import type { ModelWriter } from '../answer/model-answer.ts';
import { renderPlain } from '../answer/compose.ts';
import { ModelError } from '../core/errors.ts';
import type { Answer } from '../core/types.ts';
import { contextBlocks, loadAnswerPrompt, type AnswerPromptInput } from './answer-prompt.ts';
import { checkModelAnswer, type CheckResult } from './check-answer.ts';

/** Dependencies and settings of {@link createModelWriter}. */
export interface ModelWriterDeps {
  apiKey: string;
  /** OpenAI-compatible endpoint including `/v1`, e.g. `http://127.0.0.1:8080/v1`; OpenAI's when absent. */
  baseUrl?: string;
  model: string;
  /** Upper bound for the whole call, retries included. */
  timeoutMs: number;
  logger: Logger;
  /** Folder holding `answer.system.md` and `answer.user.md`. */
  promptsDir?: string;
}

/** One retry covers a dropped connection; more would only delay the extractive fallback. */
const MAX_RETRIES = 1;

/**
 * Creates the writer. Reads the prompt files now (throws ConfigError when they are missing or wrong) and
 * builds the chain prompt → ChatOpenAI → string; no request is made until `rewrite` is called.
 */
export function createModelWriter(deps: ModelWriterDeps): ModelWriter {
  const log = deps.logger.child({ component: 'model-writer', model: deps.model });
  const chain = buildChain(deps);

  async function rewrite(question: string, extractive: Answer): Promise<Answer> {
    if (extractive.outcome !== 'answered' || extractive.citations.length === 0) return extractive;
    const started = Date.now();
    let content: string;
    try {
      content = await callModel(chain, { context: contextBlocks(extractive.citations), question }, deps.timeoutMs);
    } catch (err) {
      const error = new ModelError(`chat model ${deps.model} failed`, { cause: err });
      log.warn({ reason: 'request_failed', err: summarize(error), ms: Date.now() - started }, 'model answer not used; serving the extractive answer');
      log.debug({ err: error }, 'model request failure in full');
      return extractive;
    }
    log.debug({ question, content }, 'model reply');
    const checked = checkModelAnswer(content, extractive.citations);
    logCheck(log, checked, extractive.citations.length, Date.now() - started);
    if (!checked.ok) return extractive;
    return {
      ...extractive,
      mode: 'model',
      outcome: 'answered',
      intro: checked.intro,
      citations: checked.citations,
      text: renderPlain(checked.intro, checked.citations, extractive.notice),
    };
  }

  return { rewrite };
}

function buildChain(deps: ModelWriterDeps): Runnable<AnswerPromptInput, string> {
  const prompt = loadAnswerPrompt(deps.promptsDir ?? 'prompts');
  const model = new ChatOpenAI({
    apiKey: deps.apiKey,
    model: deps.model,
    temperature: 0,
    maxRetries: MAX_RETRIES,
    timeout: deps.timeoutMs,
    configuration: deps.baseUrl ? { baseURL: deps.baseUrl } : undefined,
  });
  return prompt.pipe(model).pipe(new StringOutputParser());
}

/**
 * Runs the chain under one deadline. ChatOpenAI's `timeout` bounds each HTTP attempt; the signal bounds the
 * whole call, so a retry after a slow first attempt cannot double the wait.
 */
async function callModel(chain: Runnable<AnswerPromptInput, string>, input: AnswerPromptInput, timeoutMs: number): Promise<string> {
  const content: unknown = await chain.invoke(input, { signal: AbortSignal.timeout(timeoutMs) });
  if (typeof content !== 'string') throw new ModelError(`chat model returned ${typeof content} instead of text`);
  return content;
}

function logCheck(log: Logger, checked: CheckResult, blocks: number, ms: number): void {
  if (checked.ok) {
    log.info({ ...checked.stats, blocks, cited: checked.citations.length, ms }, 'model answer checked and used');
  } else {
    log.warn({ reason: checked.reason, ...checked.stats, blocks, ms }, 'model answer not used; serving the extractive answer');
  }
}

/**
 * Error fields safe above debug level: names, HTTP status and our own message. Library messages may echo the
 * response body, which can contain user text, so they stay at debug.
 */
function summarize(error: ModelError): Record<string, unknown> {
  const cause = error.cause;
  const status = typeof cause === 'object' && cause !== null && 'status' in cause ? (cause as { status: unknown }).status : undefined;
  return {
    type: error.name,
    message: error.message,
    cause: cause instanceof Error ? cause.name : typeof cause,
    ...(typeof status === 'number' ? { status } : {}),
  };
}
