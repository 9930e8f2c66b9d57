/**
 * A number that names the document asked about ("Kế hoạch thực hiện Đề án 17") does not pull in its opening, which
 * cites that number only because it is the document's name; a question for the number itself (when it was issued,
 * where it is cited) still finds the opening by it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useMemoryCore } from '../fixtures/memory-core.ts';

const NAME = '2022-ke-hoach-dang-uy-khoi-lao-cai-de-an-17.txt';

describe('a number naming the document', () => {
  const core = useMemoryCore([{ name: NAME, text: readFileSync(join('data', 'documents', NAME), 'utf8') }]);
  const opening = async (question: string) => (await core().engine.explain(question, 60)).candidates.find((c) => c.section === '');

  it('is not a citation of it when its content is asked', async () => {
    expect((await opening('Kế hoạch thực hiện Đề án 17 năm 2022 có những nội dung thực hiện nào?'))?.features.citesNumber ?? 0).toBe(0);
  });

  it('is when the number itself is asked about', async () => {
    expect((await opening('Đề án 17 của Tỉnh ủy Lào Cai ban hành ngày nào?'))?.features.citesNumber).toBe(1);
    expect((await opening('Đề án 17 được nhắc đến ở những văn bản nào?'))?.features.citesNumber).toBe(1);
  });
});
