// The report builders (issue 15 §3): facts as statements, conclusions with their clause, the 公文 model
// of the written report, the 电话快报 text, CSV with a BOM, and the Word file made from the model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { casualtySentence, conclusions, countPhrase, factStatements, issueText, planKind, seqOf } from '../../www/report-phrases.js';
import { reportModel } from '../../www/report-model.js';
import { quickReport } from '../../www/quick-report.js';
import { csv, csvField } from '../../www/csv.js';
import { checklistRows, logRows } from '../../www/report-csv.js';

const PLAN = '晋城市非煤矿山生产安全事故应急预案';
const FACTS = [
  { id: 'incident_time', type: 'datetime', label: '事发时间' },
  { id: 'deaths', type: 'count', label: '死亡人数' },
  { id: 'serious_injuries', type: 'count', label: '重伤人数' },
  { id: 'missing', type: 'count', label: '下落不明人数' },
  { id: 'direct_loss_wan', type: 'money', label: '直接经济损失(初步估计)' },
  { id: 'foreign', type: 'yesno', label: '伤亡、失踪、被困人员中是否有港澳台或外国人员?' },
  { id: 'cross', type: 'yesno', label: '事故是否跨县(市、区)发生,需要市指挥部协调?' },
  { id: 'may_become', type: 'choice', label: '事故是否可能发展为更高等级?', options: [{ value: 'no', label: '否(按已造成的后果)' }, { value: 'larger', label: '有可能发生较大事故' }] },
  { id: 'warning_level', type: 'choice', label: '已发布的预警级别', options: [{ value: 'none', label: '未发布预警' }, { value: 'orange', label: '二级(橙色)' }] },
];
const cite = (clause, line) => ({ clause, line, line_end: null, chars: null });
const OUT = {
  grade: '较大',
  provisional: [],
  grade_basis: [{ label: '死亡人数', value: 5, unit: '人', band: '3人以上10人以下(含3人,不含10人)', cite: cite('1.5(3)', 1184), quote: '造成3人以上10人以下死亡' }],
  response: {
    level: 'Ⅱ级响应',
    proposes: '市指挥部办公室(接到报告后研判,向市指挥部提出启动建议)',
    starts: '市指挥部指挥长',
    commands: '市指挥部',
    reasons: [
      { level: 'Ⅱ级响应', text: '事故等级为较大,对应Ⅱ级响应启动条件“发生较大事故”。', raised: false, cite: cite('4.2.2(1)', 1428), quote: '发生较大事故' },
      { level: 'Ⅰ级响应', text: '跨县发生需市指挥部协调', raised: true, cite: cite('4.2.1(2)', 1420), quote: '跨县（市、区） 发生' },
    ],
  },
  scope: [{ applies: true, text: 'x', cite: cite('1.4', 1169), quote: 'q' }],
  deadlines: [
    { id: 'unit-1h', who: '事发单位', to: '县应急管理部门', what: '报告事故', limit_text: '1小时内', due: '2024-05-01T03:00:00Z' },
    { id: 'larger-2h', who: '县政府', to: '市委、市政府值班室', what: '较大事故上报', limit_text: '事发2小时之内', due: '2024-05-01T04:00:00Z' },
  ],
  tasks: [{ kind: 'group', title: '抢险救援组', lead: '市应急局', items: [{ text: '组织救援, "搜救"被困人员' }, { text: '=清点人数' }] }],
};
const incident = (over = {}) => ({
  info: { title: '某矿透水事故', place: '泽州县某镇某矿', unit: '某矿业有限公司', summary: '井下透水。\n\n正在排水', issuer: '泽州县应急管理局', signer: '张三', doc_no: '泽应急〔2024〕5号', recipient: '晋城市应急管理局', reporter: '李四 13800000000', ...over.info },
  values: { incident_time: '2024-05-01T10:00', deaths: '5', serious_injuries: '3', missing: '0', direct_loss_wan: '1200', foreign: 'yes', cross: 'no', may_become: 'larger', warning_level: 'orange', ...over.values },
  ticks: { 'group|抢险救援组|组织救援, "搜救"被困人员': '2024-05-01T02:30:00Z' },
  notes: { 'group|抢险救援组|=清点人数': '已到"现场"\n待核' },
  reports: { 'unit-1h': '2024-05-01T02:20:00Z' },
  log: [{ t: '2024-05-01T02:00:00Z', kind: 'create', text: '新建事件，预案：《某预案》' }, { t: '2024-05-01T02:40:00Z', kind: 'issue', text: '已出具首报（第1次）：打印' }],
  ...(over.prefilled ? { prefilled: over.prefilled } : {}),
});
const NOW = Date.parse('2024-05-01T02:45:00Z');

