/**
 * Statistics: totals, questions per day (bars, refusals in a darker shade), refusal rate per day, feedback with
 * reasons, and the unanswered questions — the content gap list. Charts are inline SVG, no library.
 */
import { call } from './api.js';
import { fill, h, s } from './dom.js';

const REASONS_VI = { wrong_source: 'sai nguồn', outdated: 'văn bản cũ', off_topic: 'lạc đề' };
const CHANNELS_VI = { telegram: 'Telegram', zalo: 'Zalo', api: 'API', terminal: 'Terminal', cli: 'CLI', eval: 'Đánh giá' };

/** Sums the per-channel rows into one row per day. */
function perDay(daily) {
  const days = new Map();
  for (const r of daily) {
    const d = days.get(r.day) ?? { day: r.day, questions: 0, refusals: 0 };
    d.questions += r.questions;
    d.refusals += r.refusals;
    days.set(r.day, d);
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** A vertical bar chart: `bars` of `{ label, value, inner? }`, `inner` drawn over `value` in a darker shade. */
function barChart(bars, { title, max, format = (v) => String(v), id }) {
  const width = 640;
  const height = 180;
  const pad = 28;
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  const step = (width - pad * 2) / Math.max(1, bars.length);
  const barW = Math.max(4, Math.min(40, step * 0.7));
  const y = (v) => height - pad - (v / top) * (height - pad * 2);
  return s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': title, id },
    s('title', {}, title),
    s('line', { x1: pad, y1: height - pad, x2: width - pad, y2: height - pad, class: 'axis' }),
    s('text', { x: 2, y: pad, class: 'tick' }, format(top)),
    bars.map((b, i) => {
      const x = pad + i * step + (step - barW) / 2;
      return s('g', {},
        s('rect', { x, y: y(b.value), width: barW, height: Math.max(0, height - pad - y(b.value)), class: 'bar-main' }, s('title', {}, `${b.label}: ${format(b.value)}`)),
        b.inner === undefined ? null : s('rect', { x, y: y(b.inner), width: barW, height: Math.max(0, height - pad - y(b.inner)), class: 'bar-inner' }),
        s('text', { x: x + barW / 2, y: height - 8, class: 'tick', 'text-anchor': 'middle' }, b.label),
      );
    }),
  );
}

const shortDay = (day) => `${Number(day.slice(8, 10))}/${Number(day.slice(5, 7))}`;
const percent = (v) => `${Math.round(v * 100)}%`;

function card(title, ...children) {
  return h('div', { class: 'card' }, h('h3', {}, title), ...children);
}

/** Loads and renders the statistics into `container`. */
export async function loadStats(container, notify) {
  try {
    const st = await call('GET', '/stats');
    const days = perDay(st.daily);
    const reasons = Object.entries(st.feedback.reasons);
    fill(container,
      h('div', { class: 'totals' },
        h('div', { class: 'card total' }, h('strong', {}, st.questions), ' câu hỏi'),
        h('div', { class: 'card total' }, h('strong', {}, percent(st.refusalRate)), ` từ chối (${st.refusals})`),
        h('div', { class: 'card total' }, h('strong', {}, `${st.feedback.up} / ${st.feedback.down}`), ' phản hồi hữu ích / chưa tốt'),
        h('div', { class: 'card total' }, Object.entries(st.byChannel).map(([c, n]) => h('span', { class: 'chip' }, `${CHANNELS_VI[c] ?? c}: ${n}`))),
      ),
      card('Câu hỏi mỗi ngày (phần đậm: bị từ chối)', days.length ? barChart(days.map((d) => ({ label: shortDay(d.day), value: d.questions, inner: d.refusals })), { title: 'Câu hỏi mỗi ngày', id: 'chart-daily' }) : h('p', { class: 'hint' }, 'Chưa có câu hỏi.')),
      card('Tỉ lệ từ chối mỗi ngày', days.length ? barChart(days.map((d) => ({ label: shortDay(d.day), value: d.questions ? d.refusals / d.questions : 0 })), { title: 'Tỉ lệ từ chối', max: 1, format: percent }) : h('p', { class: 'hint' }, 'Chưa có dữ liệu.')),
      card('Phản hồi của người dùng', barChart([
        { label: 'Hữu ích', value: st.feedback.up },
        { label: 'Chưa tốt', value: st.feedback.down },
        ...reasons.map(([r, n]) => ({ label: REASONS_VI[r] ?? r, value: n })),
      ], { title: 'Phản hồi' })),
      card('Câu hỏi chưa trả lời được (cần bổ sung văn bản)', st.unanswered.length
        ? h('ol', { class: 'unanswered' }, st.unanswered.map((u) => h('li', {}, u.question, h('span', { class: 'hint' }, ` (${u.count} lần)`))))
        : h('p', { class: 'hint' }, 'Không có.')),
    );
  } catch (err) {
    notify(err.message, true);
  }
}
