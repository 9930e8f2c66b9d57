/**
 * A checker for Telegram's HTML parse mode, strict where Telegram is: only its tags and attributes,
 * well-nested, no blockquote inside a blockquote, nothing inside code/pre (except pre > code), and every
 * `&`, `<`, `>` outside tags escaped. Returns the text as Telegram would count it after entity parsing.
 */

const ALLOWED: Record<string, string[]> = {
  b: [], strong: [], i: [], em: [], u: [], ins: [], s: [], strike: [], del: [],
  span: ['class'], 'tg-spoiler': [], a: ['href'], 'tg-emoji': ['emoji-id'], 'tg-time': ['unix', 'format'],
  code: ['class'], pre: [], blockquote: ['expandable'],
};

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export type HtmlCheck = { ok: true; text: string } | { ok: false; error: string };

const TAG = /^<(\/?)([a-zA-Z][a-zA-Z-]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\s*>/;
const ENTITY = /^&(?:(lt|gt|amp|quot)|#(\d+)|#x([0-9a-fA-F]+));/;

export function checkTelegramHtml(html: string): HtmlCheck {
  const stack: string[] = [];
  let text = '';
  let i = 0;
  while (i < html.length) {
    const rest = html.slice(i);
    const ch = html[i];
    if (ch === '<') {
      const m = TAG.exec(rest);
      if (!m) return { ok: false, error: `unescaped "<" at ${i}` };
      const error = m[1] ? closeTag(stack, m[2]!.toLowerCase()) : openTag(stack, m[2]!.toLowerCase(), m[3] ?? '');
      if (error) return { ok: false, error: `${error} at ${i}` };
      i += m[0].length;
    } else if (ch === '&') {
      const m = ENTITY.exec(rest);
      if (!m) return { ok: false, error: `unescaped "&" at ${i}` };
      text += m[1] ? ENTITIES[m[1]] : String.fromCodePoint(m[2] ? Number(m[2]) : parseInt(m[3]!, 16));
      i += m[0].length;
    } else if (ch === '>') {
      return { ok: false, error: `unescaped ">" at ${i}` };
    } else {
      text += ch;
      i += 1;
    }
  }
  if (stack.length > 0) return { ok: false, error: `unclosed <${stack.join('>, <')}>` };
  return { ok: true, text };
}

function openTag(stack: string[], name: string, attrs: string): string | null {
  const allowed = ALLOWED[name];
  if (!allowed) return `tag <${name}> not supported`;
  for (const [, attr] of attrs.matchAll(/([a-zA-Z-]+)(?:="[^"]*")?/g)) {
    if (!allowed.includes(attr!.toLowerCase())) return `attribute ${attr} not allowed on <${name}>`;
  }
  if (name === 'span' && !/class="tg-spoiler"/.test(attrs)) return 'span needs class="tg-spoiler"';
  if (name === 'blockquote' && stack.includes('blockquote')) return 'nested blockquote';
  const top = stack[stack.length - 1];
  if (top === 'code' || (top === 'pre' && name !== 'code')) return `<${name}> inside <${top}>`;
  stack.push(name);
  return null;
}

function closeTag(stack: string[], name: string): string | null {
  const top = stack.pop();
  return top === name ? null : `</${name}> closes <${top ?? 'nothing'}>`;
}
