/**
 * Zip bomb guard for .docx files. A .docx is a zip; a few kilobytes of DEFLATE data can expand to gigabytes.
 * Two checks, both before mammoth inflates anything:
 * 1. the uncompressed sizes the archive declares, which costs nothing and refuses an honest bomb at once;
 * 2. the real inflated size, counted while streaming each entry and stopped as soon as the budget is spent, because
 *    declared sizes are written by whoever made the file and can lie.
 */

import type JSZip from 'jszip';
import type { ExtractRefusal } from './extract-result.ts';
import { refuse } from './extract-result.ts';
import { reasons } from './reasons.ts';

/**
 * The size an entry declares in the zip's central directory. jszip keeps it on a private `_data` object (its own
 * typings mention it but do not expose it); if that ever changes, check 2 still bounds the work.
 */
function declaredSize(entry: JSZip.JSZipObject): number | undefined {
  const data: unknown = (entry as unknown as { _data?: unknown })._data;
  if (typeof data !== 'object' || data === null || !('uncompressedSize' in data)) return undefined;
  return typeof data.uncompressedSize === 'number' ? data.uncompressedSize : undefined;
}

function declaredTotal(entries: JSZip.JSZipObject[]): number {
  return entries.reduce((sum, entry) => sum + Math.max(0, declaredSize(entry) ?? 0), 0);
}

/**
 * Inflates one entry only to count its bytes, stopping once `budget` is exceeded or the signal fires. jszip's node
 * stream is an old-style Readable (not async iterable); once paused and unread, back-pressure pauses jszip's own
 * worker, so nothing more is inflated. The error listener stays attached for good: an `error` event without a
 * listener would be thrown.
 */
function inflatedSize(entry: JSZip.JSZipObject, budget: number, signal: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => {
    let total = 0;
    const stream = entry.nodeStream('nodebuffer');
    stream.on('error', reject);
    stream.on('end', () => resolve(total));
    stream.on('data', (chunk: Buffer | string) => {
      total += chunk.length;
      if (total <= budget && !signal.aborted) return;
      stream.pause();
      stream.removeAllListeners('data');
      resolve(total);
    });
  });
}

/**
 * Checks that a loaded zip inflates to at most `limit` bytes in total. Returns a refusal when it would not;
 * rejects when an entry is corrupt (the caller turns that into a corrupt-file refusal).
 */
export async function checkUnzippedSize(
  zip: JSZip,
  limit: number,
  signal: AbortSignal,
): Promise<ExtractRefusal | undefined> {
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  if (declaredTotal(entries) > limit) return refuse(reasons.unzippedTooLarge(limit));
  let remaining = limit;
  for (const entry of entries) {
    remaining -= await inflatedSize(entry, remaining, signal);
    if (remaining < 0) return refuse(reasons.unzippedTooLarge(limit));
    if (signal.aborted) return refuse(reasons.timeout());
  }
  return undefined;
}
