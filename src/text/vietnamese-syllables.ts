/**
 * The shape of Vietnamese syllables, from the language's phonotactics (onset + rhyme + tone), without a word
 * list: whether a token typed without accents can be a syllable at all ("dang" can, "dag" cannot), and every
 * accented spelling it may stand for ("dang" → đang, đảng, dạng, dáng…), written with the tone mark where
 * the search index puts it (src/text/normalize.ts, `exactView`). Question normalisation uses these candidates
 * and the collection's own statistics to restore accents and fix typos.
 */
import { exactView, foldedView } from './normalize.ts';

const ONSETS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];

/** Rhymes without tone, grouped by nucleus with the finals each takes. */
const OPEN_RHYMES =
  'a e ê i y o ô ơ u ư ai ao au ay âu ây eo êu ia iu oa oe oi ôi ơi ua uê ui uơ uy ưa ưi ưu iêu yêu oai oay oeo uây uôi ươi ươu uya uyu'.split(' ');
const CLOSED: Array<[string, string]> = [
  ['a', 'c ch m n ng nh p t'],
  ['ă', 'c m n ng p t'],
  ['â', 'c m n ng p t'],
  ['e', 'c m n ng p t'],
  ['ê', 'ch m n nh p t'],
  ['i', 'ch m n nh p t'],
  ['o', 'c m n ng p t'],
  ['ô', 'c m n ng p t'],
  ['ơ', 'm n p t'],
  ['u', 'c m n ng p t'],
  ['ư', 'c m n ng t'],
  ['iê', 'c m n ng p t'],
  ['yê', 'm n ng t'],
  ['uô', 'c m n ng t'],
  ['ươ', 'c m n ng p t'],
  ['oa', 'c ch m n ng nh p t'],
  ['oă', 'c m n ng t'],
  ['oe', 'n t'],
  ['uâ', 'n ng t'],
  ['uê', 'ch nh n'],
  ['uy', 'ch nh p t'],
  ['uyê', 'n t'],
];
const RHYMES = [...OPEN_RHYMES, ...CLOSED.flatMap(([nucleus, finals]) => finals.split(' ').map((f) => nucleus + f))];

/** Rhymes by their folded spelling. */
const RHYMES_BY_FOLD = new Map<string, string[]>();
for (const r of RHYMES) RHYMES_BY_FOLD.set(foldedView(r), [...(RHYMES_BY_FOLD.get(foldedView(r)) ?? []), r]);
const ONSETS_BY_FOLD = new Map<string, string[]>();
for (const o of ONSETS) ONSETS_BY_FOLD.set(foldedView(o), [...(ONSETS_BY_FOLD.get(foldedView(o)) ?? []), o]);

/** Tone marks (combining): level, huyền, sắc, hỏi, ngã, nặng. */
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
/** After a stop final (c, ch, p, t) only sắc and nặng occur. */
const STOP_TONES = ['\u0301', '\u0323'];
const VOWELS = 'aăâeêioôơuưy';
const MODIFIED = 'ăâêôơư';

/** Index in `rhyme` of the vowel that carries the tone. */
function toneIndex(rhyme: string): number {
  const chars = [...rhyme];
  const vowelAt = chars.map((c, i) => (VOWELS.includes(c) ? i : -1)).filter((i) => i >= 0);
  const modified = chars.map((c, i) => (MODIFIED.includes(c) ? i : -1)).filter((i) => i >= 0);
  if (modified.length > 0) return modified[modified.length - 1] as number;
  const closed = !VOWELS.includes(chars[chars.length - 1] as string);
  if (closed || vowelAt.length === 1) return vowelAt[vowelAt.length - 1] as number;
  if (vowelAt.length === 3) return vowelAt[1] as number;
  // Two vowels, open: on the first (ai, ao, ia, ua…), except the glides oa, oe, uy (canonical: on the second).
  return ['oa', 'oe', 'uy'].includes(rhyme) ? (vowelAt[1] as number) : (vowelAt[0] as number);
}

function withTone(rhyme: string, tone: string): string {
  if (tone === '') return rhyme;
  const chars = [...rhyme];
  const at = toneIndex(rhyme);
  chars[at] = `${chars[at]}${tone}`;
  return chars.join('').normalize('NFC');
}

/** Spellings that break the onset rules (gh, ngh only before e, ê, i, y; c, g and ng not before them). */
function allowed(onset: string, rhyme: string): boolean {
  const front = /^[eêiy]/.test(rhyme);
  // `k` before a, o, u occurs in names (Bắc Kạn, Kon Tum), so only gh and ngh are held to the rule.
  if (onset === 'gh' || onset === 'ngh') return front;
  if (onset === 'c' || onset === 'ng' || onset === 'g') return !front || (onset === 'g' && rhyme.startsWith('i'));
  if (onset === 'qu') return !rhyme.startsWith('u') && !rhyme.startsWith('o');
  if (onset === 'gi') return !rhyme.startsWith('i');
  return true;
}

const memo = new Map<string, string[]>();

/**
 * Every accented spelling of a syllable typed without accents (lower case), in the index's exact view; empty
 * when the token cannot be a Vietnamese syllable ("dag", "nv", "website").
 */
export function spellingsOf(folded: string): string[] {
  const known = memo.get(folded);
  if (known) return known;
  const out = new Set<string>();
  for (let cut = 0; cut <= Math.min(3, folded.length - 1); cut++) {
    const onsets = ONSETS_BY_FOLD.get(folded.slice(0, cut));
    const rhymes = RHYMES_BY_FOLD.get(folded.slice(cut));
    if (!onsets || !rhymes) continue;
    for (const onset of onsets) {
      for (const rhyme of rhymes) {
        if (!allowed(onset, rhyme)) continue;
        const tones = /(?:c|ch|p|t)$/.test(rhyme) ? STOP_TONES : TONES;
        for (const tone of tones) out.add(exactView(onset + withTone(rhyme, tone)));
      }
    }
  }
  const list = [...out];
  if (memo.size > 50_000) memo.clear();
  memo.set(folded, list);
  return list;
}

/** True when a lower-case token typed without accents can be a Vietnamese syllable. */
export function isSyllable(folded: string): boolean {
  return /^[a-z]+$/.test(folded) && spellingsOf(folded).length > 0;
}

/** Syllables one edit (deletion, insertion, substitution, swap of neighbours) away from `folded`. */
export function syllablesOneEditAway(folded: string): string[] {
  const letters = 'abcdeghiklmnopqrstuvxy';
  const out = new Set<string>();
  for (let i = 0; i <= folded.length; i++) {
    if (i < folded.length) out.add(folded.slice(0, i) + folded.slice(i + 1));
    if (i + 1 < folded.length) out.add(folded.slice(0, i) + folded.charAt(i + 1) + folded.charAt(i) + folded.slice(i + 2));
    for (const l of letters) {
      out.add(folded.slice(0, i) + l + folded.slice(i));
      if (i < folded.length) out.add(folded.slice(0, i) + l + folded.slice(i + 1));
    }
  }
  out.delete(folded);
  return [...out].filter((s) => s.length > 0 && isSyllable(s));
}
