import { describe, expect, it } from 'vitest';
import { contractLabel } from '../../src/ask/ask-json.ts';

describe('contractLabel: the section a citation names, as the citation contract writes it', () => {
  it('cites a promulgating decision’s own article as `Điều 2`, within the Quyết định', () => {
    expect(contractLabel('Quyết định.Điều 2')).toEqual({ section: 'Điều 2', within: 'Quyết định' });
    expect(contractLabel('Quyết định.Điều 2.12')).toEqual({ section: 'Điều 2.12', within: 'Quyết định' });
  });

  it('leaves every other label as stored: a Quy chế article, an accompanying text, a part, the opening', () => {
    for (const label of ['Điều 2', 'Đề cương.I.1', 'B.I.1.2', 'Phụ lục.3', 'Quy chế', '']) expect(contractLabel(label)).toEqual({ section: label });
  });
});
