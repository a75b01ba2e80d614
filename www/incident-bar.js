// @ts-check
// The incident bar's controls: the report fields (地点、单位、经过、措施…) and the buttons. Reports
// what the officer did to incident.js; holds nothing.

import { el } from './dom.js';

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

export const INFO_FIELDS = [
  ['title', '事件名称', 'text', '如：某某矿透水事故'],
  ['place', '事发地点', 'text', '县（市、区）、乡镇、具体位置'],
  ['unit', '事发单位及概况', 'text', '单位名称、性质、规模'],
  ['summary', '事故简要经过和现场情况', 'area', '时间顺序写明经过、现场情况'],
  ['measures', '已经采取的措施', 'area', '先期处置、救援力量、疏散等'],
  ['reporter', '报告单位和报告人', 'text', '单位、姓名、联系电话'],
  // The written report's 公文 header (report-model.js) and its number: 首报 is the 1st report.
  ['issuer', '报送单位', 'text', '如：泽州县应急管理局'],
  ['signer', '签发人', 'text', '签发领导姓名'],
  ['doc_no', '编号', 'text', '如：泽应急〔2026〕5号'],
  ['recipient', '主送机关', 'text', '如：晋城市应急管理局'],
  ['report_seq', '首报/续报', 'seq', ''],
];

/** An info field's value as the log writes it. @param {string} k @param {string} v */
export const infoText = (k, v) => (k === 'report_seq' ? (Number(v) > 1 ? `续报（第${Number(v)}次报告）` : '首报（第1次报告）') : v || '（清空）');

/** 首报 (value '': the 1st report) or 续报 2nd to 20th. @param {string} id @param {string} k */
const seqSelect = (id, k) =>
  el('select', { id, data: { info: k } }, el('option', { text: '首报（第1次报告）', attrs: { value: '' } }), ...Array.from({ length: 19 }, (_, n) => el('option', { text: `续报（第${n + 2}次报告）`, attrs: { value: n + 2 } })));

/**
 * @param {{open(id: string): void, create(): void, remove(): void, onInfo(k: string, v: string, done: boolean): void,
 *   exporters: {json(): void, log(): void, file(f: File | undefined): Promise<void>}, print(): void}} on
 */
export function setupBar(on) {
  const box = $('incident-info');
  box.replaceChildren(
    ...INFO_FIELDS.map(([k, label, kind, ph]) => {
      const id = `info-${k}`;
      const input = kind === 'seq' ? seqSelect(id, k) : kind === 'area' ? el('textarea', { id, attrs: { rows: 2, placeholder: ph }, data: { info: k } }) : el('input', { id, attrs: { type: 'text', placeholder: ph, autocomplete: 'off' }, data: { info: k } });
      return el('div', { class: `info-field info-${kind}` }, el('label', { text: label, attrs: { for: id } }), input);
    }),
  );
  for (const type of ['input', 'change']) {
    box.addEventListener(type, (e) => {
      const t = /** @type {HTMLInputElement} */ (e.target);
      if (t.dataset.info) on.onInfo(t.dataset.info, t.value, type === 'change');
    });
  }
  $('incident').addEventListener('change', (e) => on.open(/** @type {HTMLSelectElement} */ (e.target).value));
  $('incident-new').addEventListener('click', on.create);
  $('incident-delete').addEventListener('click', on.remove);
  $('incident-export').addEventListener('click', on.exporters.json);
  $('log-export').addEventListener('click', on.exporters.log);
  $('incident-print').addEventListener('click', on.print);
  const file = /** @type {HTMLInputElement} */ ($('incident-import'));
  $('incident-import-btn').addEventListener('click', () => file.click());
  file.addEventListener('change', () => {
    const f = file.files ? file.files[0] : undefined;
    file.value = '';
    on.exporters.file(f);
  });
}
