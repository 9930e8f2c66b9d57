/**
 * JSON shapes of the admin API: a document, a draft review (metadata, outline, warnings, what it replaces)
 * and the review warnings, recomputed from the current metadata so an edit clears the warning it answers.
 */
import type { DraftReview } from '../core/services.ts';
import type { StoredDocument, StoredSection } from '../core/types.ts';
import { documentLine } from '../answer/citation-label.ts';
import { foldedView, tidySpaces } from '../text/normalize.ts';
import { sameContentWarning } from '../admin/admin-service.ts';
import { TITLE_FROM_FILE_NAME } from '../../ingestion/analyse.ts';
import { titleFromSource } from '../../ingestion/source-name.ts';

import { forceChainLines } from '../answer/force-words.ts';
import { forceJson } from './force-views.ts';

/** One thing the admin should check before publishing. */
export interface ReviewWarning {
  code:
    | 'same_content'
    | 'no_type'
    | 'no_number'
    | 'no_title'
    | 'title_from_file_name'
    | 'no_issuer'
    | 'no_year'
    | 'no_outline'
    | 'replaces'
    | 'duplicate'
    | 'force';
  message: string;
}

/** The editable metadata of a document, as the API reads and writes it. */
export function metadataJson(d: StoredDocument) {
  return {
    type: d.type,
    number: d.number,
    title: d.title,
    issuer: d.issuer,
    year: d.year,
    yearSource: d.yearSource,
    issuedOn: d.issuedOn,
    signer: d.signer,
    signerRole: d.signerRole,
    place: d.place,
  };
}

/** A document in lists and details. */
export function documentJson(d: StoredDocument) {
  return {
    id: d.id,
    status: d.status,
    version: d.version,
    replacedBy: d.replacedBy,
    source: d.source,
    name: documentLine(d),
    createdAt: d.createdAt.toISOString(),
    sectionCount: d.sectionCount,
    metadata: metadataJson(d),
  };
}

/** Outline entries in reading order. */
export function outlineJson(sections: Array<Pick<StoredSection, 'label' | 'heading' | 'level'>>) {
  return sections.map((s) => ({ label: s.label, heading: s.heading, level: s.level }));
}

/** The document text rebuilt from its sections (heading lines and bodies), each part tagged with its label. */
export function textParts(sections: StoredSection[]): Array<{ label: string; headingLine: string; body: string }> {
  return sections.map((s) => ({ label: s.label, headingLine: s.headingLine, body: s.body }));
}

/** Same type, year and title (case, tone marks and spacing ignored): probably the same document. */
export function looksLikeDuplicate(a: StoredDocument, b: StoredDocument): boolean {
  const key = (d: StoredDocument) => `${d.type ?? ''}|${d.year ?? ''}|${foldedView(tidySpaces(d.title))}`;
  return a.id !== b.id && key(a) === key(b);
}

/** Warnings for a draft: missing metadata, an empty outline, what it replaces, likely duplicates. */
export function reviewWarnings(review: DraftReview, duplicates: StoredDocument[]): ReviewWarning[] {
  const d = review.document;
  const out: ReviewWarning[] = [];
  if (review.sameContent) out.push({ code: 'same_content', message: sameContentWarning(d) });
  if (d.type === null) out.push({ code: 'no_type', message: 'Không xác định được loại văn bản' });
  if (d.number === null) out.push({ code: 'no_number', message: 'Không có số văn bản' });
  if (!d.title) out.push({ code: 'no_title', message: 'Không tìm thấy trích yếu của văn bản' });
  // Until the admin writes a title of their own.
  const titleFromFile = d.warnings.find((w) => w.startsWith(TITLE_FROM_FILE_NAME));
  if (titleFromFile && d.title === titleFromSource(d.source)) out.push({ code: 'title_from_file_name', message: titleFromFile });
  if (d.issuer === null) out.push({ code: 'no_issuer', message: 'Không tìm thấy cơ quan ban hành' });
  if (d.year === null) out.push({ code: 'no_year', message: 'Không tìm thấy năm của văn bản' });
  if (!review.outline.some((s) => s.label !== '')) out.push({ code: 'no_outline', message: 'Không tìm thấy đề mục nào' });
  if (review.replaces) {
    const r = review.replaces;
    out.push({ code: 'replaces', message: `Có thể là phiên bản mới của: ${documentLine(r)} (phiên bản ${r.version}); khi đăng, bản cũ sẽ được thay thế` });
  }
  // What its statements of force will do ("Sẽ thay thế: Quy định số 05-QĐ/TU ngày 12/9/2019"), and what already replaced it.
  for (const line of forceChainLines(review.force?.force, { draft: d.status === 'draft' })) out.push({ code: 'force', message: line });
  for (const dup of duplicates) {
    out.push({ code: 'duplicate', message: `Có thể trùng với văn bản đã có: ${documentLine(dup)} (tệp ${dup.source})` });
  }
  return out;
}

/** The review body: `{id, status, metadata, outline, warnings, replaces, force, source, text}`. */
export function reviewJson(review: DraftReview, duplicates: StoredDocument[], sections: StoredSection[]) {
  const d = review.document;
  return {
    id: d.id,
    status: d.status,
    source: d.source,
    metadata: metadataJson(d),
    outline: outlineJson(review.outline),
    warnings: reviewWarnings(review, duplicates),
    replaces: review.replaces ? documentJson(review.replaces) : null,
    force: forceJson(review.force, d.status === 'draft'),
    text: textParts(sections),
    /** The upload had the same bytes as this stored draft or document: nothing new was stored. */
    same_content: review.sameContent === true,
  };
}
