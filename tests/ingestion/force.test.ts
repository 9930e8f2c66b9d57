/**
 * Statements of force found at ingestion: what a document replaces, abolishes, amends, ends or continues, and
 * when it takes effect — and the many sentences with the same words that state nothing (tasks, narration).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractForce } from '../../ingestion/force.ts';
import { parseDocument } from '../../ingestion/parse-document.ts';
import type { ParsedSection } from '../../src/core/types.ts';

const FORCE_DOCS = 'tests/force/documents';

function body(text: string, label = 'Điều 9'): ParsedSection[] {
  return [{ label, heading: 'Hiệu lực thi hành', headingLine: `${label}. Hiệu lực thi hành`, level: 1, order: 0, parentLabel: null, body: text }];
}

function statements(text: string, own: string | null = '12-QĐ/TU', title = '') {
  return extractForce(body(text), { number: own, title }).map((s) => ({ kind: s.kind, target: s.target?.number ?? null, date: s.date, fromSigning: s.fromSigning }));
}

describe('statements of force', () => {
  it('reads "có hiệu lực kể từ ngày ký, thay thế …" as taking effect at signing and replacing, with the target as cited', () => {
    const text = 'Quy định này có hiệu lực kể từ ngày ký, thay thế Quy định số 05-QĐ/TU, ngày 12/9/2019 của Ban Thường vụ Tỉnh ủy về việc tiếp dân.';
    const found = extractForce(body(text), { number: '12-QĐ/TU', title: '' });
    expect(found.map((s) => s.kind)).toEqual(['effective', 'replaces']);
    expect(found[1]).toMatchObject({
      target: { type: 'Quy định', number: '05-QĐ/TU', date: '2019-09-12', issuer: 'Ban Thường vụ Tỉnh ủy' },
      sectionLabel: 'Điều 9',
      text,
    });
    expect(found[0]).toMatchObject({ fromSigning: true, target: null });
  });

  it('reads an effective date written out, numeric or in words', () => {
    expect(statements('Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2024.')).toEqual([{ kind: 'effective', target: null, date: '2024-07-01', fromSigning: false }]);
    expect(statements('Kế hoạch này có hiệu lực từ ngày 15/3/2025.')).toEqual([{ kind: 'effective', target: null, date: '2025-03-15', fromSigning: false }]);
  });

  it('lists every document a cue names, after it or before a passive cue', () => {
    expect(statements('Bãi bỏ Hướng dẫn số 07-HD/BTGTU, ngày 03/3/2022 và Hướng dẫn số 09-HD/BTGTU, ngày 10/5/2022 của Ban Tuyên giáo Tỉnh ủy.')).toEqual([
      { kind: 'abolishes', target: '07-HD/BTGTU', date: null, fromSigning: false },
      { kind: 'abolishes', target: '09-HD/BTGTU', date: null, fromSigning: false },
    ]);
    expect(statements('Quy định số 05-QĐ/TU, ngày 12/9/2019 của Ban Thường vụ Tỉnh ủy hết hiệu lực kể từ ngày 01/01/2025.')).toEqual([
      { kind: 'expires', target: '05-QĐ/TU', date: '2025-01-01', fromSigning: false },
    ]);
    expect(statements('Chỉ thị số 03-CT/TU, ngày 15/6/2016 của Ban Thường vụ Tỉnh ủy về tiếp dân được tiếp tục thực hiện.')).toEqual([
      { kind: 'continues', target: '03-CT/TU', date: null, fromSigning: false },
    ]);
  });

  it('reads a law ending the law it replaces, past the amendments it narrates', () => {
    const text = 'Luật Giáo dục số 38/2005/QH11 đã được sửa đổi, bổ sung một số điều theo Luật số 44/2009/QH12 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.';
    expect(statements(text, '43/2019/QH14')).toEqual([{ kind: 'expires', target: '38/2005/QH11', date: null, fromSigning: false }]);
    expect(statements('Quy định số 05-QĐ/TU được thay thế bằng Quy định này.').map((s) => [s.kind, s.target])).toEqual([['replaces', '05-QĐ/TU']]);
  });

  it('reads a list under "… hết hiệu lực:" item by item', () => {
    const found = extractForce(body('Các văn bản sau hết hiệu lực kể từ ngày Quy định này có hiệu lực:\n- Quy định số 05-QĐ/TU, ngày 12/9/2019;\n- Hướng dẫn số 02-HD/TU, ngày 01/10/2019.'), { number: '12-QĐ/TU', title: '' });
    expect(found.map((s) => [s.kind, s.target?.number])).toEqual([
      ['expires', '05-QĐ/TU'],
      ['expires', '02-HD/TU'],
    ]);
  });

  it('takes a replacement or abolition of parts of a document for an amendment', () => {
    expect(statements('Bãi bỏ khoản 2 Điều 5 của Quy định số 05-QĐ/TU, ngày 12/9/2019.').map((s) => s.kind)).toEqual(['amends']);
    expect(statements('Sửa đổi, bổ sung một số điều của Quy định số 05-QĐ/TU như sau:').map((s) => s.kind)).toEqual(['amends']);
  });

  it('reads the title ("Quy định sửa đổi, bổ sung … Quy định số 05-QĐ/TU, ngày …") and keeps one statement per act', () => {
    const title = 'sửa đổi, bổ sung một số điều của Quy định số 05-QĐ/TU, ngày 12/9/2019 của Ban Thường vụ Tỉnh ủy';
    const found = extractForce(body('1. Sửa đổi khoản 1 Điều 3 của Quy định số 05-QĐ/TU như sau: …'), { number: '15-QĐ/TU', title });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'amends', sectionLabel: 'Điều 9', target: { number: '05-QĐ/TU', date: '2019-09-12' } });
  });

  it.each([
    ['a task to amend', 'Nghiên cứu sửa đổi, bổ sung Quy định số 05-QĐ/TU cho phù hợp với tình hình mới.'],
    ['a proposal', 'Ban Tổ chức tham mưu thay thế Quy định số 05-QĐ/TU trong quý IV.'],
    ['another document acting', 'Triển khai Quy định số 12-QĐ/TU thay thế Quy định số 05-QĐ/TU đến chi bộ.'],
    ['a task to continue', 'Tiếp tục thực hiện Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị.'],
    ['replaced by another document', 'Quy định số 05-QĐ/TU đã được thay thế bằng Quy định số 12-QĐ/TU.'],
    ['prose without a document', 'Không thể thay thế vai trò của chi bộ; bãi bỏ các thủ tục không cần thiết.'],
  ])('states nothing in %s', (_name, text) => {
    expect(statements(text, '20-KH/TU').filter((s) => s.kind !== 'effective')).toEqual([]);
  });

  it('never names the document itself', () => {
    expect(statements('Quy định số 12-QĐ/TU thay thế Quy định số 05-QĐ/TU.', '12-QĐ/TU').map((s) => s.target)).toEqual(['05-QĐ/TU']);
  });

  it('finds nothing in the bundled corpus and the layout fixtures, which state no force', () => {
    // The shared fixtures live beside the repository only on the development machine.
    for (const dir of ['data/documents', '../shared/fixtures/documents'].filter((d) => existsSync(d))) {
      for (const f of readdirSync(dir).filter((name) => name.endsWith('.txt'))) {
        const doc = parseDocument({ source: f, text: readFileSync(join(dir, f), 'utf8'), contentHash: f });
        expect(doc.force.filter((s) => s.kind !== 'effective'), f).toEqual([]);
      }
    }
  });

  it('finds the relations of the acceptance documents', () => {
    const found = (file: string) => parseDocument({ source: file, text: readFileSync(join(FORCE_DOCS, file), 'utf8'), contentHash: file }).force;
    expect(found('2024-quy-dinh-12-qd-tu-lam-giang-tiep-dan.txt').map((s) => [s.kind, s.target?.number ?? null])).toEqual([
      ['effective', null],
      ['replaces', '05-QĐ/TU'],
    ]);
    expect(found('2025-ke-hoach-41-kh-tu-lam-giang-sua-doi-chuyen-doi-so.txt').map((s) => [s.kind, s.target?.number ?? null, s.target?.date ?? null])).toEqual([
      ['amends', '30-KH/TU', '2025-01-10'],
      ['effective', null, null],
    ]);
    expect(found('2025-quyet-dinh-88-qd-btgtu-lam-giang-bai-bo-huong-dan.txt').map((s) => [s.kind, s.target?.number ?? null])).toEqual([
      ['abolishes', '07-HD/BTGTU'],
      ['effective', null],
    ]);
    expect(found('2025-ke-hoach-30-kh-tu-lam-giang-chuyen-doi-so.txt')).toEqual([]);
  });
});
