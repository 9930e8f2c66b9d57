import { describe, expect, it } from 'vitest';
import {
  canonicalDocNumber,
  docNumberParts,
  findDocNumbers,
  tightenDocNumbers,
  typeFromCode,
} from '../../src/text/doc-number.ts';

describe('canonicalDocNumber', () => {
  it.each([
    ['72 - KH/BTGTU', '72-KH/BTGTU'],
    ['Số: 12 -KH/ĐU', '12-KH/ĐU'],
    ['Số 36-HD/VPTW', '36-HD/VPTW'],
    ['17 – ĐA/TU', '17-ĐA/TU'],
    ['81/HD-MTTW-BTT', '81/HD-MTTW-BTT'],
    ['30/2020/NĐ-CP', '30/2020/NĐ-CP'],
    ['08-QĐi/TW', '08-QĐi/TW'],
    ['08-QĐI/TW', '08-QĐi/TW'],
    ['05-CTr/TU', '05-CTr/TU'],
    ['35-nq/tw', '35-NQ/TW'],
    ['35 - NQ / TW', '35-NQ/TW'],
    ['46-HD/BTGDĐUK', '46-HD/BTGDĐUK'],
  ])('%s → %s', (raw, expected) => {
    expect(canonicalDocNumber(raw)).toBe(expected);
  });

  it('applies NFC to decomposed input', () => {
    expect(canonicalDocNumber('12-KH/\u0110U'.normalize('NFD'))).toBe('12-KH/ĐU');
  });
});

describe('findDocNumbers', () => {
  it('finds party and state numbers with their raw positions', () => {
    const text = 'Thực hiện Kế hoạch số 72 - KH/BTGTU ngày 31/12/2021 và Hướng dẫn số 81/HD-MTTW-BTT ngày 05/4/2022';
    const found = findDocNumbers(text);
    expect(found.map((m) => m.number)).toEqual(['72-KH/BTGTU', '81/HD-MTTW-BTT']);
    const first = found[0]!;
    expect(text.slice(first.index, first.index + first.length)).toBe('72 - KH/BTGTU');
  });

  it('ignores dates, ranges, URLs and prose with slashes', () => {
    const text = 'ngày 21/4/2023, giai đoạn 2021 - 2025, http://travinh.gov.vn/wps/portal/mttq/, 5 - năm/lần, Covid - 19';
    expect(findDocNumbers(text)).toEqual([]);
  });

  it('does not start a match inside another number', () => {
    expect(findDocNumbers('30/2020/NĐ-CP').map((m) => m.number)).toEqual(['30/2020/NĐ-CP']);
  });
});

describe('number parts and type codes', () => {
  it('splits canonical numbers', () => {
    expect(docNumberParts('12-KH/ĐU')).toEqual({ serial: '12', typeCode: 'KH', issuerCode: 'ĐU', style: 'party' });
    expect(docNumberParts('81/HD-MTTW-BTT')).toEqual({ serial: '81', typeCode: 'HD', issuerCode: 'MTTW-BTT', style: 'state' });
    expect(docNumberParts('Đề án 17')).toBeNull();
  });

  it('maps unambiguous type codes and leaves QĐ open', () => {
    expect(typeFromCode('KH')).toBe('Kế hoạch');
    expect(typeFromCode('QĐi')).toBe('Quy định');
    expect(typeFromCode('CTr')).toBe('Chương trình');
    expect(typeFromCode('QĐ')).toBeNull();
  });

  it('tightens spacing in place and keeps the letters as written', () => {
    expect(tightenDocNumbers('Đề án số 17 - ĐA/TU của Tỉnh ủy; Số: 12 -KH/ĐU')).toBe('Đề án số 17-ĐA/TU của Tỉnh ủy; Số: 12-KH/ĐU');
  });
});
