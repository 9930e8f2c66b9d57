/* global window, URLSearchParams */
/**
 * The document list with filters, and one document's detail: metadata, outline, text, its force (status, chain,
 * correctable links), references to and from other documents, version history, and the actions its status
 * allows (publish, cancel, retire, restore, delete).
 */
import { call } from './api.js';
import { documentText, fill, h, outlineTree, scrollToSection, show, STATUS_VI } from './dom.js';
import { renderReview } from './review.js';
import { forcePanel } from './force.js';

const badge = (status) => h('span', { class: `badge ${status}` }, STATUS_VI[status] ?? status);

/** Loads the list for the filter form's current values. */
export async function loadList(ctx) {
  const params = new URLSearchParams();
  for (const [key, value] of new window.FormData(ctx.filters)) if (String(value).trim()) params.set(key, String(value).trim());
  try {
    const { documents } = await call('GET', `/documents?${params}`);
    fill(ctx.list, documents.length ? table(documents, ctx) : h('p', { class: 'hint' }, 'Không có văn bản nào khớp bộ lọc.'));
  } catch (err) {
    ctx.notify(err.message, true);
  }
}

function table(documents, ctx) {
  return h('table', { class: 'docs' },
    h('thead', {}, h('tr', {}, ['Văn bản', 'Năm', 'Cơ quan ban hành', 'Trạng thái', 'Phiên bản', 'Tệp'].map((t) => h('th', {}, t)))),
    h('tbody', {}, documents.map((d) =>
      h('tr', {},
        h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => openDetail(ctx, d.id) }, d.metadata.number ? `${d.metadata.type ?? 'Văn bản'} số ${d.metadata.number}` : `${d.metadata.type ?? 'Văn bản'} "${d.metadata.title}"`)),
        h('td', {}, d.metadata.year ?? '—'),
        h('td', {}, d.metadata.issuer ?? '—'),
        h('td', {}, badge(d.status)),
        h('td', {}, d.version),
        h('td', { class: 'mono' }, d.source),
      ))),
  );
}

/** Opens one document (a draft opens in the review screen). */
export async function openDetail(ctx, id) {
  try {
    const detail = await call('GET', `/documents/${id}`);
    show(ctx.detail);
    if (detail.document.status === 'draft') {
      const review = { id, status: 'draft', source: detail.document.source, metadata: detail.document.metadata, outline: detail.outline, warnings: detail.warnings, replaces: null, force: detail.force, text: detail.text };
      renderReview(ctx.detail, review, { notify: ctx.notify, done: (m) => afterAction(ctx, m) });
    } else {
      renderDetail(ctx, detail);
    }
    ctx.detail.scrollIntoView({ behavior: 'smooth' });
  } catch (err) {
    ctx.notify(err.message, true);
  }
}

async function afterAction(ctx, message, reopenId) {
  ctx.notify(message);
  await loadList(ctx);
  if (reopenId) await openDetail(ctx, reopenId);
  else show(ctx.detail, false);
}

function actionsFor(ctx, d) {
  const act = (label, cls, method, path, message, reopen = true) =>
    h('button', { type: 'button', class: cls, 'data-action': path || 'delete', onclick: async () => {
      if (method === 'DELETE' && !window.confirm('Xoá hẳn văn bản này? Không thể hoàn tác.')) return;
      try {
        await call(method, `/documents/${d.id}${path ? `/${path}` : ''}`);
        await afterAction(ctx, message, reopen ? d.id : null);
      } catch (err) {
        ctx.notify(err.message, true);
      }
    } }, label);
  const buttons = [];
  if (d.status === 'active') buttons.push(act('Gỡ (ngừng trả lời từ văn bản này)', 'warn', 'POST', 'retire', 'Đã gỡ văn bản.'));
  if (d.status === 'replaced' || d.status === 'retired') buttons.push(act('Khôi phục phiên bản này', 'primary', 'POST', 'restore', 'Đã khôi phục văn bản.'));
  buttons.push(act('Xoá', 'danger', 'DELETE', '', 'Đã xoá văn bản.', false));
  return h('div', { class: 'actions' }, buttons);
}

function field(label, value) {
  return [h('dt', {}, label), h('dd', {}, value === null || value === undefined || value === '' ? '(chưa xác định)' : String(value))];
}

function references(ctx, refs) {
  const link = (id, name) => (id ? h('button', { type: 'button', class: 'link', onclick: () => openDetail(ctx, id) }, name) : null);
  return h('div', { class: 'refs' },
    h('h3', {}, `Văn bản này dẫn chiếu (${refs.to.length})`),
    refs.to.length ? h('ul', {}, refs.to.map((r) => h('li', {}, r.text, ' ', r.sectionLabel ? h('span', { class: 'hint' }, `(mục ${r.sectionLabel})`) : h('span', { class: 'hint' }, '(phần mở đầu)'), r.documentId ? [' → ', link(r.documentId, r.documentName)] : ''))) : h('p', { class: 'hint' }, 'Không có.'),
    h('h3', {}, `Được dẫn chiếu bởi (${refs.from.length})`),
    refs.from.length ? h('ul', {}, refs.from.map((r) => h('li', {}, link(r.documentId, r.documentName ?? r.documentId), ` — mục ${r.sectionLabel || 'mở đầu'}: ${r.text}`))) : h('p', { class: 'hint' }, 'Không có văn bản nào trong kho dẫn chiếu văn bản này.'),
  );
}

function history(ctx, versions) {
  return h('table', { class: 'docs' },
    h('thead', {}, h('tr', {}, ['Phiên bản', 'Trạng thái', 'Tệp', 'Ngày tải lên'].map((t) => h('th', {}, t)))),
    h('tbody', {}, versions.map((v) => h('tr', {},
      h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => openDetail(ctx, v.id) }, `v${v.version}`)),
      h('td', {}, badge(v.status)),
      h('td', { class: 'mono' }, v.source),
      h('td', {}, v.createdAt.slice(0, 10)),
    ))),
  );
}

function renderDetail(ctx, detail) {
  const d = detail.document;
  const m = d.metadata;
  const text = documentText(detail.text);
  fill(ctx.detail,
    h('div', { class: 'card' },
      h('h2', {}, d.name, ' ', badge(d.status)),
      h('dl', { class: 'fields' },
        field('Loại', m.type), field('Số hiệu', m.number), field('Trích yếu', m.title), field('Cơ quan ban hành', m.issuer),
        field('Năm', m.year), field('Ngày ban hành', m.issuedOn), field('Người ký', m.signer), field('Tệp', d.source), field('Phiên bản', d.version)),
      actionsFor(ctx, d),
      forcePanel(d.id, detail.force, { notify: ctx.notify }),
      references(ctx, detail.references),
      h('h3', {}, 'Lịch sử phiên bản'),
      history(ctx, detail.history),
    ),
    h('div', { class: 'split' },
      h('div', { class: 'card outline' }, h('h3', {}, `Dàn ý (${detail.outline.length} mục)`), outlineTree(detail.outline, (label) => scrollToSection(text, label))),
      h('div', { class: 'card text' }, h('h3', {}, 'Nội dung văn bản'), text),
    ),
  );
}
