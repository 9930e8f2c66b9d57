import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/text/analyze.ts';
import { loadAbbreviations } from '../../src/text/abbreviations.ts';
import { understand } from '../../src/retrieval/understand.ts';
import { resolveIntent } from '../../src/retrieval/resolve-intent.ts';
import { loadDirectiveModel } from '../../src/retrieval/directive-model.ts';

const analyzer = createAnalyzer(loadAbbreviations(join(process.cwd(), 'data', 'abbreviations.json')));
const directives = loadDirectiveModel(join(process.cwd(), 'data', 'directive-model.json'));
const collection = { years: [2021, 2022, 2023] };
const resolve = (q: string, named: string[] = []) => resolveIntent(understand(q, analyzer, 2026, directives), { ...collection, namedDocumentIds: named });

describe('a question settled against the collection', () => {
  it.each([
    // question, named documents, shape, years filtered, years missing, documents restricted to, newest instead
    ['nội dung trọng tâm năm 2023 là gì?', [], 'list', [2023], [], [], null],
    ['nội dung trọng tâm năm 2025 là gì?', [], 'list', [], [2025], [], null],
    ['năm nay phải tuyên truyền gì?', [], 'list', [2023], [2026], [], 2023],
    ['Chỉ thị 05 năm 2016 được nhắc ở đâu?', [], 'mentions', [], [], [], null],
    ['Kế hoạch 12-KH/ĐU năm 2021 bằng những hình thức nào?', ['d12'], 'list', [], [], ['d12'], null],
    ['Quy định 85-QĐ/TW nói về việc gì?', [], 'mentions', [], [], [], null],
    ['Quy định 85-QĐ/TW nói về việc gì?', ['d85'], 'list', [], [], ['d85'], null],
    ['Chỉ thị 05-CT/TW do ai ban hành?', [], 'mentions', [], [], [], null],
    ['Kế hoạch 12-KH/ĐU do ai ban hành?', ['d12'], 'issuer', [], [], ['d12'], null],
    ['nội dung trọng tâm 2022 và 2023 khác gì?', [], 'comparison', [2022, 2023], [], [], null],
    ['Kế hoạch năm 2021 nói gì về năm 2022 và những năm tiếp theo?', [], 'factoid', [2021], [], [], null],
  ])('%s (%j)', (q, named, shape, present, missing, documents, newest) => {
    const r = resolve(q, named as string[]);
    expect(r.shape).toBe(shape);
    expect(r.presentYears).toEqual(present);
    expect(r.missingYears).toEqual(missing);
    expect(r.documentIds).toEqual(documents);
    expect(r.newestInstead).toBe(newest);
  });

  it('takes a year the named document is not of for a year it speaks of, not a filter', () => {
    const asked = understand('Chương trình hành động 28-CTr/TU đặt ra những chỉ tiêu gì phải đạt vào năm 2026?', analyzer, 2026, directives);
    const facts = { years: [2025, 2026], namedDocumentIds: ['d28'] };
    expect(resolveIntent(asked, { ...facts, namedDocumentYears: [2025] })).toMatchObject({ presentYears: [], documentIds: ['d28'] });
    expect(resolveIntent(asked, { ...facts, namedDocumentYears: [2026] }).presentYears).toEqual([2026]);
    expect(resolveIntent(asked, { ...facts, namedDocumentIds: [], namedDocumentYears: [] }).presentYears).toEqual([2026]);
  });

  it('reads a year after a number as the year asked about when the collection dates that number otherwise', () => {
    const asked = understand('Kế hoạch thực hiện Đề án 17 năm 2024 có những nội dung gì?', analyzer, 2026, directives);
    const facts = { ...collection, namedDocumentIds: [] };
    expect(resolveIntent(asked, { ...facts, numberYears: null }).missingYears).toEqual([]);
    expect(resolveIntent(asked, { ...facts, numberYears: [2020] }).missingYears).toEqual([2024]);
    const dated = understand('Chỉ thị 05 năm 2016 được nhắc ở đâu?', analyzer, 2026, directives);
    expect(resolveIntent(dated, { ...facts, numberYears: [2016] }).missingYears).toEqual([]);
  });

  it('reads a year after a cited number as its date, though documents of that year are held', () => {
    const asked = understand('Kết luận 21-KL/TW năm 2021 được văn bản nào nhắc tới?', analyzer, 2026, directives);
    const facts = { years: [2021, 2022, 2023], namedDocumentIds: [] };
    expect(resolveIntent(asked, { ...facts, numberYears: [2021] }).presentYears).toEqual([]);
    expect(resolveIntent(asked, { ...facts, numberYears: null }).presentYears).toEqual([2021]);
  });

  it('asks for every place only when the question asks where', () => {
    expect(resolve('Nghị quyết 35-NQ/TW được nhắc đến trong những văn bản nào?').everyPlace).toBe(true);
    expect(resolve('Nghị quyết 35-NQ/TW được nhắc đến thế nào?').everyPlace).toBe(false);
  });
});
