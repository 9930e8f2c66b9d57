import { describe, expect, it } from 'vitest';
import { findNumberKeys, numberKey } from '../../src/text/number-key.ts';

describe('numberKey', () => {
  it.each([
    ['35-NQ/TW', '35-NQ/TW'],
    ['35 - NQ/TW', '35-NQ/TW'],
    ['35-nq/tw', '35-NQ/TW'],
    ['85-QĐ/TW', '85-QD/TW'],
    ['85-QD/TW', '85-QD/TW'],
    ['08-QĐi/TW', '8-QD/TW'],
    ['12 -KH/ĐU', '12-KH/DU'],
  ])('%s → %s', (raw, key) => {
    expect(numberKey(raw)).toBe(key);
  });
});

describe('findNumberKeys', () => {
  it('gives the full and the partial key of a full number', () => {
    expect(findNumberKeys('Nghị quyết số 35-NQ/TW')).toEqual(expect.arrayContaining(['35-NQ/TW', '35-NQ']));
  });

  it('gives the same keys however the number is spaced', () => {
    expect(findNumberKeys('35 - NQ/TW')).toEqual(findNumberKeys('35-NQ/TW'));
  });

  it.each(['NQ 35', 'nghị quyết 35', 'Nghị quyết số 35', 'nghi quyet so 35', 'NQ-35'])('"%s" gives the partial key 35-NQ', (text) => {
    expect(findNumberKeys(text)).toContain('35-NQ');
  });

  it('matches 85-QĐ/TW and 85-QD/TW to one key', () => {
    expect(findNumberKeys('Quy định 85-QĐ/TW')).toContain('85-QD/TW');
    expect(findNumberKeys('quy dinh 85-QD/TW')).toContain('85-QD/TW');
    expect(findNumberKeys('Quy định 85')).toContain('85-QD');
  });

  it('reads 08-QĐi/TW (Quy định) without the leading zero', () => {
    expect(findNumberKeys('Quy định số 08-QĐi/TW')).toEqual(expect.arrayContaining(['8-QD/TW', '8-QD']));
  });

  it('reads state-style numbers', () => {
    expect(findNumberKeys('Hướng dẫn số 81/HD-MTTW-BTT ngày 05/4/2022')).toContain('81/HD-MTTW-BTT');
  });

  it('does not read a date as a number', () => {
    const keys = findNumberKeys('ngày 22/10/2018 của Bộ Chính trị');
    expect(keys).toEqual([]);
    expect(findNumberKeys('Nghị quyết số 35-NQ/TW ngày 22/10/2018')).toEqual(['35-NQ/TW', '35-NQ']);
  });

  it('does not read "nghị quyết 35" followed by a date part as a partial key', () => {
    expect(findNumberKeys('nghị quyết 22/10/2018')).toEqual([]);
  });

  it('finds nothing in plain prose', () => {
    expect(findNumberKeys('tuyên truyền về công tác xây dựng Đảng năm 2023')).toEqual([]);
  });
});

describe('state and law number keys', () => {
  it.each([
    ['31/2021/NĐ-CP', '31/ND-CP'],
    ['31/NĐ-CP', '31/ND-CP'],
    ['08/2022/TT-BVHTTDL', '8/TT-BVHTTDL'],
    ['01/VBHN-VPQH', '1/VBHN-VPQH'],
    ['45/2019/QH14', '45/2019/QH14'],
    ['27-CT/TU', '27-CT/TU'],
  ])('numberKey(%s) = %s', (number, key) => {
    expect(numberKey(number)).toBe(key);
  });

  it('gives a question the key of the stored number, with or without the year', () => {
    expect(findNumberKeys('Nghị định 31/2021/NĐ-CP quy định gì?')).toContain(numberKey('31/2021/NĐ-CP'));
    expect(findNumberKeys('nghi dinh 31/ND-CP')).toContain(numberKey('31/2021/NĐ-CP'));
    expect(findNumberKeys('Luật số 45/2019/QH14 được nhắc ở đâu?')).toEqual([numberKey('45/2019/QH14')]);
    expect(findNumberKeys('Văn bản hợp nhất 01/VBHN-VPQH')).toContain(numberKey('01/VBHN-VPQH'));
  });

  it('reads "quy chế 12" as a partial key', () => {
    expect(findNumberKeys('Quy chế 12-QC/TU')).toEqual(expect.arrayContaining(['12-QC/TU', '12-QC']));
    expect(findNumberKeys('quy che so 12')).toContain('12-QC');
  });
});
