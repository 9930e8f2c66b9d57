/**
 * Inferring a directive's province when its header has no place-date line.
 */
import { describe, expect, it } from 'vitest';
import { inferPlace } from '../../ingestion/place.ts';

describe('inferPlace', () => {
  it('takes the province the issuer or the title names', () => {
    expect(inferPlace('Thành ủy Bắc Kạn', 'đẩy mạnh tuyên truyền', 'Thân văn bản nhắc Lào Cai.')).toBe('Bắc Kạn');
    expect(inferPlace('Đảng ủy Khối tỉnh', 'thực hiện Đề án tỉnh Lào Cai năm 2022', '')).toBe('Lào Cai');
    expect(inferPlace('TỈNH ỦY THỪA THIÊN HUẾ', '', '')).toBe('Thừa Thiên Huế');
    expect(inferPlace('Tỉnh uỷ Khánh Hoà', '', '')).toBe('Khánh Hòa');
  });

  it('falls back to the province the body names most, and to none on a tie', () => {
    expect(inferPlace(null, 'Kế hoạch', 'các trang Fanpage Mặt trận Trà Vinh và Mặt trận các cấp')).toBe('Trà Vinh');
    expect(inferPlace(null, 'Kế hoạch', 'phối hợp Sóc Trăng, Sóc Trăng và Bạc Liêu')).toBe('Sóc Trăng');
    expect(inferPlace(null, 'Kế hoạch', 'Sóc Trăng và Bạc Liêu')).toBeNull();
    expect(inferPlace(null, 'Kế hoạch', 'Bà Rịa – Vũng Tàu')).toBe('Bà Rịa - Vũng Tàu');
  });

  it('does not take common words or a person for a province', () => {
    const body = 'đấu tranh chống “diễn biến hòa bình”; làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; long an tâm';
    expect(inferPlace(null, 'Kế hoạch', body)).toBeNull();
    expect(inferPlace(null, 'Kế hoạch', 'Thành ủy Thành phố Hồ Chí Minh')).toBe('Thành phố Hồ Chí Minh');
    expect(inferPlace(null, 'Kế hoạch', 'Tân Bắc Kạnh')).toBeNull();
    expect(inferPlace(null, 'Kế hoạch', 'kỷ niệm Chiến thắng Điện Biên Phủ; biển Thái Bình Dương')).toBeNull();
    expect(inferPlace(null, 'CHỐNG DIỄN BIẾN HÒA BÌNH', 'Tỉnh Lào Cai và tỉnh Lào Cai')).toBe('Lào Cai');
    expect(inferPlace(null, 'Kế hoạch', 'ĐẤU TRANH CHỐNG DIỄN BIẾN HÒA BÌNH')).toBeNull();
  });
});
