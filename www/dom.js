// @ts-check
// The DOM helpers the page's modules share. DOM from createElement + textContent only: text is never
// parsed as HTML.

import { citeText, readableQuote } from './format.js';

/**
 * Creates an element: el('p', {class: 'x', text: 'y', id: 'z', attrs: {...}, data: {...}}, child, ...).
 * Attributes set to false or null are left out; true gives an empty attribute. Children may be nodes
 * or text; null and false are skipped.
 * @param {string} tag
 * @param {{class?: string, id?: string, text?: unknown, attrs?: Record<string, unknown>, data?: Record<string, unknown>}} [opts]
 * @param {...(Node | string | number | null | undefined | false)} children
 * @returns {HTMLElement}
 */
export function el(tag, opts = {}, ...children) {
  const node = document.createElement(tag);
  if (opts.class) node.className = opts.class;
  if (opts.id) node.id = opts.id;
  if (opts.text != null) node.textContent = String(opts.text);
  if (opts.attrs) {
    for (const [k, v] of Object.entries(opts.attrs)) {
      if (v === false || v == null) continue;
      node.setAttribute(k, v === true ? '' : String(v));
    }
  }
  if (opts.data) {
    for (const [k, v] of Object.entries(opts.data)) {
      if (v != null) node.dataset[k] = String(v);
    }
  }
  for (const c of children) {
    if (c == null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** Sets `hidden` only when it changes (a write of the same value still costs a style pass). @param {HTMLElement} node @param {boolean} yes */
export function hide(node, yes) {
  if (node.hidden !== yes) node.hidden = yes;
}

/** Sets a text only when it changes. @param {Element} node @param {string} text */
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

/** A citation element, or null when there is nothing to cite. @param {any} c */
export function citeEl(c, cls = 'cite') {
  const t = citeText(c);
  return t ? el('cite', { class: cls, text: t }) : null;
}

/** A quoted passage of the plan with its citation. @param {unknown} quote @param {any} cite */
export function quoteEl(quote, cite) {
  const q = quote == null ? '' : String(quote);
  if (!q && !cite) return null;
  const box = el('figure', { class: 'quote' });
  if (q) box.append(el('blockquote', { text: `“${readableQuote(q)}”` }));
  const c = citeEl(cite);
  if (c) box.append(el('figcaption', {}, c));
  return box;
}

/**
 * Draws a panel only when its inputs changed: `key` is what the panel shows (a string); the same key
 * as last time leaves the panel's nodes alone (so typing redraws only what the keystroke changed).
 * @param {HTMLElement} box @param {string} key @param {() => void} draw
 */
export function panel(box, key, draw) {
  if (panelKeys.get(box) === key) return false;
  draw();
  panelKeys.set(box, key);
  return true;
}
const panelKeys = new WeakMap();

/** Forgets a panel's key so the next panel() call draws it. @param {HTMLElement} box */
export const redrawNext = (box) => panelKeys.delete(box);

const drawnWith = new WeakMap();

/**
 * A keyed list: one node per item, rebuilt only when that item's signature changed; unchanged items
 * keep their nodes (and the reader's place, focus and open details in them).
 * @template T
 * @param {HTMLElement} box @param {T[]} items @param {(item: T) => string} keyOf
 * @param {(item: T) => string} sigOf @param {(item: T) => HTMLElement} draw
 */
export function keyed(box, items, keyOf, sigOf, draw) {
  /** @type {Map<string, {sig: string, node: HTMLElement}>} */
  const old = drawnWith.get(box) || new Map();
  const next = new Map();
  const nodes = items.map((it) => {
    const k = keyOf(it);
    const sig = sigOf(it);
    const was = old.get(k);
    const node = was && was.sig === sig ? was.node : draw(it);
    next.set(k, { sig, node });
    return node;
  });
  drawnWith.set(box, next);
  const same = nodes.length === box.children.length && nodes.every((n, i) => box.children[i] === n);
  if (same) return;
  // A control redrawn under the reader's focus (a tick just clicked) gets the focus back.
  const a = /** @type {HTMLElement | null} */ (document.activeElement);
  const again = a && box.contains(a) && a.dataset.key ? `.${a.classList[0]}[data-key="${CSS.escape(a.dataset.key)}"]` : '';
  // Only what changed moves: gone nodes leave, new ones go in place, kept ones stay where they are.
  const keep = new Set(nodes);
  for (const c of [...box.childNodes]) if (!keep.has(/** @type {HTMLElement} */ (c))) c.remove();
  let ref = box.firstChild;
  for (const n of nodes) {
    if (n === ref) ref = ref.nextSibling;
    else box.insertBefore(n, ref);
  }
  const f = again ? /** @type {HTMLElement | null} */ (box.querySelector(again)) : null;
  if (f && f !== document.activeElement) f.focus();
}
