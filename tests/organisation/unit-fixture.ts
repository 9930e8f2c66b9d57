/**
 * A collection where two bodies say the same: the bundled documents plus a xã's copy of the bundled 2023 Huyện ủy
 * plan (the same parts, its own opening), as plans are copied down the hierarchy.
 */
import { readFileSync } from 'node:fs';
import type { Core } from '../../src/app/open-core.ts';

/** The bundled district plan the copy is made from. */
export const DISTRICT_PLAN = '2023-ke-hoach-huyen-uy-thong-tin-tuyen-truyen-xay-dung-dang.txt';
/** The copy's file name. */
export const COMMUNE_PLAN = '2023-ke-hoach-dang-uy-xa-tan-lap-thong-tin-tuyen-truyen.txt';
/** The commune's body as the hierarchy names it. */
export const COMMUNE = 'Đảng ủy xã Tân Lập (huyện Chợ Mới)';
/** The question both plans answer (their part II.1). */
export const FOCUS_QUESTION = 'nội dung tuyên truyền trọng tâm năm 2023 là gì';

/** The xã's plan: the district plan with the xã as the body that drew it up. */
export function communePlanText(): string {
  const district = readFileSync(`data/documents/${DISTRICT_PLAN}`, 'utf8');
  const copy = district.replace('Ban Thường vụ Huyện ủy xây dựng Kế hoạch', 'Đảng ủy xã Tân Lập huyện Chợ Mới tỉnh Bắc Kạn xây dựng Kế hoạch');
  if (copy === district) throw new Error('the district plan no longer has the opening the copy replaces');
  return copy;
}

/** Adds the xã's copy to a core's collection (once; the same bytes again are skipped). */
export async function addCommunePlan(core: Core): Promise<void> {
  await core.ingestor.ingestFile({ name: COMMUNE_PLAN, bytes: new TextEncoder().encode(communePlanText()) });
  core.catalog.invalidate();
}
