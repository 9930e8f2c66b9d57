/**
 * The section tree of a repaired directive: title block, opening part, numbered sections, closing block.
 *
 * Labels follow the citation contract of the brief: heading numbers from the top joined by `.` (`II`, `II.1`,
 * `II.1.1.1` for `1.1.` under `II` › `1.`, `IV.2.a`), extended to the other layouts (`Điều 5.2.a`,
 * `Phần I.II.1`, `A.1`, `3.đ`, `Phụ lục.3`). The opening part before the first heading has the empty label.
 * Bullets (`-`, `+`) and inline enumerations (`(1) …`) are body text, never sections.
 *
 * The work is split by concern under structure/: markers (what a line's numbering is), heading-text (the
 * heading of a numbered line), blocks (title and closing blocks), quoted (amendment text in quotes), table
 * (appendix rows), outline (the tree and its labels) and parse-sections (the whole).
 */
export { type HeadingMarker, type MarkerKind, headingMarker, isBareMarker } from './structure/markers.ts';
export { cutAtWord, HEADING_CUT, isHeadingLine, numberedShape } from './structure/heading-text.ts';
export { isClosingLine, isOpeningLine, typeOfTitleLine } from './structure/blocks.ts';
export { parseSections, type SectionParse } from './structure/parse-sections.ts';
