// The one DOM helper the page's modules share. DOM from createElement + textContent only: text is
// never parsed as HTML.

/**
 * Creates an element: el('p', {class: 'x', text: 'y', id: 'z', attrs: {...}, data: {...}}, child, ...).
 * Attributes set to false or null are left out; true gives an empty attribute. Children may be nodes
 * or text; null and false are skipped.
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
