/**
 * Reads a body's name (an issuer as detected, or what a user typed) into the body and the bodies above it.
 * The name says it all when read word by word: a committee word (`Tỉnh ủy`, `Huyện ủy`, `Thành ủy`, `Đảng ủy` +
 * `xã`/`Khối`/…, `Đảng bộ huyện`) and the units after it (`huyện Chợ Mới tỉnh Bắc Kạn`) give the level and the
 * chain; words before the committee word make a department of it (`Ban Tuyên giáo` Tỉnh ủy Bắc Kạn); a name with
 * no committee word but a unit is an organ of that unit (`Ủy ban MTTQ Việt Nam` tỉnh Trà Vinh), under the unit's
 * committee. Leadership words (`Ban Thường vụ`, `Thường trực`, `Ban Chấp hành`) speak for the committee itself.
 * A missing province comes from the document's place. No list of the collection's bodies is involved.
 */
import { CENTRAL, keyOf, LEVEL_RANK, type Body, type BodyLevel } from './body.ts';
import { findPhrase, foldTokens, joinTokens, nameTokens, phraseAt, type NameToken } from './name-tokens.ts';
import { foldedView } from '../text/normalize.ts';

/** Words that stand for the committee itself, removed from the front of a name. */
const LEADERSHIP = [['ban', 'thường', 'vụ'], ['ban', 'thường', 'trực'], ['thường', 'trực'], ['thường', 'vụ'], ['ban', 'chấp', 'hành'], ['tập', 'thể', 'lãnh', 'đạo']];

/** Unit words, longest first, with the level of the unit they name. */
const UNIT_WORDS: Array<{ words: string[]; level: BodyLevel; text: string }> = [
  { words: ['thành', 'phố'], level: 'district', text: 'thành phố' },
  { words: ['thị', 'trấn'], level: 'commune', text: 'thị trấn' },
  { words: ['thị', 'xã'], level: 'district', text: 'thị xã' },
  { words: ['tỉnh'], level: 'province', text: 'tỉnh' },
  { words: ['huyện'], level: 'district', text: 'huyện' },
  { words: ['quận'], level: 'district', text: 'quận' },
  { words: ['xã'], level: 'commune', text: 'xã' },
  { words: ['phường'], level: 'commune', text: 'phường' },
];

/** Committee words and the unit word they imply (`Huyện ủy X` is the committee of `huyện X`). */
const COMMITTEES: Array<{ words: string[]; unit: string | null }> = [
  { words: ['tỉnh', 'ủy'], unit: 'tỉnh' },
  { words: ['thành', 'ủy'], unit: 'thành phố' },
  { words: ['huyện', 'ủy'], unit: 'huyện' },
  { words: ['quận', 'ủy'], unit: 'quận' },
  { words: ['thị', 'ủy'], unit: 'thị xã' },
  { words: ['đảng', 'ủy'], unit: null },
  { words: ['đảng', 'bộ'], unit: null },
  { words: ['chi', 'bộ'], unit: null },
];

/** Centrally-run cities: their `Thành ủy` is a province-level committee. */
const CENTRAL_CITIES = new Set(['ha noi', 'ho chi minh', 'thanh pho ho chi minh', 'hai phong', 'da nang', 'can tho', 'hue']);

/** Central bodies named without `Trung ương`. */
const CENTRAL_NAMES = [['bộ', 'chính', 'trị'], ['ban', 'bí', 'thư'], ['quốc', 'hội'], ['chính', 'phủ'], ['thủ', 'tướng'], ['chủ', 'tịch', 'nước'], ['bộ'], ['ngân', 'hàng', 'nhà', 'nước']];

/** A unit named in a body's name: `huyện` + `Chợ Mới`. */
interface Unit {
  level: BodyLevel;
  word: string;
  name: string;
}

/** The units a name gives after `from`: `huyện miền núi tỉnh Cao Bằng` → huyện `miền núi`, tỉnh `Cao Bằng`. */
function readUnits(tokens: NameToken[], from: number, ownWord: string | null): { units: Unit[]; leading: NameToken[] } {
  const units: Unit[] = [];
  const leading: NameToken[] = [];
  let current: { level: BodyLevel; word: string; name: NameToken[] } | null = null;
  const flush = () => {
    if (current) units.push({ level: current.level, word: current.word, name: joinTokens(current.name) });
  };
  for (let i = from; i < tokens.length; ) {
    const unit = UNIT_WORDS.find((u) => phraseAt(tokens, i, u.words));
    // `Huyện ủy huyện X`: the unit word repeats the committee's own; a name never starts with a unit word here.
    if (unit && !(current && current.name.length === 0)) {
      flush();
      current = { level: unit.level, word: unit.text, name: [] };
      i += unit.words.length;
      continue;
    }
    if (current) current.name.push(tokens[i] as NameToken);
    else leading.push(tokens[i] as NameToken);
    i++;
  }
  flush();
  if (ownWord && leading.length > 0) units.unshift({ level: levelOfWord(ownWord), word: ownWord, name: joinTokens(leading) });
  return { units, leading: ownWord ? [] : leading };
}

