// The plan workbench («编辑预案», www/editor*.js) in headless Chromium: from the 晋城 非煤矿山 plan as
// template, change the 较大 band's death bound (the checker flags the overlap beside its field),
// fix it, change a contact number, set a new quote from a passage selected in the source pane, read
// the try pane's case table, export (twice: byte-identical; the case table as CSV with BOM), import
// under a new id and grade with it: the result follows the edited plan. The mode switch is used
// by keyboard; axe-core scans the editor when it is installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, open, portal, waitState, waitText } from './helpers.mjs';

const SEED = readFileSync(join(REPO, '..', 'shared', 'seeds', '002_0bfa9b600ed86ad0.txt'), 'utf8');
const BAND = (i) => `fieldset[data-name="grading.axes[0](deaths).bands[${i}]"]`;
const env = portal();

async function ready(t) {
  const o = await open(env.browser, t, { origin: env.server.origin, url: env.server.url });
  await waitState(o.page, '#app', 'ready');
  return o;
}

/** Sets a field's value and leaves it (the form commits on change). */
async function setField(page, fieldset, key, value) {
  const input = page.locator(`${fieldset} .ed-field[data-key="${key}"]`).locator('input, select, textarea').first();
  await input.fill(String(value));
  await input.press('Tab');
}

async function downloaded(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await d.path();
  return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

test('template → edit a band and a contact → overlap flagged and fixed → new quote → cases → export → import → grade', async (t) => {
  const { page, check } = await ready(t);
  await page.fill('#fact-deaths', '11');
  await waitText(page, '#grade', '重大'); // the embedded plan: 10人以上 is 重大

  // The mode switch by keyboard.
  await page.focus('#editor-toggle');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#editor', { state: 'visible' });
  assert.equal(await page.isVisible('#banner'), false, 'the cockpit is out of sight');
  assert.equal(await page.getAttribute('#editor-toggle', 'aria-pressed'), 'true');
  await page.selectOption('#ed-template', 'jincheng-noncoal-mine');
  await page.focus('#ed-use-template');
  await page.keyboard.press('Enter');
  await waitText(page, '#ed-status', '《晋城市非煤矿山生产安全事故应急预案》：通过校验。');
  // The try pane: every edge of the template agrees with the engine.
  await waitText(page, '#ed-try', '界限用例的引擎结果与分级标准一致');

  await page.click('details[data-section="分级标准"] > summary');
  // 较大 up to 12 (exclusive): overlaps 重大 from 10; flagged at the band, beside its field.
  await setField(page, BAND(2), 'max', 12);
  await waitText(page, '#ed-status', '发现1处问题');
  const err = await page.textContent('#ed-errors');
  assert.match(err, /grading\.axes\[0\]\(deaths\)\.bands\[2\]\/bands\[1\]：“3人以上10人以下\(含3人,不含10人\)”与“10人以上30人以下\(含10人,不含30人\)”重叠于10/);
  assert.match(await page.textContent(`${BAND(2)} .ed-table-errors`), /重叠于10/);
  await waitText(page, '#ed-try', '预案未通过校验');
  // Fixed: 重大 from 12.
  await setField(page, BAND(1), 'min', 12);
  await waitText(page, '#ed-status', '通过校验。');
  assert.equal(await page.isVisible(`${BAND(2)} .ed-table-errors`), false);

  // A reload loses nothing: the text being edited is kept in this browser.
  await page.reload();
  await waitState(page, '#app', 'ready');
  await page.click('#editor-toggle');
  await waitText(page, '#ed-export-status', '已恢复本机保存的未完成编辑（“jincheng-noncoal-mine.toml”）');
  await waitText(page, '#ed-status', '通过校验。');
  assert.equal(await page.inputValue(`${BAND(1)} .ed-field[data-key="min"] input`), '12');
  await page.click('details[data-section="分级标准"] > summary');
  // A contact number.
  await page.click('details[data-section="通讯录"] > summary');
  await setField(page, 'fieldset[data-name="contacts[3]"]', 'phone', '2198346 (传真 2037755)');
  await waitText(page, '#ed-diff', '删去3行，新增3行');

  // The source pane: the seed opened; every quote of the template is found in it.
  await page.setInputFiles('#ed-source-file', { name: 'seed.txt', mimeType: 'text/plain', buffer: Buffer.from(SEED, 'utf8') });
  await waitText(page, '#ed-quotes', '条相符，0条不符');
  // A new quote for 较大: select the passage and press 设为依据.
  const passage = '3人以上10人以下死亡,或者10人以上50人以下重伤';
  await page.evaluate((p) => {
    const ta = /** @type {HTMLTextAreaElement} */ (document.getElementById('ed-source'));
    const at = ta.value.indexOf(p);
    ta.focus();
    ta.setSelectionRange(at, at + p.length);
  }, passage);
  await page.click(`${BAND(2)} .ed-cite`);
  assert.equal(await page.inputValue(`${BAND(2)} .ed-field[data-key="quote"] input, ${BAND(2)} .ed-field[data-key="quote"] textarea`), passage);
  assert.equal(await page.inputValue(`${BAND(2)} .ed-field[data-key="cite.line"] input`), '1184');
  await waitText(page, `${BAND(2)} .ed-field[data-key="quote"]`, '引文与原文相符');
  // A quote that is not in the source is flagged beside it.
  await setField(page, BAND(2), 'quote', '造成3人以上12人以下死亡');
  await waitText(page, `${BAND(2)} .ed-field[data-key="quote"]`, '引文与原文第1184行不符');
  await setField(page, BAND(2), 'quote', passage);
  await waitText(page, '#ed-quotes', '条相符，0条不符');

  // The case table follows the edited bands: 11 deaths is 较大 now, 12 is 重大.
  await waitText(page, '#ed-try', '界限用例的引擎结果与分级标准一致');
  const row = async (v) => page.textContent(`#ed-try tr[data-axis="死亡人数"][data-value="${v}"] .ed-result`);
  assert.equal(await row(11), '较大');
  assert.equal(await row(12), '重大');
  assert.equal(await page.$('#ed-try tr[data-axis="死亡人数"][data-value="10"]'), null, 'no edge at 10 any more');

  // Export: the edited text; twice the same bytes; the case table as CSV with a BOM.
  const a = await downloaded(page, '#ed-export-toml');
  assert.equal(a.name, 'jincheng-noncoal-mine.toml');
  assert.match(a.text, /grade = "较大"\nmin = 3\nmin_inclusive = true\nmax = 12\nmax_inclusive = false\n/);
  assert.match(a.text, /phone = "2198346 \(传真 2037755\)"/);
  assert.match(a.text, /# 晋城市非煤矿山生产安全事故应急预案 \(晋市政办〔2020〕53号\)/, 'comments kept');
  const b = await downloaded(page, '#ed-export-toml');
  assert.equal(b.text, a.text);
  await page.selectOption('#ed-diff-base', 'export');
  await waitText(page, '#ed-diff', '与上次导出相同');
  const csv = await downloaded(page, '#ed-export-csv');
  assert.ok(csv.text.startsWith('\uFEFF预案,预案编号,分级标准,事实,数值,界限,按分级标准应为,引擎结果,一致'));
  assert.match(csv.text, /死亡人数,deaths,11,重大下限 12人（含）；较大上限 12人（不含）,较大,较大,是/);

  // Import under a new id and grade with it.
  await page.fill('#ed-new-id', 'gaoping-noncoal-mine');
  await page.click('#ed-import');
  await page.waitForSelector('#editor', { state: 'hidden' });
  await waitText(page, '#import-status', '已导入');
  assert.equal(await page.inputValue('#plan'), 'gaoping-noncoal-mine');
  await page.fill('#fact-deaths', '11');
  await waitText(page, '#grade', '较大');
  // The printed report follows the edited plan (no «草稿»: it has no marks).
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await waitText(page, '#report', '较大');
  await waitText(page, '#report', '按《晋城市非煤矿山生产安全事故应急预案》');
  assert.equal(await page.locator('#report .report-draft').count(), 0);
  await page.fill('#fact-deaths', '12');
  await waitText(page, '#grade', '重大');
  check();
});

test('«待确认» marks: an opened draft is labelled 草稿, can be tried, and its marks are cleared one by one', async (t) => {
  const { page, check } = await ready(t);
  const plan = readFileSync(join(REPO, 'plans', 'jincheng', 'noncoal-mine.toml'), 'utf8');
  const marked = plan
    .replace('grade = "较大"\nmin = 3\n', 'grade = "较大"\nmin = 3\nreview = "待确认"\n')
    .replace('unit = "市政府值班室"\n', 'unit = "市政府值班室"\nreview = "待确认"\n');
  assert.equal(marked.split('review = "待确认"').length, 3);
  await page.click('#editor-toggle');
  await page.setInputFiles('#ed-open', { name: '县草稿.toml', mimeType: 'text/plain', buffer: Buffer.from(marked, 'utf8') });
  await waitText(page, '#ed-status', '【草稿】《晋城市非煤矿山生产安全事故应急预案》：通过校验。还有2条待确认。');
  assert.equal(await page.isVisible('#ed-draft-label'), true);
  assert.equal(await page.locator('#ed-marks li').count(), 2);
  // Tried with marks left.
  await waitText(page, '#ed-try', '界限用例的引擎结果与分级标准一致');
  // By keyboard: the first mark's 确认.
  await page.focus('#ed-marks li:first-child .ed-confirm');
  await page.keyboard.press('Enter');
  await waitText(page, '#ed-status', '还有1条待确认');
  assert.equal(await page.locator('#ed-marks li').count(), 1);
  // Imported with a mark left: labelled 草稿 beside the plan and on the printed report.
  await page.fill('#ed-new-id', 'draft-noncoal-mine');
  await page.click('#ed-import');
  await page.waitForSelector('#editor', { state: 'hidden' });
  await waitText(page, '#plan-meta', '【草稿：1处待确认】');
  await page.fill('#fact-deaths', '5');
  await waitText(page, '#grade', '较大');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await waitText(page, '#report .report-draft', '草稿预案，未经审定');
  // Back in the editor, the work is where it was.
  await page.click('#editor-toggle');
  await waitText(page, '#ed-status', '还有1条待确认');
  // The last one from its own fieldset.
  await page.click('details[data-section="通讯录"] > summary');
  await page.click('fieldset.ed-unconfirmed .ed-confirm');
  await waitText(page, '#ed-marks', '没有待确认的条目');
  assert.equal(await page.isVisible('#ed-draft-label'), false);
  assert.equal((await page.textContent('#ed-status')).includes('草稿'), false);
  const out = await downloaded(page, '#ed-export-toml');
  assert.equal(out.text, plan.replace('id = "jincheng-noncoal-mine"', 'id = "draft-noncoal-mine"'), 'clearing both marks gives the curated file back, byte for byte (but its new id)');
  check();
});

test('添加一条 / 删除此条 by keyboard, a band’s bounds added and taken out, the checker’s errors beside their fields', async (t) => {
  const { page, check } = await ready(t);
  await page.click('#editor-toggle');
  await page.selectOption('#ed-template', 'jincheng-noncoal-mine');
  await page.click('#ed-use-template');
  await waitText(page, '#ed-status', '通过校验');
  await page.click('details[data-section="通讯录"] > summary');
  const add = 'details[data-section="通讯录"] .ed-add';
  const count = Number(/现有(\d+)条/.exec(await page.textContent(add))[1]);
  await page.focus(add);
  await page.keyboard.press('Enter');
  await waitText(page, add, `现有${count + 1}条`);
  const entry = `fieldset[data-name="contacts[${count}]"]`;
  assert.equal(await page.evaluate((sel) => document.querySelector(sel)?.contains(document.activeElement), entry), true, 'focus in the new entry');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('县应急管理局值班室');
  await page.keyboard.press('Tab');
  await setField(page, entry, 'phone', '0356-1234567');
  await waitText(page, '#ed-diff', '新增5行');
  assert.match(await page.textContent('#ed-diff'), /\[\[contacts\]\]\d+\+ unit = "县应急管理局值班室"\d+\+ phone = "0356-1234567"\d+\+ line = 1676/);
  await page.focus(`${entry} .ed-remove`);
  await page.keyboard.press('Enter');
  await waitText(page, add, `现有${count}条`);
  await waitText(page, '#ed-diff', '与起点相同');
  // A band's bound added and taken out again: 特别重大 with an upper bound is refused.
  await page.click('details[data-section="分级标准"] > summary');
  await page.click(`${BAND(0)} .ed-bound-max`);
  await waitText(page, `${BAND(0)} .ed-bound-max`, '去掉上限');
  assert.equal(await page.inputValue(`${BAND(0)} .ed-field[data-key="max_inclusive"] select`), 'false');
  await waitText(page, `${BAND(0)} .ed-table-errors`, '最高一档有上限');
  await page.click(`${BAND(0)} .ed-bound-max`);
  await waitText(page, `${BAND(0)} .ed-bound-max`, '添加上限');
  await waitText(page, '#ed-status', '通过校验。');
  await waitText(page, '#ed-diff', '与起点相同');
  // The checker's errors beside their fields: a citation outside the plan's lines, a misspelt type.
  await setField(page, BAND(2), 'cite.line', 99999);
  await waitText(page, `${BAND(2)} .ed-field[data-key="cite.line"] .ed-field-error`, '99999');
  assert.equal(await page.getAttribute(`${BAND(2)} .ed-field[data-key="cite.line"] input`, 'aria-invalid'), 'true');
  await setField(page, BAND(2), 'cite.line', 1184);
  await waitText(page, '#ed-status', '通过校验。');
  assert.equal(await page.isVisible(`${BAND(2)} .ed-field[data-key="cite.line"] .ed-field-error`), false);
  await page.click('details[data-section="事实与问题"] > summary');
  await setField(page, 'fieldset[data-name="facts[1](deaths)"]', 'type', 'counting');
  await waitText(page, 'fieldset[data-name="facts[1](deaths)"] .ed-field[data-key="type"] .ed-field-error', 'counting');
  check();
});

test('from a draft of pasted text: 从文本起草 → 草稿 with marks → quotes check → marks cleared → import → grade', async (t) => {
  const { page, check } = await ready(t);
  // The 晋城 非煤矿山 plan's own text (seed 002 L1130–1691), pasted: its lines are numbered from 1.
  const slice = SEED.split('\n').slice(1129, 1691).join('\n');
  await page.click('#editor-toggle');
  await page.fill('#ed-source', slice);
  await page.click('#ed-draft');
  await waitText(page, '#ed-status', '【草稿】《晋城市非煤矿山生产安全事故应急预案》：通过校验。还有');
  await waitText(page, '#ed-draft-note', '条提议，均标“待确认”');
  await waitText(page, '#ed-quotes', '条相符，0条不符');
  await waitText(page, '#ed-try', '界限用例的引擎结果与分级标准一致');
  const marks = await page.locator('#ed-marks li').count();
  assert.ok(marks > 10, `${marks} marks`);
  for (let left = marks; left > 0; left--) {
    await page.click('#ed-marks li:first-child .ed-confirm');
    if (left > 1) await waitText(page, '#ed-status', `还有${left - 1}条待确认`);
  }
  await waitText(page, '#ed-marks', '没有待确认的条目');
  assert.equal(await page.isVisible('#ed-draft-label'), false);
  await page.fill('#ed-new-id', 'county-noncoal-mine');
  await page.click('#ed-import');
  await page.waitForSelector('#editor', { state: 'hidden' });
  assert.equal(await page.inputValue('#plan'), 'county-noncoal-mine');
  await page.fill('#fact-deaths', '11');
  await waitText(page, '#grade', '重大');
  await page.fill('#fact-deaths', '5');
  await waitText(page, '#grade', '较大');
  check();
});

test('添加字段 / 删除字段: a key the model accepts is added with its value, the checker says when it does not fit, the diff is side by side', async (t) => {
  const { page, check } = await ready(t);
  await page.click('#editor-toggle');
  await page.selectOption('#ed-template', 'jincheng-noncoal-mine');
  await page.click('#ed-use-template');
  await waitText(page, '#ed-status', '通过校验。');
  await page.click('details[data-section="分级标准"] > summary');
  // A cite's line_end (the band's cite has none): added by keyboard, the plan still checks.
  const keys = `${BAND(0)} .ed-keys`;
  const line = Number(await page.inputValue(`${BAND(0)} .ed-field[data-key="cite.line"] input`));
  await page.locator(`${keys} select`).first().selectOption({ label: '原文止行（cite.line_end）' });
  await page.fill(`${keys} input`, String(line + 1));
  await page.focus(`${keys} .ed-key-add`);
  await page.keyboard.press('Enter');
  await waitText(page, '#ed-diff', '删去1行，新增1行');
  await waitText(page, '#ed-status', '通过校验。');
  assert.equal(await page.inputValue(`${BAND(0)} .ed-field[data-key="cite.line_end"] input`), String(line + 1));
  // Side by side: the old line on the left, the new one beside it, four columns.
  assert.equal(await page.locator('#ed-diff thead th').count(), 4);
  const row = page.locator('#ed-diff tr.ed-row-change');
  assert.equal(await row.count(), 1);
  const cells = await row.locator('td').allTextContents();
  assert.equal(cells[0], cells[2], 'the same line number on both sides');
  assert.match(cells[1], /^− .*cite = \{ clause = .*, line = \d+ \}$/);
  assert.match(cells[3], new RegExp(`^\\+ .*cite = \\{ clause = .*, line = \\d+,\\s*line_end = ${line + 1}\\s*\\}$`));
  assert.equal(await page.getAttribute('#ed-diff .ed-diff-scroll', 'tabindex'), '0');
  // A count fact may not have max: the model has the key, the checker refuses it here.
  await page.click('details[data-section="事实与问题"] > summary');
  const fact = 'fieldset[data-name="facts[1](deaths)"]';
  await page.locator(`${fact} .ed-keys select`).first().selectOption({ label: '上限（max）' });
  await page.fill(`${fact} .ed-keys input`, '很多');
  await page.click(`${fact} .ed-key-add`);
  await waitText(page, `${fact} .ed-keys .ed-field-error`, '请填写数字');
  await page.fill(`${fact} .ed-keys input`, '1000');
  await page.click(`${fact} .ed-key-add`);
  await waitText(page, '#ed-status', '发现1处问题');
  await waitText(page, fact, '只有数值项(number)可以有 min/max');
  // Taken out again with 删除字段 (max is optional): the plan checks, and the band's line_end too.
  await page.locator(`${fact} .ed-keys select`).last().selectOption({ label: '上限（max）' });
  await page.click(`${fact} .ed-key-remove`);
  await waitText(page, '#ed-status', '通过校验。');
  assert.equal(await page.locator(`${fact} .ed-field[data-key="max"]`).count(), 0);
  await page.locator(`${keys} select`).last().selectOption({ label: '原文止行（cite.line_end）' });
  await page.click(`${keys} .ed-key-remove`);
  await waitText(page, '#ed-diff', '与起点相同');
  check();
});

test('the source pane’s quote check agrees with tests/plan_files.rs: every quote of all 14 plans is found in its seed', async (t) => {
  const { page, check } = await ready(t);
  await page.click('#editor-toggle');
  await page.waitForSelector('#editor', { state: 'visible' }); // the editor is loaded on this first click
  const ids = await page.$$eval('#ed-template option', (os) => os.map((o) => o.value));
  assert.equal(ids.length, 14);
  for (const id of ids) {
    await page.selectOption('#ed-template', id);
    await page.click('#ed-use-template');
    await waitText(page, '#ed-status', '通过校验');
    const text = readFileSync(join(REPO, 'pkg', 'plans', `${id}.toml`), 'utf8');
    const seed = /^source = "([^"]+)"/m.exec(text)[1];
    await page.fill('#ed-source', '');
    await page.setInputFiles('#ed-source-file', { name: seed, mimeType: 'text/plain', buffer: readFileSync(join(REPO, '..', 'shared', 'seeds', seed)) });
    await waitText(page, '#ed-quotes', '条相符');
    const summary = await page.textContent('#ed-quotes');
    assert.match(summary, /引文核对：\d+条相符，0条不符。/, `${id}: ${summary}`);
    assert.ok(Number(/(\d+)条相符/.exec(summary)[1]) > 20, `${id}: ${summary}`);
  }
  check();
});

