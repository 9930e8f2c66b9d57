/**
 * .docx and HTML files, read by the markup worker (markup-parser.ts): the .docx bytes or the decoded HTML source
 * go to the worker, and what it reports becomes the text or a refusal naming the limit that stopped it.
 */
import { decodeText } from './decode-text.ts';
import type { ExtractResult } from './extract-result.ts';
import { refuse, refuseOverLimit } from './extract-result.ts';
import type { ExtractLimits } from './limits.ts';
import type { MarkupOutcome, MarkupParser } from './markup-parser.ts';
import { reasons } from './reasons.ts';

function toResult(outcome: MarkupOutcome, format: 'docx' | 'html', limits: ExtractLimits): ExtractResult {
  if (outcome.ok) return { ok: true, text: outcome.text, format };
  switch (outcome.kind) {
    case 'corrupt':
      return refuse(format === 'docx' ? reasons.corruptDocx() : reasons.corruptHtml());
    case 'unzipped-too-large':
      return refuseOverLimit(reasons.unzippedTooLarge(limits.maxUnzippedBytes));
    case 'too-many-elements':
      return refuseOverLimit(reasons.tooManyElements(limits.maxElements));
    case 'text-too-long':
      return refuseOverLimit(reasons.textTooLong(limits.maxTextChars));
    case 'out-of-memory':
      return refuseOverLimit(reasons.parseMemory(limits.maxParseMemoryMb));
    case 'timeout':
      return refuse(reasons.timeout(limits.timeoutMs));
  }
}

/** Extracts the text of a .docx file (paragraphs separated by blank lines, formatting dropped). */
export async function extractDocx(bytes: Uint8Array, limits: ExtractLimits, markup: MarkupParser, signal: AbortSignal): Promise<ExtractResult> {
  return toResult(await markup.parse({ format: 'docx', bytes }, limits, signal), 'docx', limits);
}

/**
 * Extracts the text of an `.html`/`.htm` file: scripts, styles and the head dropped, blocks as line breaks, list
 * items as `- ` bullets, entities decoded.
 */
export async function extractHtml(bytes: Uint8Array, limits: ExtractLimits, markup: MarkupParser, signal: AbortSignal): Promise<ExtractResult> {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  return toResult(await markup.parse({ format: 'html', text: decoded.text }, limits, signal), 'html', limits);
}
