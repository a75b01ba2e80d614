// www/phone.js: the numbers to dial in a plan's printed phone text, who to call for an addressee, and
// the local book as CSV.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addedNote, areaCodeOf, dialParts, matchContacts, numbersIn, parseCsv, rowProblem, rowsFor, telHref, toCsv, unitNames } from '../../www/phone.js';

const nums = (text, code) => numbersIn(text, code).map((n) => [n.kind, n.shown, n.dial, n.added, n.ext]);

test('the area code of the plan city: 晋城 0356, 吕梁 0358, 鄂尔多斯 0477; with or without 市; unknown: none', () => {
  assert.equal(areaCodeOf('晋城市'), '0356');
  assert.equal(areaCodeOf('晋城'), '0356');
  assert.equal(areaCodeOf('吕梁市'), '0358');
  assert.equal(areaCodeOf('鄂尔多斯市'), '0477');
  assert.equal(areaCodeOf('太原市'), '');
  assert.equal(areaCodeOf(undefined), '');
  assert.equal(addedNote('0356'), '区号0356为本产品按预案所属城市补全');
});

test('a 7- or 8-digit local number gets the city code, said as added; with a 0-code or a mobile it stays', () => {
  assert.deepEqual(nums('2062298', '0356'), [['tel', '0356-2062298', '03562062298', '0356', '']]);
  assert.deepEqual(nums('83889090', '0356'), [['tel', '0356-83889090', '035683889090', '0356', '']]);
  assert.deepEqual(nums('8580311', '0477'), [['tel', '0477-8580311', '04778580311', '0477', '']]);
  assert.deepEqual(nums('0532-83889090', '0356'), [['tel', '0532-83889090', '053283889090', '', '']]);
  // The em dash the seed prints and a space between code and number.
  assert.deepEqual(nums('0477—8589622', '0477'), [['tel', '0477-8589622', '04778589622', '', '']]);
  assert.deepEqual(nums('0351 3046678', '0356'), [['tel', '0351-3046678', '03513046678', '', '']]);
  assert.deepEqual(nums('程育刚 15903561996', '0356'), [['tel', '15903561996', '15903561996', '', '']]);
  // Full-width digits read as digits.
  assert.deepEqual(nums('２０６２２９８', '0356'), [['tel', '0356-2062298', '03562062298', '0356', '']]);
  // No known code: dialled as printed.
  assert.deepEqual(nums('2062298', ''), [['tel', '2062298', '2062298', '', '']]);
  assert.equal(telHref(numbersIn('2062298', '0356')[0]), 'tel:03562062298');
});

test('runs of digits that are no phone number stay text: 6 or 9+ digits, a year', () => {
  assert.deepEqual(nums('123456', '0356'), []);
  assert.deepEqual(nums('123456789', '0356'), []);
  assert.deepEqual(nums('2020年', '0356'), []);
  // A 12-digit run is not cut into a number.
  assert.deepEqual(nums('206229820622', '0356'), []);
  assert.deepEqual(nums('119', '0356'), [['tel', '119', '119', '', '']]);
});

test('several numbers in one cell are split; labels and the text between them are kept as printed', () => {
  const parts = dialParts('2023112 (白) 2025050 (夜)', '0356');
  assert.deepEqual(
    parts.map((p) => (p.kind === 'text' ? p.text : p.shown)),
    ['0356-2023112', ' (白) ', '0356-2025050', ' (夜)'],
  );
  assert.deepEqual(nums('0477-8581609 0477-8581667', '0477').map((n) => n[1]), ['0477-8581609', '0477-8581667']);
  assert.deepEqual(nums('2212509 2212510', '0356').map((n) => n[1]), ['0356-2212509', '0356-2212510']);
  const named = dialParts('秦廷锴 13593326685', '0356');
  assert.deepEqual(named[0], { kind: 'text', text: '秦廷锴 ' });
});

test('a fax number is marked as one, before or after the word 传真', () => {
  assert.deepEqual(nums('2062298 (传真 2198332)', '0356').map((n) => [n[0], n[1]]), [['tel', '0356-2062298'], ['fax', '0356-2198332']]);
  assert.deepEqual(nums('3618119 3615577(传真)', '0356').map((n) => [n[0], n[1]]), [['tel', '0356-3618119'], ['fax', '0356-3615577']]);
  assert.deepEqual(nums('0351-3046678 (传真 0351-3046060)', '0356').map((n) => [n[0], n[2]]), [['tel', '03513046678'], ['fax', '03513046060']]);
});