function levelOfWord(word: string): BodyLevel {
  return UNIT_WORDS.find((u) => u.text === word)?.level ?? 'unknown';
}

/** Where a body stands: its province, district and commune, each when known. */
interface Place {
  province?: string;
  district?: Unit;
  commune?: Unit;
}

function placeOf(units: Unit[], documentPlace: string | null): Place {
  const place: Place = {};
  for (const u of units) {
    if (u.name.trim() === '') continue;
    if (u.level === 'province' && !place.province) place.province = u.name;
    else if (u.level === 'district' && !place.district) place.district = u;
    else if (u.level === 'commune' && !place.commune) place.commune = u;
  }
  // A `thành phố` named like a centrally-run city is that city, a province-level unit.
  if (place.district?.word === 'thành phố' && CENTRAL_CITIES.has(foldedView(place.district.name)) && !place.province) {
    place.province = place.district.name;
    delete place.district;
  }
  const own = [place.district?.name, place.commune?.name].filter(Boolean).map((n) => foldedView(n as string));
  const sameAsOwn = documentPlace !== null && own.includes(foldedView(documentPlace));
  // A provincial capital shares its province's name (Thành ủy Bắc Kạn, Bắc Kạn): the place is then its province.
  const capital = place.district?.word === 'thành phố' && !place.commune;
  if (!place.province && documentPlace && (!sameAsOwn || capital)) place.province = documentPlace;
  return place;
}

function provinceCommittee(province: string): Body {
  const city = CENTRAL_CITIES.has(foldedView(province));
  const name = `${city ? 'Thành ủy' : 'Tỉnh ủy'} ${province}`;
  return { key: keyOf(name), name, kind: 'committee', level: 'province', rank: LEVEL_RANK.province, parentKey: CENTRAL.key };
}

const DISTRICT_COMMITTEE: Record<string, string> = { huyện: 'Huyện ủy', quận: 'Quận ủy', 'thị xã': 'Thị ủy', 'thành phố': 'Thành ủy' };

/** The committees of a place, lowest first, each linked to the one above: xã → huyện → tỉnh → Trung ương. */
function committees(place: Place): Body[] {
  const chain: Body[] = [];
  const province = place.province ? provinceCommittee(place.province) : null;
  const inProvince = place.province ? ` (tỉnh ${place.province})` : '';
  let district: Body | null = null;
  if (place.district) {
    const name = `${DISTRICT_COMMITTEE[place.district.word] ?? 'Đảng ủy'} ${place.district.name}`;
    const shown = place.province && foldedView(place.province) !== foldedView(place.district.name) ? `${name}${inProvince}` : name;
    district = { key: keyOf(shown), name: shown, kind: 'committee', level: 'district', rank: LEVEL_RANK.district, parentKey: province?.key ?? null };
  }
  if (place.commune) {
    const above = place.district ? ` (${place.district.word} ${place.district.name})` : inProvince;
    const name = `Đảng ủy ${place.commune.word} ${place.commune.name}${above}`;
    chain.push({ key: keyOf(name), name, kind: 'committee', level: 'commune', rank: LEVEL_RANK.commune, parentKey: district?.key ?? province?.key ?? null });
  }
  if (district) chain.push(district);
  if (province) chain.push(province, CENTRAL);
  return chain;
}

/** The lowest committee of a place's chain (the one a department or organ of that place belongs to). */
function lowest(chain: Body[]): Body | null {
  return chain[0] ?? null;
}

/** A body named by the words before (or instead of) a committee: a department or an organ of `owner`. */
function under(owner: Body | null, words: NameToken[], kind: 'department' | 'organ' | 'committee', rankStep: number, suffix: string): Body {
  const base = joinTokens(words);
  const name = owner ? `${base} ${suffix}`.trim() : base;
  const rank = owner ? owner.rank + rankStep : LEVEL_RANK.unknown;
  const level = owner ? owner.level : 'unknown';
  return { key: keyOf(name), name, kind, level, rank, parentKey: owner?.key ?? null };
}

function withoutLeadership(tokens: NameToken[]): NameToken[] {
  let rest = tokens;
  for (let again = true; again; ) {
    again = false;
    for (const words of LEADERSHIP) {
      if (phraseAt(rest, 0, words) && rest.length > words.length) {
        rest = rest.slice(words.length);
        again = true;
      }
    }
  }
  return rest;
}

function centralBody(tokens: NameToken[]): Body[] | null {
  const folded = foldTokens(tokens);
  if (folded === 'trung uong' || folded === 'ban chap hanh trung uong') return [CENTRAL];
  const central = findPhrase(tokens, ['trung', 'ương']) >= 0 || CENTRAL_NAMES.some((w) => phraseAt(tokens, 0, w) && !phraseAt(tokens, 0, ['bộ', 'phận']));
  if (!central) return null;
  const name = joinTokens(tokens);
  return [{ key: keyOf(name), name, kind: 'central', level: 'central', rank: 1, parentKey: CENTRAL.key }, CENTRAL];
}