test('counts read as statements: 5人死亡, 无下落不明人员; a label that is not "X人数" keeps its words', () => {
  assert.equal(countPhrase('死亡人数', 5), '5人死亡');
  assert.equal(countPhrase('涉险(被困)人数', 2), '2人涉险(被困)');
  assert.equal(countPhrase('下落不明人数', 0), '无下落不明人员');
  assert.equal(countPhrase('1起食品安全突发事件涉及人数(含死亡病例)', 30), '1起食品安全突发事件涉及人数(含死亡病例)为30人');
  assert.equal(countPhrase('研判可能造成的死亡人数', 4), '研判可能造成的死亡人数为4人');
});

test('casualties and loss in one sentence; nothing filled gives nothing', () => {
  assert.equal(casualtySentence(FACTS, incident().values, '事故'), '事故已造成5人死亡、3人重伤，无下落不明人员，直接经济损失约1200万元。');
  assert.equal(casualtySentence(FACTS, { deaths: '0' }, '事故'), '目前无死亡人员。');
  assert.equal(casualtySentence(FACTS, { direct_loss_wan: '1.2亿' }, '事件'), '直接经济损失约1.2亿。');
  assert.equal(casualtySentence(FACTS, {}, '事故'), '');
});

test('other facts: a yes without 是否, a chosen answer, "否" left out, never a question', () => {
  assert.deepEqual(factStatements(FACTS, incident().values), ['伤亡、失踪、被困人员中有港澳台或外国人员。', '有可能发生较大事故。', '已发布的预警级别为二级(橙色)。']);
  assert.deepEqual(factStatements(FACTS, { may_become: 'no', foreign: 'no' }), []);
});

test('conclusions: the grade with its clause and the level suggested, who starts it, a raising judgement; each with a citation line', () => {
  const c = conclusions(OUT, PLAN);
  assert.equal(c[0].text, `按《${PLAN}》第1.5(3)条，属较大事故，建议启动Ⅱ级响应（死亡人数5人，3人以上10人以下(含3人,不含10人)）。`);
  assert.equal(c[0].cite, '第1.5(3)条 · 原文第1184行：“造成3人以上10人以下死亡”');
  assert.equal(c[1].text, `按《${PLAN}》第4.2.2(1)条，事故等级为较大,对应Ⅱ级响应启动条件“发生较大事故”（提出：市指挥部办公室；启动：市指挥部指挥长；指挥：市指挥部）。`);
  assert.equal(c[2].text, `按《${PLAN}》第4.2.1(2)条，跨县发生需市指挥部协调，响应提高为Ⅰ级响应。`);
  assert.equal(c[2].cite, '第4.2.1(2)条 · 原文第1420行：“跨县（市、区）发生”', 'OCR spaces dropped from the quote');
  const none = conclusions({ grade: null, grade_basis: [], criteria: [{ id: 'deaths' }], response: null, scope: [] }, PLAN);
  assert.deepEqual(none, [{ text: `按《${PLAN}》，依现有情况尚未达到分级标准。`, cite: '' }]);
  // A plan without grades (a warning plan): the level alone, said as the suggestion.
  const weather = conclusions({ grade: null, grade_basis: [], criteria: [], response: { level: 'Ⅰ级响应', starts: '市政府', reasons: [{ text: '发布一级(红色)预警时启动Ⅰ级响应', cite: cite('4.1', 990), quote: '启动 I 级响应' }] }, scope: [] }, '吕梁市重污染天气应急预案');
  assert.deepEqual(weather, [{ text: '按《吕梁市重污染天气应急预案》第4.1条，建议启动Ⅰ级响应：发布一级(红色)预警时启动Ⅰ级响应（启动：市政府）。', cite: '第4.1条 · 原文第990行：“启动 I 级响应”' }]);
  const out = conclusions({ grade: null, grade_basis: [], response: null, scope: [{ applies: false, text: '已认定为非生产安全事故：不按本预案定级。', cite: cite('1.4', 1169), quote: '本预案适用于…' }] }, PLAN);
  assert.equal(out.length, 1);
  assert.equal(out[0].text, `按《${PLAN}》第1.4条，已认定为非生产安全事故：不按本预案定级。`);
  const support = conclusions({ activation: { name: '市级医药储备调拨', started: false, waiting: '尚未收到调用申请。', cite: cite('4.1', 200), quote: 'q' } }, '吕梁市市级医药储备调拨应急预案');
  assert.equal(support[0].text, '《吕梁市市级医药储备调拨应急预案》为支持性程序（不分级），按其第4.1条，市级医药储备调拨尚未达到启动条件（尚未收到调用申请）。');
});

