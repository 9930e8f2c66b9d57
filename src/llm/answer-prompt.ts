/**
 * The chat prompt of the model path: a Vietnamese system text and a user template read from `prompts/`,
 * and the numbered context blocks the model must cite as `[n]`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { SystemMessage } from '@langchain/core/messages';
import { citationLine } from '../answer/citation-label.ts';
import { ConfigError } from '../core/errors.ts';
import type { Citation } from '../core/types.ts';

/** What the prompt is filled with. */
export interface AnswerPromptInput {
  /** The numbered context blocks, see {@link contextBlocks}. */
  context: string;
  question: string;
}

/** File names inside the prompts folder. */
export const SYSTEM_PROMPT_FILE = 'answer.system.md';
export const USER_PROMPT_FILE = 'answer.user.md';

const REQUIRED_VARIABLES = ['context', 'question'];

/**
 * Reads the two prompt files once and builds the chat prompt. The system text is passed as a fixed message,
 * not a template, so it may contain any character; the user template must use exactly `{context}` and
 * `{question}`. Throws ConfigError naming the file when a file is missing or the template is wrong.
 */
export function loadAnswerPrompt(promptsDir: string): ChatPromptTemplate<AnswerPromptInput> {
  const system = readPrompt(join(promptsDir, SYSTEM_PROMPT_FILE));
  const userPath = join(promptsDir, USER_PROMPT_FILE);
  const user = readPrompt(userPath);
  let prompt: ChatPromptTemplate<AnswerPromptInput>;
  try {
    prompt = ChatPromptTemplate.fromMessages<AnswerPromptInput>([new SystemMessage(system), ['human', user]]);
  } catch (err) {
    throw new ConfigError(`${userPath}: not a valid prompt template`, { cause: err });
  }
  const variables = [...prompt.inputVariables].sort();
  if (variables.join(',') !== REQUIRED_VARIABLES.join(',')) {
    throw new ConfigError(`${userPath}: must use exactly {context} and {question}, found {${variables.join('}, {')}}`);
  }
  return prompt;
}

/**
 * Numbered context blocks, one per citation, in the order of `citations`:
 * `[1] <document, year, issuer, section label and heading>` then the verbatim quote. Block n is `citations[n-1]`.
 */
export function contextBlocks(citations: readonly Citation[]): string {
  return citations.map((c, i) => `${blockHeader(c, i + 1)}\n${c.quote}`).join('\n\n');
}

/** The first line of block `n`. */
export function blockHeader(c: Citation, n: number): string {
  return `[${n}] ${citationLine(c)}`;
}

function readPrompt(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`prompt file ${path} cannot be read`, { cause: err });
  }
  if (text.trim() === '') throw new ConfigError(`prompt file ${path} is empty`);
  return text.trim();
}
