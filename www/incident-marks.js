// @ts-check
// The officer's marks on a result: checklist ticks and notes, reports marked done. The controls are
// drawn by render-tasks.js and render-deadlines.js with their keys in data-key / data-id; these
// handlers take the key from the control that fired the event and change the incident.

/**
 * @param {{cur: () => import('./incident-record.js').Incident | null, flush: () => void, log: (kind: string, text: string) => void,
 *   persist: () => string, renderLog: () => void, redraw: () => void, out: () => any}} ctx
 */
export function markHandlers(ctx) {
  const nowIso = () => new Date().toISOString();
  return {
    /** A tick (change) or a note (input: saved; change: logged). @param {Event} e */
    task(e) {
      const t = /** @type {HTMLInputElement} */ (e.target);
      const i = ctx.cur();
      const key = t.dataset && t.dataset.key;
      if (!i || !key) return;
      const text = key.split('|').slice(1).join(' · ');
      if (t.classList.contains('tick') && e.type === 'change') {
        ctx.flush();
        if (t.checked) i.ticks[key] = nowIso();
        else delete i.ticks[key];
        ctx.log(t.checked ? 'tick' : 'untick', text);
        ctx.persist();
        ctx.redraw();
        ctx.renderLog();
      } else if (t.classList.contains('item-note')) {
        if (t.value) i.notes[key] = t.value;
        else delete i.notes[key];
        if (e.type === 'change') {
          ctx.flush();
          ctx.log('note', `${text}：${t.value || '（删除备注）'}`);
          ctx.renderLog();
        }
        ctx.persist();
        if (e.type === 'change') ctx.redraw();
      }
    },
    /** 标记已报告 / 撤销. @param {Event} e */
    deadline(e) {
      const btn = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (e.target).closest('button.mark-done, button.undo-done'));
      const i = ctx.cur();
      const out = ctx.out();
      if (!btn || !i || !out) return;
      const id = /** @type {string} */ (btn.dataset.id);
      const d = (out.deadlines || []).find((/** @type {any} */ x) => String(x.id) === id) || {};
      ctx.flush();
      const marking = btn.classList.contains('mark-done');
      if (marking) i.reports[id] = nowIso();
      else delete i.reports[id];
      ctx.log(marking ? 'report' : 'unreport', `${d.who || ''} → ${d.to || ''}（${d.limit_text || ''}）${d.what ? `：${d.what}` : ''}`);
      ctx.persist();
      ctx.redraw();
      /** @type {HTMLElement | null} */ (document.querySelector(`#deadlines li[data-id="${CSS.escape(id)}"] .deadline-actions button`))?.focus();
      ctx.renderLog();
    },
  };
}
