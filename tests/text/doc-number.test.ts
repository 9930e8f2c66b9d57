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

describe('state and law number formats', () => {
  it.each([
    ['45/2019/QH14', '45/2019/QH14'],
    ['Số: 45 / 2019 / QH14', '45/2019/QH14'],
    ['02/2022/UBTVQH15', '02/2022/UBTVQH15'],
    ['01/VBHN-VPQH', '01/VBHN-VPQH'],
    ['31/2021/NĐ-CP', '31/2021/NĐ-CP'],
    ['08/2022/TT-BVHTTDL', '08/2022/TT-BVHTTDL'],
    ['1234/QĐ-TTG', '1234/QĐ-TTg'],
    ['27-CT/TU', '27-CT/TU'],
  ])('%s → %s', (raw, expected) => {
    expect(canonicalDocNumber(raw)).toBe(expected);
  });

  it('finds a law number in a sentence and splits it with its year', () => {
    expect(findDocNumbers('theo Bộ luật Lao động số 45/2019/QH14 ngày 20/11/2019').map((m) => m.number)).toEqual(['45/2019/QH14']);
    expect(docNumberParts('45/2019/QH14')).toEqual({ serial: '45', typeCode: '', issuerCode: 'QH14', style: 'law', year: '2019' });
    expect(docNumberParts('31/2021/NĐ-CP')).toEqual({ serial: '31', typeCode: 'NĐ', issuerCode: 'CP', style: 'state', year: '2021' });
  });

  it('reads state type codes by the state table', () => {
    expect(typeFromCode('NĐ', 'state')).toBe('Nghị định');
    expect(typeFromCode('TT', 'state')).toBe('Thông tư');
    expect(typeFromCode('QĐ', 'state')).toBe('Quyết định');
    expect(typeFromCode('VBHN', 'state')).toBe('Văn bản hợp nhất');
    expect(typeFromCode('QĐ')).toBeNull();
    expect(typeFromCode('CT')).toBe('Chỉ thị');
  });
});