test('首报 is the 1st report, 续报 the 2nd and later; the log line says which', () => {
  assert.deepEqual(seqOf({}), { n: 1, label: '首报' });
  assert.deepEqual(seqOf({ report_seq: '1' }), { n: 1, label: '首报' });
  assert.deepEqual(seqOf({ report_seq: '2' }), { n: 2, label: '续报' });
  assert.deepEqual(seqOf({ report_seq: 'x' }), { n: 1, label: '首报' });
  assert.equal(issueText({ report_seq: '2' }), '已出具续报（第2次）');
  assert.equal(issueText({}), '已出具首报（第1次）');
  assert.equal(planKind(PLAN), '非煤矿山生产安全事故');
  assert.equal(planKind('鄂尔多斯市气象灾害应急预案(2024年版)'), '气象灾害');
  assert.equal(planKind('吕梁市市级医药储备调拨应急预案'), '市级医药储备调拨');
});

test('the written report: 公文 header, title, numbered sections of statements, no 未填 and no question', () => {
  const m = reportModel(incident({ info: { report_seq: '2' } }), { title: PLAN, facts: FACTS, out: OUT }, NOW);
  assert.equal(m.issuer, '泽州县应急管理局');
  assert.equal(m.number, '泽应急〔2024〕5号');
  assert.equal(m.signer, '张三');
  assert.equal(m.title, '关于某矿透水事故的报告');
  assert.equal(m.seq, '续报（第2次报告）');
  assert.equal(m.recipient, '晋城市应急管理局');
  assert.equal(m.time, '报送时间：2024年5月1日10时45分');
  assert.equal(m.contact, '联系人：李四 13800000000');
  assert.equal(m.fileName, '某矿透水事故-第2次报告.docx');
  assert.equal(m.draft, false);
  const text = m.blocks.map((b) => b.text);
  assert.deepEqual(text.filter((_, n) => m.blocks[n].kind === 'heading'), ['一、事故基本情况', '二、人员伤亡和经济损失情况', '三、现场研判情况', '四、已采取的措施', '五、事故等级和响应建议']);
  assert.ok(text.includes('2024年5月1日10时00分，泽州县某镇某矿发生某矿透水事故。'));
  assert.ok(text.includes('事发单位：某矿业有限公司。'));
  assert.ok(text.includes('井下透水。') && text.includes('正在排水。'), 'the summary one paragraph per line');
  assert.ok(text.includes('2024年5月1日10时20分，已向县应急管理部门报告（报告事故）。'));
  assert.ok(text.includes('已落实：1. 抢险救援组：组织救援, "搜救"被困人员（2024年5月1日10时30分完成）。'));
  assert.equal(m.blocks.filter((b) => b.kind === 'cite').length, 3, 'one citation line per conclusion');
  const all = JSON.stringify(m);
  assert.ok(!all.includes('未填'), 'no 未填');
  assert.ok(!/[?？]/.test(all), 'no question');
});

test('the written report with only some fields: empty sections and header lines are left out; a draft plan is marked', () => {
  const i = { info: { title: '' }, values: { incident_time: '2024-05-01T10:00' }, ticks: {}, notes: {}, reports: {}, log: [], prefilled: { incident_time: '2024-05-01T02:00:00Z' } };
  const m = reportModel(/** @type {any} */ (i), { title: PLAN, facts: FACTS, out: { grade: null, grade_basis: [], criteria: [{ id: 'deaths' }], response: null, scope: [] }, unconfirmed: 2 }, NOW);
  assert.equal(m.draft, true);
  assert.equal(m.issuer, '');
  assert.equal(m.signer, '');
  assert.equal(m.title, '关于非煤矿山生产安全事故的报告');
  assert.equal(m.seq, '首报（第1次报告）');
  assert.deepEqual(m.blocks.map((b) => b.text), ['一、事故基本情况', '2024年5月1日10时00分（按新建时间预填，请核实），发生一起非煤矿山生产安全事故。', '二、事故等级和响应建议', `按《${PLAN}》，依现有情况尚未达到分级标准。`]);
  assert.equal(m.contact, '');
  assert.equal(reportModel(/** @type {any} */ (i), { title: PLAN, facts: FACTS, out: OUT }, NOW).draft, false, 'no unconfirmed count: not a draft');
});

