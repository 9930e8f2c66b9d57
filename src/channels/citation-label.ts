/** Citation wording for channels; it lives with the answer engine, which also writes plain-text answers. */
export { citationLine, documentLine, documentName, labelInWords, sectionName } from '../answer/citation-label.ts';
export { citationForce, forceChainLines, forceStatusLine } from '../answer/force-words.ts';
