/**
 * "Where is X cited" with the asker's unit set: a number cited by more documents than the engine reads keeps its
 * newest citations, plus every citation in the asker's chain, however old. Four plans cite Nghị quyết 35-NQ/TW;
 * the engine reads one citation (a tiny limit standing for the hundreds of a province's collection); the asker's
 * own, oldest plan is still among the citing candidates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/app/open-core.ts';
import { openMemoryCore } from '../fixtures/memory-core.ts';
import { unitChain } from '../../src/organisation/organisations.ts';
import { DEFAULT_RANKING_MODEL } from '../../src/retrieval/ranking-model.ts';
import { retrieveSections } from '../../src/retrieval/search.ts';
import { understand } from '../../src/retrieval/understand.ts';

function plan(year: number, committee: string, place: string, number: string): string {
  return `ĐẢNG BỘ TỈNH HÀ MINH
${committee.toUpperCase()}
*
Số ${number}
ĐẢNG CỘNG SẢN VIỆT NAM
${place}, ngày 10 tháng 3 năm ${year}

KẾ HOẠCH
tuyên truyền bảo vệ nền tảng tư tưởng của Đảng năm ${year}

I. MỤC ĐÍCH, YÊU CẦU

1. Nâng cao nhận thức của cán bộ, đảng viên về bảo vệ nền tảng tư tưởng của Đảng.

II. NỘI DUNG

1. Tuyên truyền, quán triệt Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị về tăng cường bảo vệ nền tảng tư tưởng của Đảng trong tình hình mới.

2. Tuyên truyền gương người tốt, việc tốt ở cơ sở.

III. TỔ CHỨC THỰC HIỆN

Các chi bộ, đảng bộ trực thuộc triển khai thực hiện Kế hoạch này.

T/M ${committee.toUpperCase()}
BÍ THƯ
Nguyễn Văn An
`;
}

describe('mentions in the asker\'s chain', () => {
  let core: Core;
  let ids: Map<string, string>;
  const name = (year: number, key: string) => `${year}-ke-hoach-${key}-nen-tang-tu-tuong.txt`;
  const own = name(2022, 'own');
  beforeAll(async () => {
    const plans: Array<[string, number, string, string, string]> = [
      ['own', 2022, 'Huyện ủy Thanh Khê', 'Thanh Khê', '05-KH/HU'],
      ['b', 2023, 'Huyện ủy Đồng Xuân', 'Đồng Xuân', '11-KH/HU'],
      ['c', 2024, 'Huyện ủy Bình Sơn', 'Bình Sơn', '17-KH/HU'],
      ['d', 2025, 'Huyện ủy Phú Lộc', 'Phú Lộc', '23-KH/HU'],
    ];
    ({ core, ids } = await openMemoryCore(plans.map(([key, year, committee, place, number]) => ({ name: name(year, key), text: plan(year, committee, place, number) }))));
  }, 120_000);
  afterAll(async () => {
    await core?.close();
  });

  it('keeps the citation in the asker\'s own plan among the candidates when the limit keeps only the newest', async () => {
    const unit = unitChain(await core.organisations.directory(), 'Huyện ủy Thanh Khê');
    expect(unit?.closeness.has(ids.get(own)!)).toBe(true);
    const intent = { ...understand('Nghị quyết 35-NQ/TW được nhắc đến ở đâu?', core.analyzer, 2026, core.directives), unit };
    const deps = { store: core.store, embedder: core.embedder, catalog: core.catalog, outlines: core.outlines, directives: core.directives, profiles: core.profiles, model: { ...DEFAULT_RANKING_MODEL, maxCitingSections: 1 } };
    const citing = (await retrieveSections(intent, {}, deps)).filter((r) => r.citesNumber).map((r) => r.document.id);
    expect(citing).toContain(ids.get(own));
    const withoutUnit = (await retrieveSections({ ...intent, unit: null }, {}, deps)).filter((r) => r.citesNumber).map((r) => r.document.id);
    expect(withoutUnit).not.toContain(ids.get(own));
  });
});
