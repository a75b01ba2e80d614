// @ts-check
// The full result from the compact one: `join(schema, evaluation)` looks up every id the evaluation
// names in the plan's schema and returns the object `evaluate` gave before results became compact
// (README "The contract"). Pure, no DOM: the page, the custom element and the tests use it. It must
// agree with the Rust join (src/engine/join.rs, `yingji eval --full`): tests/e2e/agreement.test.mjs.

/** @typedef {import('../types/yingji-types').Schema} Schema */
/** @typedef {import('../types/yingji-types').Evaluation} Evaluation */
/** @typedef {import('../types/yingji-types').Outcome} Outcome */

/** An id the schema does not have: the schema is not the evaluation's plan's (a stale cache). */
function missing(what, id) {
  return new Error(`结果与预案说明不一致：预案说明中没有${what}“${id}”`);
}

/** Index of a schema list by id. @template {{id: string}} T @param {T[]} list @returns {Map<string, T>} */
function byId(list) {
  const map = new Map();
  for (const x of list) map.set(x.id, x);
  return map;
}

/** @template T @param {Map<string, T>} map @param {string} what @param {string} id @returns {T} */
function find(map, what, id) {
  const x = map.get(id);
  if (x === undefined) throw missing(what, id);
  return x;
}

const sameCite = (a, b) =>
  a.clause === b.clause && a.line === b.line && a.line_end === b.line_end &&
  (a.chars === b.chars || (a.chars && b.chars && a.chars[0] === b.chars[0] && a.chars[1] === b.chars[1]));

/**
 * @param {Schema} schema the plan's schema (`schema(id)`)
 * @param {Evaluation} ev the compact result (`evaluate(id, facts, now)`) for the same plan
 * @returns {Outcome}
 */