test('a 转 extension is kept as text beside the number, not dialled', () => {
  assert.deepEqual(nums('2027255转8001', '0356'), [['tel', '0356-2027255', '03562027255', '0356', '转8001']]);
  assert.deepEqual(nums('0356-2027255 转 12', '0356'), [['tel', '0356-2027255', '03562027255', '', '转12']]);
});

// The 晋城 非煤矿山 contacts, as printed (plans/jincheng/noncoal-mine.toml).
const JC = [
  { unit: '省政府值班室', phone: '0351-3046678 (传真 0351-3046060)' },
  { unit: '省应急管理厅值班室', phone: '0351-4090558 (传真 0351-4093897)' },
  { unit: '市委值班室', phone: '2062298 (传真 2198332)' },
  { unit: '市政府值班室', phone: '2198345 (传真 2037755)' },
  { unit: '市应急管理局', phone: '2027255 (传真 2023690)' },
  { unit: '高平市人民政府', phone: '5222391' },
  { unit: '泽州县应急管理局', phone: '2061963' },
  { unit: '市农业农村局 (市指挥部办公室)', phone: '6995591' },
  { unit: '省指挥部办公室', phone: '0351-4090558' },
];
const call = (to, local = []) => matchContacts(to, local, JC, '晋城市').map((c) => `${c.local ? '本地:' : ''}${c.unit}`);

test('an addressee matches a unit exactly, or one name contains the other', () => {
  assert.deepEqual(call('市应急管理局'), ['市应急管理局']);
  assert.deepEqual(call('市政府'), ['市政府值班室']);
  // The bracketed alias of a unit is one of its names.
  assert.deepEqual(unitNames('市农业农村局 (市指挥部办公室)'), ['市农业农村局(市指挥部办公室)', '市农业农村局', '市指挥部办公室']);
  assert.deepEqual(call('市委市政府、市指挥部办公室'), ['市农业农村局 (市指挥部办公室)']);
  // Several units joined by 、 and 和: each is looked up; "市委、市政府值班室" is 市委值班室 and 市政府值班室.
  assert.deepEqual(call('市委、市政府值班室和省有关部门'), ['市委值班室', '市政府值班室']);
  assert.deepEqual(call('省政府和国家应急管理部'), ['省政府值班室']);
  // A unit named inside a longer text (a role, a bracket).
  assert.deepEqual(call('市指挥部办公室主任(市农业农村局局长兼任)宣布启动'), ['市农业农村局 (市指挥部办公室)']);
});

test('never a guess: another place, another office, several candidates, a short word: nothing', () => {
  // 高平市人民政府 is not the 市人民政府 of the city plan.
  assert.deepEqual(call('市人民政府'), []);
  // The county's bureau is not the city's, nor a named county's.
  assert.deepEqual(call('当地县(市、区)人民政府和农业农村局'), []);
  assert.deepEqual(call('事发地县(市、区)应急管理部门'), []);
  assert.deepEqual(call('应急管理局'), []);
  // "市委" alone (2 characters) matches nothing; 原接报单位 and an empty addressee neither.
  assert.deepEqual(call('市委'), []);
  assert.deepEqual(call('原接报单位'), []);
  assert.deepEqual(call(''), []);
  // A bare office word: every 值班室 has a unit before it, none of them the city itself.
  assert.deepEqual(rowsFor('值班室', JC, '晋城市'), []);
  // Two units in one name, nothing between them to split on: two candidates, so none.
  const two = [{ unit: '市应急管理局', phone: '2027255' }, { unit: '市公安局', phone: '3010110' }];
  assert.deepEqual(matchContacts('市应急管理局市公安局', [], two, '晋城市'), []);
  assert.deepEqual(matchContacts('市应急管理局', [], two, '晋城市').map((c) => c.unit), ['市应急管理局']);
  // 市政府外事办公室 is not 市政府's line.
  assert.deepEqual(matchContacts('市政府', [], [{ unit: '市政府外事办公室', phone: '2066512' }], '晋城市'), []);
  // 晋城市政府办公室 is: the city's own name before it.
  assert.deepEqual(matchContacts('市政府', [], [{ unit: '晋城市政府办公室', phone: '2198345' }], '晋城市').map((c) => c.unit), ['晋城市政府办公室']);
  assert.deepEqual(matchContacts('市政府', [], [{ unit: '晋城市政府办公室', phone: '2198345' }], '吕梁市'), []);
});

test('a local row overrides the plan row it matches, and only that one', () => {
  const local = [{ unit: '市政府值班室', phone: '0356-2190000', note: '2026年核对' }];
  assert.deepEqual(call('市委、市政府值班室和省有关部门', local), ['市委值班室', '本地:市政府值班室']);
  const [, mine] = matchContacts('市委、市政府值班室', local, JC, '晋城市');
  assert.equal(mine.phone, '0356-2190000');
  assert.equal(mine.local, true);
  // A local row alone (the plan has no such unit).
  assert.deepEqual(call('原接报单位', [{ unit: '原接报单位', phone: '13800000000' }]), ['本地:原接报单位']);
});

