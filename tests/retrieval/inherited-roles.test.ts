/** The roles a section takes from its parents (src/retrieval/outline-cache.ts). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutlineEntry } from '../../src/core/types.ts';
import { loadDirectiveModel } from '../../src/retrieval/directive-model.ts';
import { createOutlineCache, inherited } from '../../src/retrieval/outline-cache.ts';

const model = loadDirectiveModel(join(process.cwd(), 'data', 'directive-model.json'));
const entry = (label: string, heading: string, parentLabel: string | null, order: number): OutlineEntry =>
  ({ id: label, label, heading, parentLabel, level: label.split('.').length, order });
/** The places of every entry of one document's outline. */
const placesOf = (outline: OutlineEntry[]) =>
  createOutlineCache({ getOutlines: async () => new Map([['d', outline]]) }, model).places(outline.map((e) => ({ documentId: 'd', label: e.label })));

describe('roles passed on by parent parts', () => {
  it('are the nearer part\'s when it takes some of a part that names several', () => {
    // "II. THỜI GIAN, NỘI DUNG, HÌNH THỨC" › "1. Thời gian và nội dung" › "1.1. Từ nay đến hết năm 2021"
    expect(inherited([['time', 'content', 'form'], ['time', 'content']], []).sort()).toEqual(['content', 'time']);
  });

  it('leave out the roles its own heading splits off', () => {
    // "I. MỤC ĐÍCH, YÊU CẦU" › "1. Mục đích": not about requirements.
    expect(inherited([['purpose', 'requirement']], ['purpose'])).toEqual(['purpose']);
  });

  it('add up when a nearer part names another role', () => {
    // "IV. TỔ CHỨC THỰC HIỆN" › "1. Chế độ báo cáo"
    expect(inherited([['implementation'], ['report']], []).sort()).toEqual(['implementation', 'report']);
    expect(inherited([['content'], []], ['focus'])).toEqual(['content']);
  });
});

describe('a clause whose heading is its first words (cut, `…`)', () => {
  const outline = [
    entry('Chương VI', 'ĐIỀU KHOẢN THI HÀNH', null, 1),
    entry('Điều 24', 'Quy định chuyển tiếp', 'Chương VI', 2),
    entry('Điều 24.1', 'Người đang kinh doanh trước ngày Luật này có hiệu lực thi hành phải đăng ký…', 'Điều 24', 3),
  ];

  it("keeps its article's role: the words it opens with ('có hiệu lực') narrow nothing", async () => {
    const place = (await placesOf(outline)).get('d|Điều 24.1');
    expect(place?.ownFacets).toEqual(['effect']);
    expect(place?.inheritedFacets).toContain('transition');
  });
});

describe("a body's entry in the implementation part", () => {
  const outline = [
    entry('II', 'NỘI DUNG TUYÊN TRUYỀN', null, 1),
    entry('II.2', 'Nội dung tuyên truyền thường xuyên', 'II', 2),
    entry('III', 'TỔ CHỨC THỰC HIỆN', null, 3),
    entry('III.1', 'Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh triển khai các nội dung sau:', 'III', 4),
  ];
  const places = () => placesOf(outline);

  it('plays the implementation role, whatever its duty names ("triển khai các nội dung")', async () => {
    const entryPlace = (await places()).get('d|III.1');
    expect(entryPlace?.bodies).toEqual(['mat-tran']);
    expect(entryPlace?.bodyEntry).toBe(true);
    expect(entryPlace?.ownFacets).toEqual([]);
    expect(entryPlace?.inheritedFacets).toEqual(['implementation']);
  });

  it('leaves the roles of a content part named by its heading', async () => {
    expect((await places()).get('d|II.2')?.ownFacets.sort()).toEqual(['content', 'regular']);
  });
});
