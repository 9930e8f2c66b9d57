import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentMetadata, ParsedSection } from '../../src/core/types.ts';
import { chunkSections, splitBody } from '../../ingestion/chunk.ts';
import { parseDocument } from '../../ingestion/parse-document.ts';

const META: DocumentMetadata = {
  type: 'Kế hoạch',
  number: '12-KH/ĐU',
  title: 'tuyên truyền năm 2023',
  issuer: null,
  signer: null,
  signerRole: null,
  place: null,
  issuedOn: null,
  year: 2023,
  yearSource: 'title',
};

function section(label: string, order: number, parentLabel: string | null, headingLine: string, body: string): ParsedSection {
  return { label, order, parentLabel, headingLine, heading: headingLine.replace(/^\S+\s/u, ''), level: label.split('.').length, body };
}

describe('splitBody', () => {
  it('keeps a short body whole', () => {
    expect(splitBody('- một\n\n- hai', 100)).toEqual(['- một\n\n- hai']);
  });

  it('splits at bullets before sentences', () => {
    const body = ['- a'.repeat(10), '- b'.repeat(10), '- c'.repeat(10)].join('\n\n');
    expect(splitBody(body, 70)).toEqual(['- a'.repeat(10) + '\n\n' + '- b'.repeat(10), '- c'.repeat(10)]);
  });

  it('splits a long paragraph at sentences, then clauses, then words', () => {
    const sentence = 'Tuyên truyền sâu rộng trong cán bộ; đảng viên và Nhân dân. ';
    const body = sentence.repeat(5).trim();
    const pieces = splitBody(body, 130);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(130);
      expect(body).toContain(p);
      expect(p.endsWith('.')).toBe(true);
    }
    const words = splitBody('một hai ba bốn năm sáu', 8);
    expect(words).toEqual(['một hai', 'ba bốn', 'năm sáu']);
    expect(splitBody('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });
});

describe('chunkSections', () => {
  const sections = [
    section('II', 0, null, 'II. NỘI DUNG TUYÊN TRUYỀN', ''),
    section('II.1', 1, 'II', '1. Nội dung trọng tâm', '- Ý một.\n\n- Ý hai.'),
  ];

  it('gives a pure heading one chunk with its heading line', () => {
    const chunks = chunkSections({ metadata: META, sections });
    expect(chunks[0]).toMatchObject({ sectionOrder: 0, order: 0, text: 'II. NỘI DUNG TUYÊN TRUYỀN' });
  });

  it('builds searchText from the document, the heading path and the text', () => {
    const chunks = chunkSections({ metadata: META, sections });
    expect(chunks[1]!.searchText).toBe(
      'Kế hoạch 12-KH/ĐU tuyên truyền năm 2023\nII. NỘI DUNG TUYÊN TRUYỀN > 1. Nội dung trọng tâm\n- Ý một.\n\n- Ý hai.',
    );
  });

  it('numbers chunks within their section', () => {
    const chunks = chunkSections({ metadata: META, sections }, { maxChars: 8 });
    expect(chunks.map((c) => [c.sectionOrder, c.order, c.text])).toEqual([
      [0, 0, 'II. NỘI DUNG TUYÊN TRUYỀN'],
      [1, 0, '- Ý một.'],
      [1, 1, '- Ý hai.'],
    ]);
  });
});

describe('chunking the bundled documents', () => {
  const dir = join(import.meta.dirname, '../../data/documents');
  for (const source of readdirSync(dir).sort()) {
    it(`${source}: no chunk crosses a section and long sections are split`, () => {
      const doc = parseDocument({ source, text: readFileSync(join(dir, source), 'utf8'), contentHash: 'h' });
      for (const maxChars of [1000, 300]) {
        const chunks = chunkSections(doc, { maxChars });
        for (const s of doc.sections) {
          const own = chunks.filter((c) => c.sectionOrder === s.order);
          expect(own.length, `chunks of ${s.label}`).toBeGreaterThan(0);
          if (s.body.length > maxChars) expect(own.length).toBeGreaterThan(1);
          for (const c of own) {
            expect(c.text.length).toBeLessThanOrEqual(Math.max(maxChars, s.headingLine.length));
            expect(s.body === '' ? c.text === s.headingLine : s.body.includes(c.text)).toBe(true);
          }
        }
      }
    });
  }
});

describe('chunkSections: appendix table rows', () => {
  const appendix = section('Phụ lục', 0, null, 'PHỤ LỤC', 'NHIỆM VỤ CỤ THỂ\n\nSTT | Nội dung công việc | Cơ quan chủ trì | Thời gian hoàn thành');
  appendix.heading = 'NHIỆM VỤ CỤ THỂ';
  const rowLine = '2 | Biên soạn tài liệu hỏi - đáp | Ban Tuyên giáo Đảng ủy Khối | Trước ngày 31/3/2025';
  const row = section('Phụ lục.2', 1, 'Phụ lục', rowLine, rowLine);

  it('keeps the row verbatim as the chunk text and searches it by column name', () => {
    const chunks = chunkSections({ metadata: META, sections: [appendix, row] });
    expect(chunks[1]).toEqual({
      sectionOrder: 1,
      order: 0,
      text: rowLine,
      searchText:
        'Kế hoạch 12-KH/ĐU tuyên truyền năm 2023\nPHỤ LỤC NHIỆM VỤ CỤ THỂ\nNội dung công việc: Biên soạn tài liệu hỏi - đáp; Cơ quan chủ trì: Ban Tuyên giáo Đảng ủy Khối; Thời gian hoàn thành: Trước ngày 31/3/2025',
    });
  });

  it('chunks a numbered line outside an appendix as ordinary text', () => {
    const plain = section('II.1', 1, 'II', '1. Việc', '3 | không phải dòng bảng');
    const chunks = chunkSections({ metadata: META, sections: [section('II', 0, null, 'II. HAI', ''), plain] });
    expect(chunks[1]!.searchText.endsWith('3 | không phải dòng bảng')).toBe(true);
  });
});
