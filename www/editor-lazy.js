// @ts-check
// The 编辑预案 button, put on the page at start; the plan editor (editor*.js, about 60 KB) is loaded on
// its first click, so the start does not load it.

import { el } from './dom.js';
import { once } from './lazy.js';

/**
 * @param {{root: HTMLElement, engine: any, plans: {id: string, title: string}[], imports: {importText: (name: string, text: string) => Promise<void>, ids: () => string[]}}} opts
 */
export function setupEditorLazy(opts) {
  const toggle = el('button', { id: 'editor-toggle', class: 'editor-toggle', text: '编辑预案', attrs: { type: 'button', 'aria-pressed': 'false' } });
  const msg = el('span', { id: 'editor-load-msg', class: 'field-error', attrs: { role: 'alert' } });
  msg.hidden = true;
  (opts.root.querySelector('header') || opts.root).append(toggle, msg);
  const load = once(() => import('./editor.js').then((m) => {
    const ed = m.setupEditor({ ...opts, toggle });
    toggle.setAttribute('aria-controls', 'editor'); // the editor's section exists from now on
    return ed;
  }));
  const first = async () => {
    toggle.removeEventListener('click', first);
    msg.hidden = true;
    try {
      const ed = await load();
      await ed.open();
    } catch (e) {
      toggle.addEventListener('click', first);
      msg.hidden = false;
      msg.textContent = `无法载入预案编辑模块（${e instanceof Error ? e.message : String(e)}），请刷新页面后重试。`;
    }
  };
  toggle.addEventListener('click', first);
}
