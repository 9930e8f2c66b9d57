/** The evaluation question format (see data/eval/README.md): only `id` and `question` are required. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const ref = z.object({ source: z.string(), section: z.string() });

export const evalQuestionSchema = z.object({
  id: z.string(),
  question: z.string(),
  expect: z.enum(['answer', 'refuse', 'absent_year']).optional(),
  kind: z.string().optional(),
  gold: z.array(ref).optional(),
  gold_mode: z.enum(['any', 'all']).optional(),
  also: z.array(ref).optional(),
  must_include: z.array(z.string()).optional(),
  year_check: z.boolean().optional(),
  /** The first words of each item a complete answer to a list question shows (else its gold section's items). */
  items: z.array(z.string()).optional(),
});

export type EvalQuestion = z.infer<typeof evalQuestionSchema>;
export type SectionRef = z.infer<typeof ref>;

/** Reads a JSONL question file; a malformed line is an error naming its line number. */
export function loadQuestions(path: string): EvalQuestion[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const out: EvalQuestion[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = evalQuestionSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
    out.push(parsed.data);
  });
  return out;
}
