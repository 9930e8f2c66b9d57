/**
 * Decodes the bytes of a text file (plain text, Markdown, HTML) to a string: UTF-8 with or without BOM, UTF-16
 * LE/BE with a BOM or recognised by its NUL-byte pattern. Anything else is refused as binary, or as an unsupported
 * encoding when it looks like text in a legacy code page (Windows-1258, TCVN3, VNI). The text is returned exactly as
 * decoded, apart from the BOM; repair is the parser's job.
 */

import type { ExtractRefusal } from './extract-result.ts';
import { refuse } from './extract-result.ts';
import { reasons } from './reasons.ts';

/** A decoded text, or a refusal. */
export type DecodeResult = { ok: true; text: string } | ExtractRefusal;

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

// How many leading bytes the UTF-16 guess looks at: enough for a stable ratio, cheap on a 20 MB file.
const SAMPLE_BYTES = 8192;
// Without a BOM, UTF-16 text of Latin-script languages has a NUL high byte in most code units (ASCII letters,
// spaces, digits, Latin-1 vowels), while UTF-8 text has no NUL at all. Vietnamese letters outside Latin-1 (ơ, ư,
// ạ…) have non-zero high bytes, so the bar is deliberately below one half.
const UTF16_MIN_NUL_SHARE = 0.3;
// The other byte of each code unit is almost never NUL in text.
const UTF16_MAX_OTHER_NUL_SHARE = 0.05;
// Above this share of control characters (NUL, C0 other than tab/newlines/form feed, DEL, C1) a file is binary.
const MAX_CONTROL_SHARE = 0.01;

function hasBom(bytes: Uint8Array, bom: readonly number[]): boolean {
  return bytes.length >= bom.length && bom.every((byte, i) => bytes[i] === byte);
}

/** Guesses UTF-16 without a BOM from where the NUL bytes fall; `undefined` when the pattern is absent. */
function guessUtf16(bytes: Uint8Array): Encoding | undefined {
  const pairs = Math.floor(Math.min(bytes.length, SAMPLE_BYTES) / 2);
  if (pairs === 0) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  const even = evenNuls / pairs;
  const odd = oddNuls / pairs;
  if (odd >= UTF16_MIN_NUL_SHARE && even <= UTF16_MAX_OTHER_NUL_SHARE) return 'utf-16le';
  if (even >= UTF16_MIN_NUL_SHARE && odd <= UTF16_MAX_OTHER_NUL_SHARE) return 'utf-16be';
  return undefined;
}

function detectEncoding(bytes: Uint8Array): Encoding {
  if (hasBom(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (hasBom(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (hasBom(bytes, [0xfe, 0xff])) return 'utf-16be';
  return guessUtf16(bytes) ?? 'utf-8';
}

function isControl(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d) return false;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** Share of control characters among the UTF-16 code units of a string. */
function controlShareOfText(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (isControl(text.charCodeAt(i))) count++;
  }
  return text.length === 0 ? 0 : count / text.length;
}

/** Share of ASCII control bytes among raw bytes (used when the bytes are not valid in any supported encoding). */
function controlShareOfBytes(bytes: Uint8Array): number {
  let count = 0;
  for (const byte of bytes) {
    if (byte < 0x80 && isControl(byte)) count++;
  }
  return bytes.length === 0 ? 0 : count / bytes.length;
}

/**
 * Decodes a text file's bytes. Refuses invalid byte sequences (binary, or legacy-encoded text) and text with a
 * high share of control characters.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  const encoding = detectEncoding(bytes);
  let text: string;
  try {
    // fatal: invalid sequences throw instead of becoming U+FFFD; the BOM (if any) is removed by the decoder.
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return refuse(controlShareOfBytes(bytes) > MAX_CONTROL_SHARE ? reasons.binary() : reasons.encoding());
  }
  if (controlShareOfText(text) > MAX_CONTROL_SHARE) return refuse(reasons.binary());
  return { ok: true, text };
}
