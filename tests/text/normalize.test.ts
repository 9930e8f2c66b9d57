import { describe, expect, it } from 'vitest';
import {
  canonicalTones,
  exactView,
  foldedView,
  hasDiacritics,
  nfc,
  quoteKey,
  stripDiacritics,
  syllables,
} from '../../src/text/normalize.ts';

describe('nfc', () => {
  it('composes decomposed input', () => {
    const decomposed = 'Đảng ủy tuyên truyền'.normalize('NFD');
    expect(decomposed).not.toBe('Đảng ủy tuyên truyền');
    expect(nfc(decomposed)).toBe('Đảng ủy tuyên truyền');
  });

  it('maps the Ð/ð look-alikes (U+00D0/U+00F0) to Đ/đ', () => {
    expect(nfc('\u00D0ảng \u00F0oàn')).toBe('Đảng đoàn');
    expect(foldedView('\u00D0ảng')).toBe('dang');
  });
});

describe('canonicalTones', () => {
  it.each([
    ['hóa', 'hoá'],
    ['thủy', 'thuỷ'],
    ['khỏe', 'khoẻ'],
    ['ủy ban', 'uỷ ban'],
    ['Huyện ủy', 'Huyện uỷ'],
    ['chuyển hóa', 'chuyển hoá'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalTones(input)).toBe(expected);
  });

  it.each(['hoàn', 'quý', 'ngoài', 'của', 'thuở', 'hoá', 'thuỷ', 'khoẻ', 'toàn', 'quả', 'thuyền'])('leaves %s unchanged', (word) => {
    expect(canonicalTones(word)).toBe(word);
  });

  it('works in upper case and keeps the case', () => {
    expect(canonicalTones('HÓA')).toBe('HOÁ');
    expect(canonicalTones('THỦY')).toBe('THUỶ');
    expect(canonicalTones('QUÝ')).toBe('QUÝ');
  });

  it('accepts decomposed input and returns NFC', () => {
    const out = canonicalTones('hóa'.normalize('NFD'));
    expect(out).toBe('hoá');
    expect(out).toBe(out.normalize('NFC'));
  });

  it('makes both spellings one exact view', () => {
    expect(exactView('Công nghiệp HÓA, Ủy ban')).toBe(exactView('công nghiệp hoá, uỷ ban'));
  });
});

describe('folding', () => {
  it('removes every diacritic including đ/Đ', () => {
    expect(stripDiacritics('Đảng đoàn Mặt trận Tổ quốc')).toBe('Dang doan Mat tran To quoc');
    expect(foldedView('ĐẢNG ỦY Khối')).toBe('dang uy khoi');
  });

  it('folds both tone placements to the same text', () => {
    expect(foldedView('hóa')).toBe(foldedView('hoá'));
    expect(foldedView('thủy')).toBe(foldedView('thuỷ'));
  });

  it('detects diacritics, đ included', () => {
    expect(hasDiacritics('noi dung')).toBe(false);
    expect(hasDiacritics('nội dung')).toBe(true);
    expect(hasDiacritics('đ')).toBe(true);
    expect(hasDiacritics('35-NQ/TW')).toBe(false);
  });
});

describe('syllables', () => {
  it('splits at spaces and punctuation, keeping marks and digits', () => {
    expect(syllables('Nghị quyết số 35-NQ/TW, năm 2023.')).toEqual(['Nghị', 'quyết', 'số', '35', 'NQ', 'TW', 'năm', '2023']);
    expect(syllables('hóa'.normalize('NFD'))).toHaveLength(1);
  });
});

describe('quoteKey', () => {
  it('ignores accents, case, tone placement and punctuation', () => {
    const original = '- Tiếp tục đổi mới, hoàn thiện tổ chức bộ máy; “tự chuyển hóa”.';
    expect(quoteKey(original)).toBe(quoteKey('tiep tuc doi moi hoan thien to chuc bo may tu chuyen hoa'));
    expect(quoteKey(original)).toBe(quoteKey('TIẾP TỤC ĐỔI MỚI  HOÀN THIỆN TỔ CHỨC BỘ MÁY … TỰ CHUYỂN HOÁ'));
    expect(quoteKey(original)).toBe('tiep tuc doi moi hoan thien to chuc bo may tu chuyen hoa');
  });

  it('still tells different words apart', () => {
    expect(quoteKey('xây dựng Đảng')).not.toBe(quoteKey('xây dựng Nhà nước'));
  });
});
