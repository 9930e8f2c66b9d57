/**
 * `npm run ask -- [--json] "<question>"`: answers one question from the store selected by DATABASE_URL
 * (an empty store is first filled from data/documents). With --json, stdout holds exactly one JSON object.
 */
import { loadConfig } from '../config.ts';
import { createLogger } from '../app/logger.ts';
import { embedMissing, openCore, seedIfEmpty } from '../app/open-core.ts';
import { parseArgs } from 'node:util';
import { toAskJson } from '../ask/ask-json.ts';
import { answerOf, createAskService } from '../ask/ask-service.ts';
import { runCli } from './run-cli.ts';

async function main(): Promise<number> {
  const args = parseArgs({ args: process.argv.slice(2), options: { json: { type: 'boolean' } }, allowPositionals: true });
  const question = args.positionals.join(' ').trim();
  if (question === '') {
    process.stderr.write('Usage: npm run ask -- [--json] "<câu hỏi>"\n');
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const core = await openCore({ config, logger });
  try {
    await seedIfEmpty(core, config.DOCUMENTS_DIR, logger);
    await embedMissing(core, logger);
    // Checked like any channel's question; not recorded (no activity log): a one-off from the command line.
    const asking = createAskService({ engine: core.engine, logger, maxQuestionChars: config.MAX_QUESTION_CHARS });
    const answer = answerOf(await asking.ask({ text: question, conversationId: 'cli', channel: 'cli' }));
    process.stdout.write(args.values.json ? `${JSON.stringify(toAskJson(answer))}\n` : `${answer.text}\n`);
    return 0;
  } finally {
    await core.close();
  }
}

runCli('ask', main);
