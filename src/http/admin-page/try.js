/**
 * The "thử câu hỏi" box: the answer and its citations exactly as a user reads them, then, for the admin only,
 * the retrieved sections with their scores; "Tải đề cương" downloads the outline on the same words.
 */
/* global document, URL, setTimeout */
import { call, download } from './api.js';
import { fill, h, show } from './dom.js';

const OUTCOME_VI = {
  answered: 'Đã trả lời',
  refused: 'Từ chối (không có trong văn bản)',
  absent_year: 'Chưa có văn bản của năm được hỏi',
  too_long: 'Câu hỏi quá dài',
  empty: 'Câu hỏi rỗng',
};

/** Asks the question in the form and shows the result. */
export async function ask(question, container, notify) {
  try {
    const r = await call('POST', '/try', { question });
    show(container);
    fill(container, render(r));
  } catch (err) {
    notify(err.message, true);
  }
}

/** Downloads the đề cương tuyên truyền on `topic` as a Word file (the same outline as Telegram's /decuong). */
export async function downloadOutline(topic, notify) {
  if (!topic) return notify('Nhập chủ đề vào ô câu hỏi rồi bấm "Tải đề cương".', true);
  try {
    const { blob, name } = await download(`/outline.docx?topic=${encodeURIComponent(topic)}`);
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    notify(`Đã tải ${name}`);
  } catch (err) {
    notify(err.message, true);
  }
}

/** A score bar; its width is set through the CSSOM, which the page's CSP allows (inline style attributes it does not). */
function bar(fraction) {
  const el = h('span', { class: 'bar' });
  el.style.width = `${Math.round(fraction * 100)}%`;
  return el;
}

function render(r) {
  const max = Math.max(...r.retrieved.map((x) => x.score), 0.0001);
  return h('div', { class: 'split try' },
    h('div', { class: 'card' },
      h('h3', {}, 'Người dùng sẽ thấy ', h('span', { class: `badge ${r.refused ? 'retired' : 'active'}` }, OUTCOME_VI[r.outcome] ?? r.outcome)),
      h('div', { class: 'answer', id: 'try-answer' }, r.answer),
      r.citations.length ? h('h4', {}, 'Trích dẫn') : null,
      h('ol', { class: 'citations', id: 'try-citations' }, r.citations.map((c) => h('li', {}, c.line, h('span', { class: 'hint mono' }, ` — ${c.source}`)))),
      h('p', { class: 'hint' }, `Thời gian trả lời: ${r.latency_ms} ms · cách trả lời: ${r.mode === 'model' ? 'mô hình ngôn ngữ' : 'trích nguyên văn'}`),
    ),
    h('div', { class: 'card' },
      h('h3', {}, 'Các mục tìm được (chỉ quản trị viên thấy)'),
      h('p', { class: 'hint' }, `Điểm cao nhất: ${r.topScore.toFixed(3)}${r.topCoverage === null ? '' : ` · độ bao phủ: ${r.topCoverage.toFixed(2)}`}`),
      h('table', { class: 'docs', id: 'try-retrieved' },
        h('thead', {}, h('tr', {}, ['Tệp', 'Mục', 'Điểm', ''].map((t) => h('th', {}, t)))),
        h('tbody', {}, r.retrieved.map((x) => h('tr', {},
          h('td', { class: 'mono' }, x.source),
          h('td', {}, x.section || '(mở đầu)'),
          h('td', {}, x.score.toFixed(3)),
          h('td', { class: 'barcell' }, bar(x.score / max)),
        ))),
      ),
    ),
  );
}