/**
 * The body a name stands for, then the bodies above it up to Trung ương as far as the name (and the document's
 * place) tell. Empty for an empty name.
 */
export function parseBody(name: string, documentPlace: string | null = null): Body[] {
  const tokens = withoutLeadership(nameTokens(name));
  if (tokens.length === 0) return [];
  const central = centralBody(tokens);
  if (central) return central;
  const at = committeeAt(tokens);
  if (!at) return organ(tokens, documentPlace);
  const { index, committee } = at;
  const after = index + committee.words.length;
  const prefix = tokens.slice(0, index);
  if (committee.unit) {
    const chain = placeChain(tokens, after, committee.unit, documentPlace);
    return department(prefix, chain.length > 0 ? chain : [unnamed(tokens.slice(index, after), levelOfWord(committee.unit))]);
  }
  // `Đảng ủy xã X`, `Đảng bộ huyện X`, `Đảng ủy Khối …`, `Đảng ủy Công an tỉnh …`, `Chi bộ thôn 3 xã X`.
  if (UNIT_WORDS.some((u) => phraseAt(tokens, after, u.words)) && !phraseAt(tokens, 0, ['chi', 'bộ'])) {
    return department(prefix, placeChain(tokens, after, null, documentPlace));
  }
  const { units, leading } = readUnits(tokens, after, null);
  const chain = committees(placeOf(units, documentPlace));
  const own = [...tokens.slice(index, after), ...leading];
  const bloc = phraseAt(tokens, after, ['khối']);
  const owner = lowest(chain);
  const suffix = owner ? unitSuffix(owner) : '';
  // A bloc (Đảng ủy Khối) stands beside the districts under its province; a chi bộ or an agency's Đảng ủy below its unit.
  const body = under(owner, own, 'committee', bloc && owner?.level === 'province' ? LEVEL_RANK.district - LEVEL_RANK.province : 5, suffix);
  return department(prefix, [body, ...chain]);
}

/** `tỉnh Lào Cai` for a province committee, `xã Tân Lập (huyện Chợ Mới)` for a commune's: how a name ends. */
function unitSuffix(owner: Body): string {
  const m = /^(?:Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy)\s+(.*)$/u.exec(owner.name);
  if (!m) return owner.name;
  const word = owner.level === 'province' ? (owner.name.startsWith('Thành') ? 'thành phố' : 'tỉnh') : /^(?:xã|phường|thị trấn)\s/u.test(m[1] as string) ? '' : DISTRICT_WORD[owner.name.split(' ')[0] as string] ?? '';
  return `${word} ${m[1] as string}`.trim();
}

const DISTRICT_WORD: Record<string, string> = { Huyện: 'huyện', Quận: 'quận', Thị: 'thị xã', Thành: 'thành phố' };

function committeeAt(tokens: NameToken[]): { index: number; committee: (typeof COMMITTEES)[number] } | null {
  let best: { index: number; committee: (typeof COMMITTEES)[number] } | null = null;
  for (const committee of COMMITTEES) {
    const index = findPhrase(tokens, committee.words);
    if (index >= 0 && (!best || index < best.index)) best = { index, committee };
  }
  return best;
}

/** The committees of the units after a committee word (`Huyện ủy` + `Chợ Mới tỉnh Bắc Kạn`). */
function placeChain(tokens: NameToken[], after: number, ownWord: string | null, documentPlace: string | null): Body[] {
  const { units } = readUnits(tokens, after, ownWord);
  return committees(placeOf(units, documentPlace));
}

/** `Huyện ủy` with no name and no place: a committee of a known level whose place the collection does not tell. */
function unnamed(words: NameToken[], level: BodyLevel): Body {
  const name = joinTokens(words);
  return { key: keyOf(name), name, kind: 'committee', level, rank: LEVEL_RANK[level], parentKey: null };
}

/** Words before the committee make a department of it (`Ban Tuyên giáo` Tỉnh ủy X); none: the committee itself. */
function department(prefix: NameToken[], chain: Body[]): Body[] {
  const owner = chain[0];
  if (!owner) return prefix.length > 0 ? [under(null, prefix, 'department', 1, '')] : [];
  if (prefix.length === 0) return chain;
  return [under(owner, prefix, 'department', 1, owner.name), ...chain];
}

/** No committee word: an organ of the unit its name ends with (`Ủy ban MTTQ Việt Nam tỉnh Trà Vinh`), or unplaced. */
function organ(tokens: NameToken[], documentPlace: string | null): Body[] {
  const first = tokens.findIndex((_t, i) => i > 0 && UNIT_WORDS.some((u) => phraseAt(tokens, i, u.words)));
  const words = first > 0 ? tokens.slice(0, first) : tokens;
  const chain = first > 0 ? committees(placeOf(readUnits(tokens, first, null).units, documentPlace)) : [];
  const owner = lowest(chain);
  return [under(owner, words, 'organ', 1, owner ? unitSuffix(owner) : ''), ...chain];
}
