/**
 * A Party or state body and where it stands: its level (Trung ương, tỉnh, huyện, xã), the administrative units
 * that locate it, and the body directly above it. Bodies are read from issuer names (src/organisation/
 * body-name.ts); the directory of a collection links them into a tree (src/organisation/directory.ts).
 */

import { foldedView, syllables } from '../text/normalize.ts';

/** Administrative level of a body's unit, highest first. */
export type BodyLevel = 'central' | 'province' | 'district' | 'commune' | 'unknown';

/**
 * What kind of body it is: a Party committee (`Tỉnh ủy`, `Huyện ủy`, `Đảng ủy xã`, `Đảng ủy Khối`), a department
 * of one (`Ban Tuyên giáo Tỉnh ủy`, `Văn phòng Huyện ủy`), another organ of a unit (`Ủy ban MTTQ Việt Nam tỉnh`,
 * `Ủy ban nhân dân huyện`), or a central body (`Ban Tổ chức Trung ương`, `Chính phủ`, `Bộ Nội vụ`).
 */
export type BodyKind = 'root' | 'central' | 'committee' | 'department' | 'organ';

/** One body. */
export interface Body {
  /** Identity: the folded canonical name, with the province when the name alone does not give it. */
  key: string;
  /** Display name: `Tỉnh ủy Bắc Kạn`, `Ban Tuyên giáo Tỉnh ủy Bắc Kạn`, `Đảng ủy xã Tân Lập (huyện Chợ Mới)`. */
  name: string;
  kind: BodyKind;
  level: BodyLevel;
  /**
   * Height in the hierarchy, smaller is higher: Trung ương 0, tỉnh 10, a tỉnh's departments and organs 11,
   * huyện and Đảng ủy Khối 20, theirs 21, xã 30, theirs 31; an unplaced body (no unit found) 40.
   */
  rank: number;
  /** Key of the body directly above; null for Trung ương and for a body whose unit is not known. */
  parentKey: string | null;
}

/** Rank of each level's committee; a department or organ is one below its committee. */
export const LEVEL_RANK: Record<BodyLevel, number> = { central: 0, province: 10, district: 20, commune: 30, unknown: 40 };

/** The root every central body and every province committee hangs from. */
export const CENTRAL: Body = { key: 'trung uong', name: 'Trung ương', kind: 'root', level: 'central', rank: 0, parentKey: null };

/** The identity form of a name: folded syllables joined by spaces (`Cơ quan - Doanh nghiệp` → `co quan doanh nghiep`). */
export function keyOf(name: string): string {
  return syllables(foldedView(name)).join(' ');
}
