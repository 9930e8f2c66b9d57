/**
 * The force panel of the review and detail screens: the document's status, its chain ("Sẽ thay thế: Quy định số
 * 05-QĐ/TU ngày 12/9/2019", "Được thay thế bởi: …"), and each statement naming another document with the document
 * it is linked to. A wrong link is corrected with the select beside it (POST /documents/:id/force/:statementId).
 */
import { call } from './api.js';
import { fill, h } from './dom.js';

const NONE = '__none__';
const AUTO = '__auto__';

/** The select of a statement: automatic (by number), none, or one of the active documents. */
function linkSelect(statement, documents, onPick) {
  const current = statement.linkSource === 'auto' ? AUTO : (statement.linked?.id ?? NONE);
  const options = [
    h('option', { value: AUTO, selected: current === AUTO }, 'Tự động theo số hiệu'),
    h('option', { value: NONE, selected: current === NONE }, '— Không có trong kho —'),
    documents.map((d) => h('option', { value: d.id, selected: current === d.id }, d.name)),
  ];
  return h('select', { class: 'force-link', 'data-statement': statement.id, onchange: (e) => onPick(e.target.value) }, options);
}

/**
 * The panel for document `documentId` with `force` (the API's force object); `notify(message, isError)` reports.
 * Returns the element; it re-renders itself after a correction.
 */
export function forcePanel(documentId, force, { notify }) {
  const panel = h('div', { class: 'force', id: 'force-panel' });
  let documents = [];
  const render = (f) => {
    if (!f) return fill(panel);
    const relink = (statementId) => async (value) => {
      const target = value === AUTO ? 'auto' : value === NONE ? null : value;
      try {
        render(await call('POST', `/documents/${documentId}/force/${statementId}`, { target }));
        notify('Đã sửa liên kết hiệu lực.');
      } catch (err) {
        notify(err.message, true);
      }
    };
    return fill(panel,
      h('h3', {}, 'Hiệu lực'),
      h('p', { class: f.state === 'in_force' ? 'ok' : 'replaces' }, f.status),
      f.chain.length ? h('ul', { class: 'chain' }, f.chain.map((line) => h('li', {}, line))) : null,
      f.statements.length
        ? h('table', { class: 'docs' },
            h('thead', {}, h('tr', {}, ['Văn bản nêu', 'Mục', 'Văn bản được nêu', 'Liên kết trong kho'].map((t) => h('th', {}, t)))),
            h('tbody', {}, f.statements.map((s) => h('tr', {},
              h('td', {}, s.text),
              h('td', {}, s.sectionLabel || 'mở đầu'),
              h('td', {}, `${s.target.type ?? 'Văn bản'} số ${s.target.number}${s.target.date ? ` ngày ${s.target.date}` : ''}`),
              h('td', {}, linkSelect(s, documents.filter((d) => d.id !== documentId), relink(s.id))),
            ))))
        : null,
    );
  };
  render(force);
  // The choices of a correction: the active documents (loaded once; the panel shows at once without them).
  if (force?.statements.length) {
    call('GET', '/documents?status=active')
      .then((list) => {
        documents = list.documents;
        render(force);
      })
      .catch((err) => notify(err.message, true));
  }
  return panel;
}
