// Message text as Markdown, made safe by construction: markdown-it (vendored, HTML off) parses the
// text into tokens, and this module builds DOM nodes from those tokens itself. markdown-it's own
// HTML renderer is never used and nothing is ever assigned to innerHTML: every piece of user text
// becomes a text node, every element is one this file names. A token type it does not know is
// shown as its plain text, so a newer parser can never smuggle markup in.
//
// What a chat needs, and no more: bold, italic, strike, inline code, fenced code blocks, quotes,
// lists, links (http, https and mailto only; they open in a new tab without referrer or opener),
// bare URLs made clickable, :shortcode: emoji, and @mentions highlighted (mine stand out).
// Headings, tables, images, indented code and raw HTML stay plain text.

import MarkdownIt from '../vendor/markdown-it/markdown-it.esm.min.mjs';
import emojiPlugin from '../vendor/markdown-it-emoji/lib/full.mjs';

const md = new MarkdownIt('zero', { html: false, linkify: true, breaks: true })
  .enable(['newline', 'escape', 'backticks', 'emphasis', 'strikethrough', 'link', 'autolink', 'linkify',
    'fence', 'blockquote', 'list'])
  // :smile: and friends only; emoticons such as :) stay as typed.
  .use(emojiPlugin, { shortcuts: {} });

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

// @handle (2 to 30 of a-z, 0-9, _; as the profile allows), @channel and @here, not inside a word or an email address.
const MENTION = /(^|[^\p{L}\p{N}_@.])@([A-Za-z0-9_]{2,30})(?![A-Za-z0-9_])/gu;
const EVERYONE = new Set(['channel', 'here']);

// Elements a token pair opens; anything else (or a hidden paragraph of a tight list) adds none.
const ELEMENTS = {
  paragraph_open: 'p', blockquote_open: 'blockquote', bullet_list_open: 'ul', ordered_list_open: 'ol',
  list_item_open: 'li', strong_open: 'strong', em_open: 'em', s_open: 's',
};

/** The href of a link token when it is one we let people click, else null. */
export function safeHref(href) {
  try {
    const url = new URL(href, location.origin);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A message's text as DOM: a DocumentFragment of block elements.
 * myHandle: my @handle (without the @), so that mentions of me stand out.
 */
export function renderText(text, { myHandle } = {}) {
  const out = document.createDocumentFragment();
  const ctx = { myHandle: String(myHandle ?? '').toLowerCase(), inLink: 0 };
  let tokens;
  try {
    tokens = md.parse(String(text ?? ''), {});
  } catch (e) {
    console.warn('markdown parse failed, showing plain text', e);
    out.append(h('p', String(text ?? '')));
    return out;
  }
  build(tokens, out, ctx);
  return out;
}

/** True when the text mentions me by handle, or everyone (@channel, @here). */
export function mentionsMe(text, myHandle) {
  const mine = String(myHandle ?? '').toLowerCase();
  for (const m of String(text ?? '').matchAll(MENTION)) {
    const name = m[2].toLowerCase();
    if (EVERYONE.has(name) || (mine && name === mine)) return true;
  }
  return false;
}

function h(tag, text) {
  const el = document.createElement(tag);
  if (text != null) el.textContent = text;
  return el;
}

function build(tokens, root, ctx) {
  const stack = [root];
  const top = () => stack[stack.length - 1];
  for (const t of tokens) {
    if (t.type === 'inline') { build(t.children ?? [], top(), ctx); continue; }
    if (t.nesting === 1) {
      const el = open(t, ctx);
      if (el) top().append(el);
      stack.push(el ?? top()); // a pair that adds no element still pops what it pushed
      continue;
    }
    if (t.nesting === -1) {
      if (t.type === 'link_close') ctx.inLink = Math.max(0, ctx.inLink - 1);
      if (stack.length > 1) stack.pop();
      continue;
    }
    leaf(t, top(), ctx);
  }
}

function open(t, ctx) {
  if (t.type === 'link_open') {
    const href = safeHref(t.attrGet('href'));
    if (!href) return null; // the link text stays, as plain text
    ctx.inLink++;
    const a = h('a');
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }
  if (t.type === 'paragraph_open' && t.hidden) return null; // tight list items: no <p>
  const tag = ELEMENTS[t.type];
  if (!tag) return null;
  const el = h(tag);
  if (t.type === 'ordered_list_open') {
    const start = Number(t.attrGet('start'));
    if (Number.isSafeInteger(start) && start !== 1) el.start = start;
  }
  return el;
}

function leaf(t, parent, ctx) {
  switch (t.type) {
    case 'text': appendText(parent, t.content, ctx); break;
    case 'softbreak': case 'hardbreak': parent.append(h('br')); break;
    case 'code_inline': parent.append(h('code', t.content)); break;
    case 'fence': case 'code_block': {
      const pre = h('pre');
      const code = h('code', t.content.replace(/\n$/, ''));
      const lang = t.info?.trim().split(/\s+/)[0];
      if (lang) code.dataset.lang = lang;
      pre.append(code);
      parent.append(pre);
      break;
    }
    case 'emoji': {
      const span = h('span', t.content);
      span.className = 'emoji';
      span.title = `:${t.markup}:`;
      parent.append(span);
      break;
    }
    default: // a type this file does not build: its text, as text
      if (t.content) appendText(parent, t.content, ctx);
      break;
  }
}

/** Text, with @mentions wrapped in a highlighted span (not inside links). */
function appendText(parent, text, ctx) {
  if (ctx.inLink || !text.includes('@')) { parent.append(text); return; }
  let last = 0;
  for (const m of text.matchAll(MENTION)) {
    const at = m.index + m[1].length;
    parent.append(text.slice(last, at));
    const name = m[2].toLowerCase();
    const span = h('span', `@${m[2]}`);
    span.className = EVERYONE.has(name) || name === ctx.myHandle ? 'mention mention-me' : 'mention';
    span.dataset.testid = 'mention';
    parent.append(span);
    last = at + 1 + m[2].length;
  }
  parent.append(text.slice(last));
}
