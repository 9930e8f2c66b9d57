import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSyllable, spellingsOf, syllablesOneEditAway } from '../../src/text/vietnamese-syllables.ts';
import { exactView, foldedView, hasDiacritics, syllables } from '../../src/text/normalize.ts';

describe('Vietnamese syllables', () => {
  it('spells every accented syllable of the bundled documents from its unaccented form', () => {
    const dir = join(process.cwd(), 'data', 'documents');
    const words = readdirSync(dir).flatMap((f) => syllables(exactView(readFileSync(join(dir, f), 'utf8'))));
    const accented = [...new Set(words.filter((w) => hasDiacritics(w) && !/\d/.test(w)))];
    const missed = accented.filter((w) => !spellingsOf(foldedView(w)).includes(w));
    // Abbreviations such as "QĐ" or "ĐUK" are no syllables; everything else is spelled.
    expect(missed.every((w) => !isSyllable(foldedView(w))), missed.join(' ')).toBe(true);
    expect(accented.length).toBeGreaterThan(500);
  });

  it('tells syllables from chat short forms and typos', () => {
    expect(isSyllable('dang')).toBe(true);
    expect(isSyllable('nghieng')).toBe(true);
    expect(isSyllable('kan')).toBe(true); // Bắc Kạn
    expect(isSyllable('dag')).toBe(false);
    expect(isSyllable('nv')).toBe(false);
    expect(isSyllable('truyn')).toBe(false);
  });

  it('writes the tone mark where the index puts it', () => {
    expect(spellingsOf('hoa')).toContain(exactView('hoá'));
    expect(spellingsOf('quoc')).toEqual(expect.arrayContaining(['quốc']));
    expect(spellingsOf('thuy')).toContain(exactView('thuỷ'));
    // Stops take only the sắc and nặng tones.
    expect(spellingsOf('hoach')).toEqual(['hoách', 'hoạch']);
  });

  it('finds the syllables one keystroke away from a typo', () => {
    expect(syllablesOneEditAway('dag')).toContain('dang');
    expect(syllablesOneEditAway('truyn')).toContain('truyen');
  });
});
