// @ts-check
// The written report (书面报告) on paper, in 公文 layout: 报送单位 as the header, 编号 and 签发人 under
// it, a red rule, the title 「关于××的报告」 and 首报/续报, the recipient, the numbered sections of
// statements with a citation line under each conclusion, 特此报告, 报送单位 and 报送时间. Draws the model
// of report-model.js (the .docx draws the same one). The internal checklist prints apart
// (report-checklist.js).

import { el } from './dom.js';

/** @param {HTMLElement} box @param {import('./report-model.js').ReportModel} m */
export function renderReport(box, m) {
  box.replaceChildren();
  if (m.draft) box.append(el('p', { class: 'report-draft', text: '草稿预案，未经审定' }));
  if (m.issuer) box.append(el('p', { class: 'report-issuer', text: m.issuer }));
  if (m.number || m.signer) {
    box.append(el('p', { class: 'report-docline' }, el('span', { class: 'report-number', text: m.number }), el('span', { class: 'report-signer', text: m.signer ? `签发人：${m.signer}` : '' })));
  }
  if (m.issuer || m.number || m.signer) box.append(el('hr', { class: 'report-rule' }));
  box.append(el('h2', { class: 'report-title', text: m.title }));
  box.append(el('p', { class: 'report-seq', text: m.seq }));
  if (m.recipient) box.append(el('p', { class: 'report-to', text: `${m.recipient}：` }));
  for (const b of m.blocks) box.append(el(b.kind === 'heading' ? 'h3' : 'p', { class: `report-${b.kind}`, text: b.text }));
  box.append(el('p', { class: 'report-para', text: m.closing }));
  box.append(el('div', { class: 'report-sign' }, m.sign ? el('p', { text: m.sign }) : null, el('p', { class: 'report-time', text: m.time })));
  if (m.contact) box.append(el('p', { class: 'report-contact', text: `（${m.contact}）` }));
}
