/** Loading the prompt files and building the numbered context blocks. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contextBlocks, loadAnswerPrompt, SYSTEM_PROMPT_FILE, USER_PROMPT_FILE } from '../../src/llm/answer-prompt.ts';
import { ConfigError } from '../../src/core/errors.ts';
import { FOCUS, FORMS } from './fixtures.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function promptsFolder(system: string | null, user: string | null): string {
  const folder = mkdtempSync(join(tmpdir(), 'prompts-'));
  folders.push(folder);
  if (system !== null) writeFileSync(join(folder, SYSTEM_PROMPT_FILE), system);
  if (user !== null) writeFileSync(join(folder, USER_PROMPT_FILE), user);
  return folder;
}

describe('loadAnswerPrompt', () => {
  it('builds system and user messages from the project prompts', async () => {
    const prompt = loadAnswerPrompt('prompts');
    const messages = await prompt.formatMessages({ context: '[1] X\nY', question: 'Câu hỏi {không phải biến}?' });
    expect(messages.map((m) => m.type)).toEqual(['system', 'human']);
    expect(String(messages[0]?.content)).toContain('KHÔNG CÓ');
    expect(String(messages[1]?.content)).toContain('[1] X\nY');
    expect(String(messages[1]?.content)).toContain('Câu hỏi {không phải biến}?');
  });

  it('lets the system text contain braces', () => {
    expect(() => loadAnswerPrompt(promptsFolder('Quy tắc {a} và {b}', '{context}\n{question}'))).not.toThrow();
  });

  it.each([
    ['a missing file', null, '{context} {question}'],
    ['an empty file', '   ', '{context} {question}'],
    ['a user template without {question}', 'Hệ thống', '{context}'],
    ['a user template with an unknown variable', 'Hệ thống', '{context} {question} {year}'],
  ])('throws ConfigError on %s', (_kind, system, user) => {
    expect(() => loadAnswerPrompt(promptsFolder(system, user))).toThrow(ConfigError);
  });
});

describe('contextBlocks', () => {
  it('numbers the blocks and puts each verbatim quote under its source line', () => {
    const text = contextBlocks([FOCUS, FORMS]);
    expect(text).toBe(
      `[1] Kế hoạch "thông tin, tuyên truyền về công tác xây dựng Đảng, xây dựng hệ thống chính trị năm 2023" – năm 2023 – ` +
        `Ban Thường vụ Huyện ủy – mục II.1 "Nội dung tuyên truyền trọng tâm"\n${FOCUS.quote}\n\n` +
        `[2] Kế hoạch số 12-KH/ĐU "tuyên truyền kết quả Đại hội XIII của Đảng" – ngày 10/5/2021 – ` +
        `Đảng ủy Ban Quản lý Khu kinh tế – mục III.2 "Hình thức tuyên truyền"\n${FORMS.quote}`,
    );
  });
});
