// @ts-check
/**
 * Worker thread that turns .docx and HTML into text for markup-parser.ts, one job at a time, for as long as the
 * parent keeps it. Why a worker: parsing a hostile file must neither block the event loop that answers users
 * and health checks nor take the process's memory; here the parent caps the heap and can terminate a runaway
 * parse at any instruction. Plain JavaScript because worker threads start without the TypeScript loader.
 *
 * Input (message): { id, format: 'docx', bytes: Uint8Array, limits } | { id, format: 'html', text: string, limits }.
 * Output (message): { id, result: { ok: true, text } | { ok: false, kind } }, kind naming what refused the file.
 */

import { parentPort } from 'node:worker_threads';
import { docxToText } from './docx-text.mjs';
import { htmlToText, LimitExceeded } from './html-text.mjs';

/**
 * @param {{ format: 'docx', bytes: Uint8Array, limits: import('./docx-text.mjs').DocxLimits }
 *   | { format: 'html', text: string, limits: import('./docx-text.mjs').DocxLimits }} job
 */
async function run(job) {
  if (job.format === 'docx') return docxToText(job.bytes, job.limits);
  try {
    return { ok: true, text: htmlToText(job.text, job.limits) };
  } catch (error) {
    return { ok: false, kind: error instanceof LimitExceeded ? error.kind : 'corrupt' };
  }
}

parentPort?.on('message', async (/** @type {any} */ message) => {
  parentPort?.postMessage({ id: message.id, result: await run(message) });
});
