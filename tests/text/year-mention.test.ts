import { describe, expect, it } from 'vitest';
import { textNamesYear } from '../../src/text/year-mention.ts';

describe('a year named in a text', () => {
  it.each([
    ['Năm 2022 và những năm tiếp theo', true],
    ['đạt 97,8% (năm 2022), 98,3% (2023)', true],
    ['2022 | 14 | 38 | 52', true],
    ['Kế hoạch số 47-KH/HU, ngày 02/7/2022', false],
    ['giai đoạn 2021 - 2022', false],
    ['giai đoạn 2022 - 2025', false],
    ['nhiệm kỳ 2020-2025', false],
  ])('%s → %s', (text, named) => {
    expect(textNamesYear(text, 2022)).toBe(named);
  });
});
