// @ts-check
// The result's panels as steps, each a pure view of the state: the field states and the banner (grade,
// level, who decides), the cockpit (the next report due, whom to call), the deadlines and their
// picture, the tab shown.
// A keystroke's result runs them one per frame, the lists once typing pauses (redraw.js), so that no
// frame holds the next keystroke long (issue 14 §5); a click draws them all at once. Each panel skips
// itself when its inputs did not change.

import { contactsKey } from './contacts.js';
import { hide, panel } from './dom.js';
import { showFieldState, showReach } from './form.js';
import { renderBanner } from './render-banner.js';
import { renderChecks } from './render-checks.js';
import { renderCockpit } from './render-cockpit.js';
import { renderDeadlines } from './render-deadlines.js';
import { renderOrganisation } from './render-plan.js';
import { renderTasks } from './render-tasks.js';
import { renderTermination, renderWarnings } from './render-warnings.js';
import { drawTimeline } from './svg-timeline.js';

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * @typedef {{
 *   state: import('./state.js').State,
 *   incident: () => any,
 *   tabs: ReturnType<typeof import('./tabs.js').setupTabs>,
 *   marked: (reports: Record<string, string>) => void,
 *   ticked: () => void,
 *   why: (fn: (m: any) => void) => void,
 *   aqi: (fn: (m: any) => void) => void,
 * }} Ctx
 */

/** Marks the result shown as not the current one (or not). Written only when it changes. @param {boolean} stale */
export function markStale(stale) {
  for (const id of ['banner', 'summary', 'results']) {
    const box = $(id);
    if (box.classList.contains('stale') === stale) continue;
    box.classList.toggle('stale', stale);
    if (stale) box.dataset.stale = 'true';
    else delete box.dataset.stale;
  }
}

/**
 * The steps, in the order a keystroke's result draws them.
 * @param {Ctx} ctx
 * @returns {(() => void)[]}
 */
export function resultSteps(ctx) {
  const { state, tabs } = ctx;
  const marks = () => ctx.incident() || { ticks: {}, notes: {}, reports: {} };
  const prefilled = () => ctx.incident()?.prefilled || {};
  return [
    // The field states and the banner: what the officer typed means, and what it grades.
    () => {
      showFieldState(state.facts, state.read.errors, state.read.understood, prefilled());
      const stale = !state.valid && !!state.out;
      hide($('stale-notice'), !stale);
      markStale(stale);
      const out = state.out;
      if (!out) return;
      const empty = state.empty;
      panel($('banner'), JSON.stringify([out.grade, out.grade_rank, out.response, out.activation, out.provisional, out.grade_basis, out.warnings, empty, contactsKey()]), () => renderBanner(out, empty));
    },
    // The cockpit: the next report due and whom to call; beside each count, the grade it reaches.
    () => {
      const out = state.out;
      if (!out) return;
      showReach(state.facts, state.read.facts, out);
      renderCockpit($('next-due-body'), out.deadlines || [], marks(), out.tasks || [], prefilled(), Date.now());
    },
    // The deadlines, drawn whatever the tab: the tab title and the alerts read their list.
    () => {
      const out = state.out;
      if (!out) return;
      const m = marks();
      renderDeadlines($('deadlines'), out.deadlines || [], m.reports, prefilled(), Date.now());
      ctx.marked(m.reports);
      ctx.ticked(); // the tab title follows a mark or a new deadline at once
    },
    // The deadlines' picture above their list.
    () => {
      const out = state.out;
      if (out) drawTimeline($('deadlines'), out.deadlines || [], marks().reports, Date.now());
    },
    // The other panels: drawn now if their tab is shown, else when it is (tabs.js keeps the latest).
    () => {
      const out = state.out;
      if (!out) return;
      const m = marks();
      tabs.draw('tasks', () => {
        renderTasks($('tasks'), out.tasks || [], m, Date.now());
        renderChecks($('checks-card'), $('checks'), out.checks || []);
      });
      tabs.offer('warnings', (out.warnings || []).length > 0);
      tabs.draw('warnings', () => {
        renderWarnings($('warnings-card'), $('warnings'), out.warnings || [], out.response, !(out.criteria || []).length);
        const [schema, facts] = [state.schema, state.read.facts];
        ctx.aqi((a) => a.drawAqi($('warnings-card'), schema, facts));
      });
      tabs.draw('termination', () => panel($('termination'), JSON.stringify([out.termination || null, out.recovery || []]), () => renderTermination($('termination'), out.termination, out.recovery || [])));
      // The organisation, tables and contacts depend only on the plan.
      tabs.draw('contacts', () => panel($('organisation'), String(state.planId), () => renderOrganisation($('organisation'), out)));
      const sch = state.schema || {};
      tabs.draw('why', () => ctx.why((w) => w.renderWhy($('why-body'), out, sch)));
    },
  ];
}