test('the checker loading slowly: focus moved meanwhile stays where the user put it, and «以此为模板» works', async (t) => {
  const { page, check } = await ready(t);
  // The checker's .wasm held back 1.5 s, as on a slow laptop (CI once took long enough for the
  // editor to take the focus back to the template list, so that an Enter meant for the button
  // landed on the list).
  let released;
  const held = new Promise((r) => (released = r));
  await page.route('**/pkg/yingji_check_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.click('#editor-toggle');
  await waitText(page, '#ed-status', '正在载入预案校验模块');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'ed-template', 'focus goes into the editor at once');
  await page.focus('#ed-use-template');
  setTimeout(released, 1500);
  await waitText(page, '#ed-status', '请选择模板');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'ed-use-template', 'focus stays where the user put it while the checker loaded');
  await page.keyboard.press('Enter');
  await waitText(page, '#ed-status', '》：通过校验。');
  check();
});

test('the editor passes an axe scan (when axe-core is installed)', async (t) => {
  const axe = join(REPO, 'node_modules', 'axe-core', 'axe.min.js');
  if (!existsSync(axe)) {
    t.skip('axe-core is not installed');
    return;
  }
  const { page } = await ready(t);
  await page.click('#editor-toggle');
  await page.click('#ed-use-template');
  await waitText(page, '#ed-status', '通过校验');
  // Every part open, an error beside its field, the source pane filled and the diff drawn.
  for (const summary of await page.$$('#ed-form details > summary')) await summary.click();
  await setField(page, BAND(2), 'max', 12);
  await waitText(page, '#ed-status', '发现1处问题');
  await page.setInputFiles('#ed-source-file', { name: 'seed.txt', mimeType: 'text/plain', buffer: Buffer.from(SEED, 'utf8') });
  await waitText(page, '#ed-quotes', '条相符');
  // Evaluated over the DevTools protocol: the page's CSP (no inline script) does not apply.
  await page.evaluate(readFileSync(axe, 'utf8'));
  const res = await page.evaluate(async () => window.axe.run('#editor', { resultTypes: ['violations'] }));
  assert.deepEqual(res.violations.map((v) => `${v.id}: ${v.nodes.length}`), []);
});
