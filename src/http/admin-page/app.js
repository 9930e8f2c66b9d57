/* global document, setTimeout, clearTimeout */
/**
 * The admin page's entry: the token prompt, the tabs, and the upload screen with drag-and-drop and progress.
 * Every screen talks to /admin/api with the token kept in sessionStorage.
 */
import { call, login, logout, token, uploadFile } from './api.js';
import { $, DOCUMENT_TYPES, fill, h, show } from './dom.js';
import { loadList } from './documents.js';
import { renderReview } from './review.js';
import { loadStats } from './stats.js';
import { ask, downloadOutline } from './try.js';

const VIEWS = ['login', 'upload', 'documents', 'try', 'stats'];
let flashTimer;

/** Shows a short message at the top; errors stay until the next message. */
function notify(message, isError = false) {
  const flash = $('#flash');
  fill(flash, message);
  flash.className = `flash${isError ? ' error' : ''}`;
  show(flash);
  clearTimeout(flashTimer);
  if (!isError) flashTimer = setTimeout(() => show(flash, false), 5000);
}

const docs = { filters: null, list: null, detail: null, notify };

function go(view) {
  for (const v of VIEWS) show($(`#view-${v}`), v === view);
  for (const tab of document.querySelectorAll('.tab')) tab.classList.toggle('active', tab.dataset.view === view);
  if (view === 'documents') loadList(docs);
  if (view === 'stats') loadStats($('#stats'), notify);
}

async function onLogin(e) {
  e.preventDefault();
  login($('#login-token').value.trim(), $('#login-name').value.trim());
  try {
    await call('GET', '/documents?status=draft');
    enter();
  } catch (err) {
    logout();
    fill($('#login-error'), err.status === 401 ? 'Mã truy cập không đúng.' : err.message);
    show($('#login-error'));
  }
}

function enter() {
  show($('#nav'));
  show($('#login-error'), false);
  go('upload');
}

async function sendFile(file) {
  const progress = $('#upload-progress');
  const status = $('#upload-status');
  progress.value = 0;
  show(progress);
  fill(status, `Đang tải lên ${file.name}…`);
  try {
    const review = await uploadFile(file, (p) => {
      progress.value = p;
      fill(status, p < 100 ? `Đang tải lên ${file.name}: ${p}%` : `Đang đọc và phân tích ${file.name}…`);
    });
    fill(status, `Đã đọc xong ${file.name}. Kiểm tra rồi bấm “Đăng”.`);
    show($('#review'));
    renderReview($('#review'), review, {
      notify,
      done: (message) => {
        notify(message);
        show($('#review'), false);
        fill(status, '');
      },
    });
  } catch (err) {
    fill(status, '');
    notify(err.message, true);
  } finally {
    show(progress, false);
  }
}

function wireUpload() {
  const zone = $('#dropzone');
  for (const type of ['dragenter', 'dragover']) zone.addEventListener(type, (e) => (e.preventDefault(), zone.classList.add('over')));
  for (const type of ['dragleave', 'drop']) zone.addEventListener(type, () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    const file = e.dataTransfer?.files?.[0];
    if (file) sendFile(file);
  });
  $('#file-input').addEventListener('change', (e) => {
    const file = e.target.files?.[0];
    if (file) sendFile(file);
    e.target.value = '';
  });
}

function start() {
  docs.filters = $('#filters');
  docs.list = $('#doc-list');
  docs.detail = $('#doc-detail');
  fill($('#filter-type'), h('option', { value: '' }, 'mọi loại'), DOCUMENT_TYPES.map((t) => h('option', { value: t }, t)));
  $('#login-form').addEventListener('submit', onLogin);
  $('#logout').addEventListener('click', () => (logout(), show($('#nav'), false), go('login')));
  for (const tab of document.querySelectorAll('.tab')) tab.addEventListener('click', () => go(tab.dataset.view));
  docs.filters.addEventListener('submit', (e) => (e.preventDefault(), loadList(docs)));
  $('#try-form').addEventListener('submit', (e) => (e.preventDefault(), ask($('#try-question').value.trim(), $('#try-result'), notify)));
  $('#try-outline').addEventListener('click', () => downloadOutline($('#try-question').value.trim(), notify));
  wireUpload();
  if (token()) enter();
  else go('login');
}

start();
