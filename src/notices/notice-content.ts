/**
 * What the notice of a published document says: its type, number, title, issuer and year, its purpose quoted
 * in two or three lines — whole clauses, verbatim, from its "Mục đích" part, or from its opening when it has
 * none — and what to type to open it.
 */
import type { DocumentNotice } from '../core/notices.ts';
import type { StoredDocument, StoredSection } from '../core/types.ts';
import { clausesOf } from '../answer/clauses.ts';
import { foldedView } from '../text/normalize.ts';

/** At most this many lines of purpose. */
const PURPOSE_LINES = 3;
/** The purpose lines together stay about this short (a notice is read on a phone). */
const PURPOSE_CHARS = 450;

function isPurposeHeading(heading: string): boolean {
  return /\bmuc dich\b/u.test(foldedView(heading));
}

/**
 * The section the purpose is read from: a part headed "Mục đích" (the "1. Mục đích" under "I. MỤC ĐÍCH, YÊU
 * CẦU" when there is one, else the part itself), or the opening, or the first section with text.
 */
function purposeSection(sections: StoredSection[]): StoredSection | null {
  const headed = sections.filter((s) => isPurposeHeading(s.heading));
  const withText = (s: StoredSection) => s.body.trim() !== '';
  return (
    headed.find((s) => withText(s) && !headed.some((other) => other.parentLabel === s.label)) ??
    headed.find(withText) ??
    sections.find((s) => s.label === '' && withText(s)) ??
    sections.find(withText) ??
    null
  );
}

/** The first clauses of the section, within the line and length budget (at least one). */
function purposeLines(section: StoredSection): string[] {
  const lines: string[] = [];
  let used = 0;
  for (const clause of clausesOf(section.body)) {
    if (lines.length >= PURPOSE_LINES || (lines.length > 0 && used + clause.text.length > PURPOSE_CHARS)) break;
    lines.push(clause.text);
    used += clause.text.length;
  }
  return lines;
}

/** The notice of a document from its stored metadata and sections. */
export function noticeFor(document: StoredDocument, sections: StoredSection[]): DocumentNotice {
  const section = purposeSection(sections);
  return {
    documentId: document.id,
    type: document.type,
    number: document.number,
    title: document.title,
    issuer: document.issuer,
    year: document.year,
    purpose: section ? purposeLines(section) : [],
    purposeSection: section?.label ?? '',
    reference: document.number ?? (document.title.trim() || document.source),
  };
}
