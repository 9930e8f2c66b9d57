/**
 * The heading text of a numbered line: a short heading, a paragraph with a lead (`Ban Tổ chức Huyện uỷ: …`),
 * or a long paragraph whose heading is its first words.
 */
import { headingMarker } from './markers.ts';

/** Longest heading text kept for a numbered paragraph that has no lead of its own. */
export const HEADING_CUT = 80;
/** A numbered line longer than this is a paragraph even without final punctuation. */
const LONG_PARAGRAPH = 250;
const LEAD = /^([^:]{2,80}):\s+(\S.*)$/u;
/** A first sentence in capitals (`1. TĂNG CƯỜNG SỰ LÃNH ĐẠO. Các cấp ủy …`) is the paragraph's lead. */
const CAPS_LEAD = /^([^.!?;:]{4,80}?)[.:]\s+(\p{Lu}.*)$/u;

/** Cuts a text at a word boundary to at most `max` characters, marking the cut with `…`. */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const space = head.lastIndexOf(' ');
  return `${(space > 0 ? head.slice(0, space) : head.slice(0, max - 1)).replace(/[\s,;:.]+$/u, '')}…`;
}

function isCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase();
}

/**
 * A paragraph's short first sentence, when the paragraph goes on after it (`Chuẩn bị tốt văn kiện đại hội. Báo cáo
 * chính trị phải …` → `Chuẩn bị tốt văn kiện đại hội`): the point's own lead, better than its first 80 characters.
 */
function firstSentence(paragraph: string): string | null {
  const m = /^(.{12,80}?)\.\s+\p{Lu}/u.exec(paragraph);
  if (!m || /\d$/u.test(m[1] as string) || (m[1] as string).split(' ').length < 3) return null;
  return m[1] as string;
}

/**
 * How a numbered line reads: a short heading (body follows on later lines), a paragraph with a lead
 * (`Ban Tổ chức Huyện uỷ: Theo dõi…` → heading = lead, body starts after the colon; likewise a lead in capitals
 * ending with a full stop), or a long paragraph (heading = its first words, body = the whole paragraph).
 */
export function numberedShape(rest: string): { heading: string; firstBody: string | null } {
  const lead = LEAD.exec(rest);
  if (lead && !/[.;!?]\s/u.test(lead[1] as string)) return { heading: (lead[1] as string).trim(), firstBody: lead[2] as string };
  const caps = CAPS_LEAD.exec(rest);
  if (caps && isCapitals(caps[1] as string)) return { heading: (caps[1] as string).trim(), firstBody: caps[2] as string };
  const endsSentence = /[.;!?…]$/u.test(rest);
  if (rest.length > LONG_PARAGRAPH || (endsSentence && rest.length > HEADING_CUT)) {
    return { heading: firstSentence(rest) ?? cutAtWord(rest, HEADING_CUT), firstBody: rest };
  }
  return { heading: rest.replace(/\s*[:.]$/u, ''), firstBody: null };
}

/** True for a line that is only a heading: a part, chapter, article, Roman or lettered part, or a short numbered line. */
export function isHeadingLine(line: string): boolean {
  const marker = headingMarker(line);
  if (!marker) return false;
  if (marker.kind === 'arabic' || marker.kind === 'composite' || marker.kind === 'letter') {
    return numberedShape(marker.rest).firstBody === null;
  }
  return true;
}
