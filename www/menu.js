// @ts-check
// Menus of buttons in a <details> disclosure (the incident bar's 报告与导出 and 事件文件): the summary opens
// and closes it (Enter/Space, as any <details>); a button chosen, Escape, or a click elsewhere closes it,
// Escape giving the focus back to the summary; one menu is open at a time.

/** @param {ParentNode} root */
export function setupMenus(root) {
  const menus = /** @type {HTMLDetailsElement[]} */ ([...root.querySelectorAll('details.menu')]);
  const close = (/** @type {HTMLDetailsElement} */ d, focus = false) => {
    if (!d.open) return;
    d.open = false;
    if (focus) /** @type {HTMLElement | null} */ (d.querySelector('summary'))?.focus();
  };
  for (const d of menus) {
    d.addEventListener('toggle', () => {
      if (d.open) for (const o of menus) if (o !== d) close(o);
    });
    d.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && d.open) {
        e.preventDefault();
        close(d, true);
      }
    });
    // A button's own click handler runs first (it is on the button); then the menu closes.
    d.addEventListener('click', (e) => {
      const t = /** @type {HTMLElement} */ (e.target);
      if (t.closest('.menu-list button')) close(d, true);
    });
  }
  document.addEventListener('click', (e) => {
    const t = /** @type {Node} */ (e.target);
    for (const d of menus) if (!d.contains(t)) close(d);
  });
}
