import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeness, scorerSections, sectionItems } from '../../src/eval/list-items.ts';

const shared = join(process.cwd(), '..', 'shared', 'eval');
const dirs = [join(process.cwd(), 'data', 'documents'), join(process.cwd(), 'tests', 'ingestion', 'fixtures', 'layouts')];
const files = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => join(d, f)));

function python(): boolean {
  try {
    execFileSync('python3', ['--version']);
    return existsSync(join(shared, 'sections.py'));
  } catch {
    return false;
  }
}

/** Labels and items of every section of every file, by the shared scorer itself (one Python run). */
function scorerView(paths: string[]): Array<Array<[string, string[]]>> {
  const code = `import json,sys; sys.path.insert(0, ${JSON.stringify(shared)})
from sections import parse, items
out = []
for f in json.loads(sys.argv[1]):
    s = parse(open(f, encoding='utf-8').read())
    out.append([[l, items(s, l)] for l, _, _ in s])
print(json.dumps(out, ensure_ascii=False))`;
  return JSON.parse(execFileSync('python3', ['-c', code, JSON.stringify(paths)], { encoding: 'utf8' })) as Array<Array<[string, string[]]>>;
}

describe('list completeness as the shared scorer counts it', () => {
  it.skipIf(!python())('finds the same sections and items as ../shared/eval/sections.py', () => {
    const theirs = scorerView(files);
    files.forEach((file, i) => {
      const sections = scorerSections(readFileSync(file, 'utf8'));
      const ours = sections.map((s) => [s.label, sectionItems(sections, s.label)]);
      expect(ours, file).toEqual(theirs[i]);
    });
  });

  it('counts the items whose first six words the answer shows', () => {
    const items = ['Xây dựng đội ngũ cán bộ các cấp, nhất là người đứng đầu', 'Tiếp tục đổi mới, hoàn thiện tổ chức bộ máy'];
    expect(completeness(items, 'Văn bản nêu: - xay dung doi ngu can bo cac cap …')).toBe(0.5);
    expect(completeness(items, 'Xây dựng đội ngũ cán bộ các cấp; Tiếp tục đổi mới, hoàn thiện tổ chức')).toBe(1);
    expect(completeness(items.slice(0, 1), 'x')).toBeNull();
  });
});