export function join(schema, ev) {
  if (ev.plan !== schema.plan.id) throw missing('预案', ev.plan);
  const criteriaDefs = byId(schema.criteria);
  const criteria = ev.criteria.map((c) => {
    const def = find(criteriaDefs, '分级标准', c.id);
    const band = c.band === null ? def.unreached : def.bands[c.band];
    if (band === undefined) throw missing(`分级标准“${c.id}”的档次`, c.band);
    return {
      id: def.id,
      label: def.label,
      facts: def.facts.map((f, i) => ({ id: f.id, label: f.label, value: c.facts[i] })),
      value: c.value,
      unit: def.unit,
      grade: band.grade,
      grade_rank: band.grade_rank,
      band: band.text,
      cite: band.cite,
      quote: band.quote,
    };
  });
  const criterionById = byId(criteria);
  const grade_basis = ev.basis.map((id) => find(criterionById, '分级标准', id));

  const levels = byId(schema.levels);
  const rules = byId(schema.rules);
  let response = null;
  if (ev.response) {
    const l = find(levels, '响应级别', ev.response.level);
    response = {
      id: l.id,
      level: l.name,
      rank: l.rank,
      proposes: l.proposes,
      starts: l.starts,
      commands: l.commands,
      condition: l.condition,
      procedure: l.procedure,
      reasons: ev.response.reasons.map((x) => {
        const r = find(rules, '响应规则', x.id);
        const rl = levels.get(r.level);
        return {
          id: r.id,
          kind: r.kind,
          level: rl ? rl.name : r.level,
          text: r.text,
          raised: x.raised,
          cite: r.cite,
          quote: r.quote,
        };
      }),
    };
  }

  const reporting = byId(schema.reporting);
  const deadlines = ev.deadlines.map((d) => {
    const r = find(reporting, '报告时限', d.id);
    // `calendar` is present only for a working-day limit with a due time (as the Rust JSON).
    const calendar = d.calendar === undefined ? {} : { calendar: d.calendar };
    return {
      ...calendar,
      estimated: d.estimated,
      id: r.id,
      who: r.who,
      to: r.to,
      what: r.what,
      limit_text: r.limit_text,
      anchor: r.anchor,
      anchor_label: r.anchor_label,
      due: d.due,
      due_display: d.due_display,
      minutes_left: d.minutes_left,
      status: d.status,
      cite: r.cite,
      quote: r.quote,
      counts: r.counts,
    };
  });

  /** A schema entry without its id. @template {{id: string}} T @param {T} entry @returns {Omit<T, 'id'>} */
  const groupOf = ({ id, ...group }) => group;
  const taskDefs = byId(schema.tasks);
  const tasks = ev.tasks.map((id) => groupOf(find(taskDefs, '任务', id)));
  const termination = ev.termination === null ? null : groupOf(find(byId(schema.termination), '终止条件', ev.termination));

  const warningLevels = byId(schema.warning ? schema.warning.levels : []);
  const hazards = byId(schema.hazards);
  const warnings = ev.warnings.map((w) => {
    const l = w.level === null ? null : find(warningLevels, '预警级别', w.level);
    const h = w.hazard === null ? null : find(hazards, '灾种', w.hazard);
    const hazardRules = h ? byId(h.rules) : new Map();
    return {
      id: l ? l.id : null,
      name: l ? l.name : null,
      colour: l ? l.colour : null,
      rank: l ? l.rank : null,
      issued_by: l ? l.issued_by : '',
      measures: l ? l.measures : [],
      computed: h !== null || Boolean(schema.warning && schema.warning.computed),
      hazard: h ? h.id : null,
      hazard_name: h ? h.name : null,
      basis: h ? w.basis.map((id) => find(hazardRules, '预警标准', id)) : [],
      cite: l ? l.cite : h.cite,
      differs: w.differs,
    };
  });

  const notesById = byId(schema.notes);
  const notes = ev.notes.map((id) => find(notesById, '说明', id));
  let activation = null;
  if (ev.activation) {
    if (!schema.activation) throw missing('启动程序', ev.plan);
    const a = schema.activation;
    activation = {
      name: a.name,
      summary: a.summary,
      started: ev.activation.started,
      waiting: ev.activation.started ? '' : a.waiting,
      proposes: a.proposes,
      starts: a.starts,
      commands: a.commands,
      cite: a.cite,
      quote: a.quote,
    };
  }

  // Every citation the result rests on, deduplicated, in order of first use (as the Rust join).
  const citations = [];
  const add = (c) => {
    if (!citations.some((x) => sameCite(x, c))) citations.push(c);
  };
  for (const c of grade_basis) if (c.cite) add(c.cite);
  if (response) {
    add(response.condition.cite);
    add(response.procedure.cite);
    for (const r of response.reasons) add(r.cite);
  }
  for (const d of deadlines) add(d.cite);
  for (const t of tasks) for (const i of t.items) add(i.cite);
  if (termination) add(termination.cite);
  for (const w of warnings) {
    for (const b of w.basis) add(b.cite);
    add(w.cite);
  }
  for (const n of notes) add(n.cite);
  const recoveryById = byId(schema.recovery);
  const recovery = ev.recovery.map((id) => find(recoveryById, '后期处置', id));
  const scopeById = byId(schema.applicability);
  const scope = ev.scope.map((s) => {
    const d = find(scopeById, '适用范围问题', s.id);
    return { ...d, answer: s.answer, applies: s.applies };
  });
  const checksById = byId(schema.checks);
  const checks = ev.checks.map((c) => ({ ...find(checksById, '核对项', c.id), status: c.status, detail: c.detail }));
  for (const r of recovery) add(r.cite);
  for (const s of scope) add(s.cite);
  if (activation) add(activation.cite);
  for (const c of checks) add(c.cite);

  const provisionalById = byId(schema.provisional);
  const factLabels = new Map(schema.facts.map((f) => [f.id, f.label]));
  return {
    version: ev.version,
    plan: schema.plan,
    grade: ev.grade,
    grade_rank: ev.grade_rank,
    provisional: ev.provisional.map((id) => groupOf(find(provisionalById, '暂定说明', id))),
    grade_basis,
    criteria,
    response,
    deadlines,
    tasks,
    termination,
    warnings,
    organisation: schema.organisation,
    contacts: schema.contacts,
    tables: schema.tables,
    notes,
    citations,
    assumed: ev.assumed.map((a) => ({ id: a.id, label: factLabels.has(a.id) ? factLabels.get(a.id) : a.id, value: a.value })),
    now: ev.now,
    activation,
    checks,
    scope,
    recovery,
  };
}
