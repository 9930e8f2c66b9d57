import { describe, expect, it } from 'vitest';
import { parseSections } from '../../ingestion/structure.ts';

// Invented texts in the shape of a Quyết định that promulgates a Quy chế, and of a Kế hoạch sent with a Đề cương.
const DECISION = `TỈNH ỦY NAM ĐỒNG
Số 40-QĐ/TU

QUYẾT ĐỊNH
ban hành Quy chế phối hợp công tác dân vận

Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp công tác dân vận.

Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận:
- Như Điều 2,
- Lưu Văn phòng.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Nguyễn Văn An

-----

TỈNH ỦY NAM ĐỒNG

QUY CHẾ
phối hợp công tác dân vận
(Ban hành kèm theo Quyết định số 40-QĐ/TU, ngày 02/3/2025)
-----

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc phối hợp công tác dân vận.

Điều 2. Nguyên tắc phối hợp
1. Bảo đảm sự lãnh đạo của cấp ủy.
2. Họp giao ban mỗi quý một lần.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Nguyễn Văn An
`;

const PLAN = `ĐẢNG ỦY XÃ AN PHÚ
Số 7-KH/ĐU

KẾ HOẠCH
tuyên truyền kỷ niệm ngày thành lập Đảng

I. MỤC ĐÍCH, YÊU CẦU
Tuyên truyền sâu rộng.

II. NỘI DUNG
Theo đề cương kèm theo.

T/M ĐẢNG ỦY
BÍ THƯ

Trần Thị Bình

ĐỀ CƯƠNG TUYÊN TRUYỀN
kỷ niệm ngày thành lập Đảng
(Kèm theo Kế hoạch số 7-KH/ĐU)

I. LỊCH SỬ RA ĐỜI
1. Bối cảnh lịch sử
Phong trào yêu nước đầu thế kỷ XX.

II. NHIỆM VỤ HIỆN NAY
Xây dựng Đảng trong sạch, vững mạnh.
`;

describe('parseSections: a text issued with the document, after its signature', () => {
  it('parses a promulgated Quy chế with plain article labels, the decision’s own clashing articles qualified', () => {
    const parse = parseSections(DECISION);
    expect(parse.sections.map((s) => s.label)).toEqual([
      'Quyết định.Điều 1',
      'Quyết định.Điều 2',
      'Quy chế',
      'Chương I',
      'Điều 1',
      'Điều 2',
      'Điều 2.1',
      'Điều 2.2',
    ]);
    const quyChe = parse.sections.find((s) => s.label === 'Quy chế');
    expect(quyChe?.heading).toBe('Quy chế phối hợp công tác dân vận');
    expect(quyChe?.body).toContain('Ban hành kèm theo Quyết định số 40-QĐ/TU');
    expect(quyChe?.body).not.toContain('-----');
    expect(parse.sections.find((s) => s.label === 'Điều 2.1')?.parentLabel).toBe('Điều 2');
  });

  it('keeps both signature blocks out of the sections, and the document’s own as its closing', () => {
    const parse = parseSections(DECISION);
    const last = parse.sections.find((s) => s.label === 'Điều 2.2');
    expect(`${last?.headingLine}|${last?.body}`).toBe('2. Họp giao ban mỗi quý một lần.|');
    expect(parse.sections.some((s) => /Nguyễn Văn An|BÍ THƯ/u.test(s.body))).toBe(false);
    expect(parse.closing.startsWith('Nơi nhận:')).toBe(true);
    expect(parse.closing).toContain('Nguyễn Văn An');
  });

  it('qualifies an accompanying Đề cương by its type when its parts clash with the plan’s', () => {
    const labels = parseSections(PLAN).sections.map((s) => s.label);
    expect(labels).toEqual(['I', 'II', 'Đề cương', 'Đề cương.I', 'Đề cương.I.1', 'Đề cương.II']);
  });

  it('leaves a capitalised type line with no "kèm theo" note as body text', () => {
    const text = PLAN.replace('(Kèm theo Kế hoạch số 7-KH/ĐU)\n', '');
    expect(parseSections(text).sections.some((s) => s.label.startsWith('Đề cương'))).toBe(false);
  });
});
