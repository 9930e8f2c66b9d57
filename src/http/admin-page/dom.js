/* global document, setTimeout */
/**
 * Tiny DOM helpers. Text always goes in through textContent, never innerHTML, so document text and titles
 * cannot inject markup.
 */

/** Creates an element: `h('p', { class: 'x', onclick: fn }, 'text', child)`. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes and children. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
}

function append(el, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
}

/** Replaces an element's content. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Shows one element and hides it again with `show(el, false)`. */
export function show(el, visible = true) {
  el.hidden = !visible;
}

export const $ = (selector) => document.querySelector(selector);

/** Vietnamese label of a document status. */
export const STATUS_VI = { draft: 'bản nháp', active: 'đang hiệu lực', replaced: 'đã thay thế', retired: 'đã gỡ' };

/** The document types the parser knows, in their canonical spelling. */
export const DOCUMENT_TYPES = [
  'Kế hoạch', 'Hướng dẫn', 'Nghị quyết', 'Chỉ thị', 'Kết luận', 'Quy định', 'Quyết định', 'Chương trình', 'Đề án',
  'Thông báo', 'Báo cáo', 'Công văn',
];

/** The outline as a nested list; `onPick(label)` is called when an entry is clicked. */
export function outlineTree(outline, onPick) {
  const root = h('ul', { class: 'tree' });
  const stack = [{ level: -1, list: root }];
  for (const item of outline) {
    while (stack.length > 1 && stack[stack.length - 1].level >= item.level) stack.pop();
    const text = item.label === '' ? 'Phần mở đầu (căn cứ)' : `${item.label}. ${item.heading}`;
    const li = h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => onPick?.(item.label) }, text));
    stack[stack.length - 1].list.append(li);
    const sub = h('ul');
    li.append(sub);
    stack.push({ level: item.level, list: sub });
  }
  for (const ul of root.querySelectorAll('ul')) if (!ul.children.length) ul.remove();
  return root;
}

/** The document text, one block per section, each with an anchor id for the outline. */
export function documentText(parts) {
  return h(
    'div',
    { class: 'doctext' },
    parts.map((p) =>
      h('section', { id: `sec-${p.label || 'mo-dau'}`, 'data-label': p.label }, p.headingLine ? h('h4', {}, p.headingLine) : null, h('p', {}, p.body)),
    ),
  );
}

/** Scrolls the text to a section. */
export function scrollToSection(container, label) {
  const target = container.querySelector(`[data-label="${label.replace(/"/g, '')}"]`);
  target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  target?.classList.add('flash-target');
  setTimeout(() => target?.classList.remove('flash-target'), 1200);
}
