/** The body a table row assigns its task to is the one in the table's lead column, not one its task names. */
import { describe, expect, it } from 'vitest';
import { leadCell } from '../../src/retrieval/outline-cache.ts';

const columns = 'STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành';

describe('the lead cell of a table row', () => {
  it('is the cell under "chủ trì", not the partner column', () => {
    expect(leadCell(columns, '1 | Ban hành hướng dẫn đại hội chi bộ | Ban Tổ chức Huyện ủy | Văn phòng Huyện ủy | Trước ngày 25/02/2025')).toBe('Ban Tổ chức Huyện ủy');
  });

  it('prefers a lead column over a "Nội dung thực hiện" column, and counts from the end when the row lacks its STT cell', () => {
    const other = 'Nội dung thực hiện | Đơn vị thực hiện | Thời gian';
    expect(leadCell(other, 'Tập huấn báo cáo viên | Ban Tuyên giáo | Quý II')).toBe('Ban Tuyên giáo');
    expect(leadCell('STT | Nội dung | Đơn vị chủ trì | Thời gian', 'Tập huấn | Ban Tuyên giáo | Quý II')).toBe('Ban Tuyên giáo');
  });

  it('is nothing for a table without a lead column or a line that is no row', () => {
    expect(leadCell('STT | Khẩu hiệu', '1 | Nhiệt liệt chào mừng')).toBeNull();
    expect(leadCell(undefined, '1 | x | y')).toBeNull();
  });
});
