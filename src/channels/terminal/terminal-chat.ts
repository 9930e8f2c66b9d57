/**
 * A chat in the terminal on the same engine, for when no channel token is configured: a newcomer sees
 * answers right after `npm install && npm start`. Commands mirror the chat channels.
 */
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import type { AskService, Library, TalkingPointsResult, Units } from '../../core/services.ts';
import { unitChoiceText, unitClearedText } from '../../organisation/unit-words.ts';
import { answerOf } from '../../ask/ask-service.ts';
import { documentLine } from '../citation-label.ts';
import { groupHeading, pointsSummary, pointSources, talkingPointsUsage } from '../../answer/talking-point-words.ts';

export interface TerminalDeps {
  askService: AskService;
  library: Library;
  /** `/donvi <tên đơn vị>`: the unit answers prefer (remembered in the store like a chat's). */
  units?: Units;
  input: Readable;
  output: Writable;
}

const HELP = [
  'Gõ câu hỏi về các văn bản trong kho, ví dụ:',
  '  nội dung tuyên truyền trọng tâm năm 2023 là gì?',
  '  noi dung tuyen truyen thuong xuyen nam 2022',
  '  Quy định 85-QĐ/TW được nhắc ở đâu?',
  'Lệnh: /vanban (danh sách văn bản), /xem <văn bản> [mục], /diemtin <chủ đề>, /nam <năm>, /donvi <tên đơn vị>, /thoat',
].join('\n');

function renderPoints(result: TalkingPointsResult): string {
  if (!result.ok) return result.reason === 'empty' ? talkingPointsUsage('/diemtin') : answerOf(result).text;
  const tp = result.points;
  if (tp.refused) return tp.notice ?? 'Không có nội dung phù hợp.';
  const lines = [`Dàn ý về "${tp.topic}": ${pointsSummary(tp)}`];
  if (tp.notice) lines.push(tp.notice);
  let n = 0;
  for (const g of tp.groups) {
    if (g.points[0]?.citations[0]) lines.push(`— ${groupHeading(g.points[0].citations[0])}`);
    for (const p of g.points) lines.push(`${++n}. ${p.title}\n   ${pointSources(p).join('\n   ')}`);
  }
  return lines.join('\n');
}

async function command(line: string, deps: TerminalDeps): Promise<string> {
  const [cmd = '', ...rest] = line.split(/\s+/);
  const arg = rest.join(' ');
  switch (cmd) {
    case '/help':
      return HELP;
    case '/vanban':
      return (await deps.library.listDocuments()).map((d, i) => `${i + 1}. ${documentLine(d)}`).join('\n') || 'Kho chưa có văn bản.';
    case '/nam': {
      const { documents, years } = await deps.library.year(Number(arg));
      return documents.length > 0 ? documents.map(documentLine).join('\n') : `Chưa có văn bản năm ${arg}. Có: ${years.join(', ')}`;
    }
    case '/diemtin':
      return renderPoints(await deps.askService.talkingPoints({ text: arg, conversationId: 'terminal', channel: 'terminal' }));
    case '/xem':
      return view(arg, deps);
    case '/donvi':
      if (!deps.units) return 'Chức năng đơn vị chưa được bật.';
      return arg.trim() === '' ? unitClearedText(await deps.units.clear('terminal'), '/donvi <tên đơn vị>') : unitChoiceText(await deps.units.set('terminal', arg), '/donvi <tên đơn vị>');
    default:
      return `Lệnh không rõ. ${HELP}`;
  }
}

async function view(arg: string, deps: TerminalDeps): Promise<string> {
  const m = /^(.*?)(?:\s+(?:mục\s+)?([IVXLC]+(?:\.[0-9a-z]+)*|\d+(?:\.\d+)*))?$/i.exec(arg.trim());
  const doc = await deps.library.findDocument(m?.[1] || arg);
  if (!doc) return 'Không tìm thấy văn bản. Gõ /vanban để xem danh sách.';
  if (m?.[2]) {
    const s = await deps.library.section(doc.id, m[2]);
    return s ? `${s.headingLine}\n${s.fullText}` : `Văn bản không có mục ${m[2]}.`;
  }
  const outline = await deps.library.outline(doc.id);
  return [documentLine(doc), ...outline.map((s) => `${'  '.repeat(Math.max(0, s.level - 1))}${s.label || '(mở đầu)'} ${s.heading}`)].join('\n');
}

async function answer(line: string, deps: TerminalDeps): Promise<string> {
  return answerOf(await deps.askService.ask({ text: line, conversationId: 'terminal', channel: 'terminal' })).text;
}

/** Runs the chat until the input ends or the user types /thoat. */
export async function runTerminalChat(deps: TerminalDeps): Promise<void> {
  const rl = createInterface({ input: deps.input, output: deps.output, terminal: false });
  const say = (text: string) => deps.output.write(`${text}\n\n`);
  say(`Trợ lý văn bản — hỏi đáp về các văn bản trong kho.\n${HELP}`);
  deps.output.write('> ');
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/thoat' || line === '/exit') break;
    if (line !== '') {
      try {
        say(line.startsWith('/') ? await command(line, deps) : await answer(line, deps));
      } catch {
        say('Xin lỗi, hệ thống đang bận, vui lòng thử lại sau.');
      }
    }
    deps.output.write('> ');
  }
  rl.close();
}