test('CSV: UTF-8 with BOM, header, quotes; read back the same rows', () => {
  const rows = [
    { unit: '市应急管理局', phone: '0356-2027255', note: '24小时' },
    { unit: '泽州县应急管理局', phone: '0356-2061963, 13800000000', note: '夜间"值班"' },
  ];
  const csv = toCsv(rows);
  assert.ok(csv.startsWith('\ufeff单位,电话,备注\r\n'));
  assert.ok(csv.includes('"0356-2061963, 13800000000","夜间""值班"""'));
  assert.deepEqual(parseCsv(csv), { rows, errors: [] });
  // LF line ends, no header, blank lines, a missing note.
  assert.deepEqual(parseCsv('市委值班室,0356-2062298\n\n市政府值班室,0356-2198345,白天\n'), {
    rows: [
      { unit: '市委值班室', phone: '0356-2062298', note: '' },
      { unit: '市政府值班室', phone: '0356-2198345', note: '白天' },
    ],
    errors: [],
  });
});

test('CSV: a bad line is refused naming the line and the field; nothing is silently dropped', () => {
  assert.deepEqual(parseCsv('单位,电话,备注\n市委值班室,无\n,0356-2062298\n市政府,0356-2198345,,多余\n'), {
    rows: [],
    errors: ['第2行：“电话”里没有可拨打的号码：“无”', '第3行：“单位”为空', '第4行：多出1列（只认“单位,电话,备注”三列）'],
  });
  assert.deepEqual(parseCsv(''), { rows: [], errors: ['文件是空的'] });
  assert.equal(rowProblem({ unit: '市委', phone: '' }), '“电话”为空');
  assert.equal(rowProblem({ unit: '市委', phone: '2062298' }), '');
});

// The tab title's lead (www/render-deadlines.js): the nearest clock deadline not marked reported.
test('tab title: minutes left round up, minutes overdue round down; reported and clockless deadlines skipped', async () => {
  const { titleLead } = await import('../../www/render-deadlines.js');
  const due = Date.parse('2026-12-07T10:12:00+08:00');
  const d = { due: '2026-12-07T10:12:00+08:00', to: '市应急局', who: '事发单位' };
  const at = (ms, list = [{ d, done: false }]) => titleLead(list, due - ms);
  assert.equal(at(12 * 60_000), '[12分] 报告 → 市应急局');
  assert.equal(at(11 * 60_000 + 1), '[12分] 报告 → 市应急局');
  assert.equal(at(11 * 60_000), '[11分] 报告 → 市应急局');
  assert.equal(at(1), '[1分] 报告 → 市应急局');
  assert.equal(at(0), '[已超时] 报告 → 市应急局');
  assert.equal(at(-59_999), '[已超时] 报告 → 市应急局');
  assert.equal(at(-60_000), '[超时1分] 报告 → 市应急局');
  assert.equal(at(-(5 * 60_000 + 59_000)), '[超时5分] 报告 → 市应急局');
  assert.equal(at(125 * 60_000), '[2小时5分] 报告 → 市应急局');
  assert.equal(at(120 * 60_000), '[2小时] 报告 → 市应急局');
  assert.equal(at((26 * 60 + 30) * 60_000), '[1天2小时] 报告 → 市应急局');
  // The nearest of several; a reported one and one without a clock do not count; none left: ''.
  const later = { due: '2026-12-07T11:12:00+08:00', to: '市委、市政府值班室和省有关部门', who: '县政府' };
  const now = due - 10 * 60_000;
  assert.equal(titleLead([{ d: later, done: false }, { d, done: false }], now), '[10分] 报告 → 市应急局');
  assert.equal(titleLead([{ d: later, done: false }, { d, done: true }, { d: { status: 'immediate', to: 'x' }, done: false }], now), '[1小时10分] 报告 → 市委、市政府值班室和省有关部门');
  assert.equal(titleLead([{ d, done: true }], now), '');
  // No addressee: who reports; a long addressee is cut.
  assert.equal(titleLead([{ d: { ...d, to: '' }, done: false }], now), '[10分] 事发单位报告');
  assert.equal(titleLead([{ d: { ...d, to: '事发地县(市、区)应急管理部门和负有安全监管职能的行业管理部门' }, done: false }], now), '[10分] 报告 → 事发地县(市、区)应急管理部门和负…');
});