test('电话快报: only the filled parts, in the order read out', () => {
  assert.equal(
    quickReport(incident(), { title: PLAN, facts: FACTS, out: OUT }),
    ['电话快报：某矿透水事故', '时间：2024年5月1日10时00分', '地点：泽州县某镇某矿', '单位：某矿业有限公司', '事故类型：非煤矿山生产安全事故', '伤亡：事故已造成5人死亡、3人重伤，无下落不明人员，直接经济损失约1200万元。', `等级与响应建议：初判为较大事故，建议启动Ⅱ级响应（依据《${PLAN}》）`, '报告人：李四 13800000000', ''].join('\n'),
  );
  const bare = quickReport({ info: {}, values: { incident_time: '2024-05-01T10:00' }, prefilled: { incident_time: 'x' } }, { title: PLAN, facts: FACTS, out: { grade: null, response: null } });
  assert.equal(bare, '电话快报\n时间：2024年5月1日10时00分（待核实）\n事故类型：非煤矿山生产安全事故\n');
});

test('电话快报 of an incident the plan rules out says so', () => {
  const out = { grade: null, response: null, scope: [{ applies: false, text: '已认定为非生产安全事故' }] };
  assert.equal(quickReport({ info: {}, values: {} }, { title: PLAN, facts: FACTS, out }), `电话快报\n事故类型：非煤矿山生产安全事故\n等级与响应建议：不适用本预案，不按本预案定级（依据《${PLAN}》）\n`);
});

test('CSV: BOM, CRLF, quoting of commas, quotes and newlines; formulas shown as text', () => {
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('cr\rhere'), '"cr\rhere"');
  assert.equal(csvField('plain 文字'), 'plain 文字');
  assert.equal(csvField('=1+2'), "'=1+2");
  assert.equal(csvField('-5'), "'-5");
  assert.equal(csvField(-5), '-5', 'a number is a number');
  assert.equal(csvField(null), '');
  const text = csv([['a', 'b'], ['1,2', '"x"']]);
  assert.equal(text, '\uFEFFa,b\r\n"1,2","""x"""\r\n');
  assert.equal(text.charCodeAt(0), 0xfeff);
});

test('CSV rows: the checklist with ticks, times and notes, then the deadlines; the log by time', () => {
  const i = incident();
  const rows = checklistRows(OUT, i);
  assert.deepEqual(rows, [
    ['分组', '任务', '完成', '完成时间', '备注'],
    ['抢险救援组', '组织救援, "搜救"被困人员', '是', '2024年5月1日 10:30', ''],
    ['抢险救援组', '=清点人数', '否', '', '已到"现场"\n待核'],
    ['报告时限', '事发单位向县应急管理部门报告：报告事故（1小时内，应于2024年5月1日 11:00前）', '是', '2024年5月1日 10:20', ''],
    ['报告时限', '县政府向市委、市政府值班室报告：较大事故上报（事发2小时之内，应于2024年5月1日 12:00前）', '否', '', ''],
  ]);
  const file = csv(rows);
  assert.ok(file.includes('\r\n抢险救援组,"组织救援, ""搜救""被困人员",是,2024年5月1日 10:30,\r\n'));
  assert.ok(file.includes(`抢险救援组,'=清点人数,否,,"已到""现场""\n待核"\r\n`));
  assert.deepEqual(logRows(i), [['时间', '类别', '内容'], ['2024年5月1日 10:00', '新建', '新建事件，预案：《某预案》'], ['2024年5月1日 10:40', '出具', '已出具首报（第1次）：打印']]);
});

test('the Word file holds the same 公文 content as the printed report', async () => {
  const { reportDocxBuffer } = await import('../../tools/docx-entry.mjs');
  const m = reportModel(incident({ info: { report_seq: '2' } }), { title: PLAN, facts: FACTS, out: OUT, unconfirmed: 1 }, NOW);
  const dir = mkdtempSync(join(tmpdir(), 'yingji-docx-'));
  const file = join(dir, 'r.docx');
  writeFileSync(file, await reportDocxBuffer(m));
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join('\n');
  for (const want of ['草稿预案，未经审定', '泽州县应急管理局', '泽应急〔2024〕5号', '签发人：', '张三', '关于某矿透水事故的报告', '续报（第2次报告）', '晋城市应急管理局：', '一、事故基本情况', '属较大事故，建议启动Ⅱ级响应', '依据：第1.5(3)条', '特此报告。', '报送时间：2024年5月1日10时45分', '（联系人：李四 13800000000）']) {
    assert.ok(text.includes(want.replaceAll('"', '&quot;')), `document.xml has ${want}`);
  }
  assert.ok(xml.includes('w:color w:val="C00000"'), 'the red header');
  assert.ok(xml.includes('仿宋_GB2312'), 'the body font');
  assert.ok(xml.includes('w:pgMar w:top="2098"'), 'the 公文 margins');
});
