/**
 * The review screen of a draft: the outline as a tree next to the document text, the detected metadata in
 * editable fields, the warnings, what it will replace or amend (with its links, correctable), and Đăng (publish)
 * / Huỷ (cancel).
 */
import { call } from './api.js';
import { DOCUMENT_TYPES, documentText, fill, h, outlineTree, scrollToSection } from './dom.js';
import { forcePanel } from './force.js';

const FIELDS = [
  ['type', 'Loại văn bản'],
  ['number', 'Số hiệu'],
  ['title', 'Trích yếu (tiêu đề)'],
  ['issuer', 'Cơ quan ban hành'],
  ['year', 'Năm'],
  ['issuedOn', 'Ngày ban hành'],
  ['signer', 'Người ký'],
];

function input(name, value) {
  if (name === 'type') {
    return h('select', { name }, h('option', { value: '' }, '(chưa xác định)'), DOCUMENT_TYPES.map((t) => h('option', { value: t, selected: t === value }, t)));
  }
  if (name === 'year') return h('input', { name, type: 'number', min: 1930, max: 2100, value: value ?? '' });
  if (name === 'issuedOn') return h('input', { name, type: 'date', value: value ?? '' });
  return h('input', { name, type: 'text', value: value ?? '' });
}

/** Form values → PATCH body: empty clears the field (except the title), the year is a number. */
function patchOf(form) {
  const body = {};
  for (const [name] of FIELDS) {
    const raw = String(form.elements[name].value).trim();
    if (name === 'title') {
      if (raw) body.title = raw;
    } else if (name === 'year') body.year = raw ? Number(raw) : null;
    else body[name] = raw || null;
  }
  return body;
}

function warningList(warnings) {
  if (!warnings.length) return h('p', { class: 'ok' }, 'Không có cảnh báo.');
  return h('ul', { class: 'warnings' }, warnings.map((w) => h('li', { 'data-code': w.code }, w.message)));
}

/**
 * Renders the review of `review` (the upload/PATCH response) into `container`. `done(message)` is called
 * after publish or cancel.
 */
export function renderReview(container, review, { notify, done }) {
  const text = documentText(review.text ?? []);
  const form = h(
    'form',
    { class: 'meta', id: 'meta-form' },
    FIELDS.map(([name, label]) => h('label', {}, label, input(name, review.metadata[name]))),
    h('button', { type: 'submit' }, 'Lưu thông tin'),
  );
  const warnings = h('div', { id: 'review-warnings' }, warningList(review.warnings));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const updated = await call('PATCH', `/documents/${review.id}`, patchOf(form));
      Object.assign(review, updated);
      fill(warnings, warningList(updated.warnings));
      notify('Đã lưu thông tin văn bản.');
    } catch (err) {
      notify(err.message, true);
    }
  });
  const act = (path, message) => async () => {
    try {
      await call('POST', `/documents/${review.id}/${path}`);
      done(message);
    } catch (err) {
      notify(err.message, true);
    }
  };
  // The same file again may give back a document already published: nothing to publish or cancel then.
  const draft = review.status === 'draft';
  fill(
    container,
    h('div', { class: 'card' },
      draft
        ? h('h2', {}, 'Kiểm tra bản nháp ', h('span', { class: 'badge draft' }, 'chưa đăng'))
        : h('h2', {}, 'Văn bản đã có trong kho ', h('span', { class: `badge ${review.status}` }, review.status)),
      h('p', { class: 'hint' }, `Tệp: ${review.source}`),
      review.replaces ? h('p', { class: 'replaces' }, `Sẽ thay thế: ${review.replaces.name} (phiên bản ${review.replaces.version})`) : null,
      h('h3', {}, 'Cần kiểm tra'),
      warnings,
      forcePanel(review.id, review.force, { notify }),
      form,
      draft
        ? h('div', { class: 'actions' },
            h('button', { type: 'button', class: 'primary', id: 'publish', onclick: act('publish', 'Đã đăng văn bản: người dùng có thể hỏi ngay.') }, 'Đăng'),
            h('button', { type: 'button', class: 'danger', id: 'cancel', onclick: act('cancel', 'Đã huỷ bản nháp.') }, 'Huỷ bản nháp'),
          )
        : null,
    ),
    h('div', { class: 'split' },
      h('div', { class: 'card outline' }, h('h3', {}, `Dàn ý (${review.outline.length} mục)`), outlineTree(review.outline, (label) => scrollToSection(text, label))),
      h('div', { class: 'card text' }, h('h3', {}, 'Nội dung văn bản'), text),
    ),
  );
}
