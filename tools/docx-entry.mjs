// The Word export of the written report: the model of www/report-model.js as an editable .docx in the
// 公文 layout of GB/T 9704-2012 (A4, margins 37/35/28/26 mm, 仿宋 三号 body on a fixed 28 pt line,
// 黑体 section headings, 方正小标宋 title and red header with the red rule under 编号 and 签发人).
// Fonts are named, not embedded: Word falls back to a font it has.
//
// Not loaded as it is: tools/docx-bundle.mjs bundles it with the `docx` package into
// www/vendor/docx-report.js, which the page imports only when 「导出Word」 is clicked.
import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Tab, TabStopType, TextRun } from 'docx';

const TWIP_PER_MM = 56.7;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: Math.round(37 * TWIP_PER_MM), bottom: Math.round(35 * TWIP_PER_MM), left: Math.round(28 * TWIP_PER_MM), right: Math.round(26 * TWIP_PER_MM) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const RED = 'C00000';
const FONT = {
  body: '仿宋_GB2312',
  heading: '黑体',
  title: '方正小标宋简体',
  note: '楷体_GB2312',
};
const font = (eastAsia) => ({ eastAsia, ascii: 'Times New Roman', hAnsi: 'Times New Roman' });
const pt = (n) => n * 2; // docx sizes are half-points
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt
const INDENT = { firstLine: pt(16) * 20 }; // two characters of 16 pt, in twips

const run = (text, f, size, extra = {}) => new TextRun({ text, font: font(f), size: pt(size), ...extra });

/** @param {import('../www/report-model.js').ReportModel} m */
export function reportDocument(m) {
  const children = [];
  if (m.draft) children.push(new Paragraph({ spacing: LINE, children: [run('草稿预案，未经审定', FONT.heading, 16, { color: RED, bold: true })] }));
  if (m.issuer) children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, children: [run(m.issuer, FONT.title, 26, { color: RED })] }));
  if (m.number || m.signer) {
    children.push(
      new Paragraph({
        spacing: LINE,
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        children: [run(m.number, FONT.body, 16), new TextRun({ children: [new Tab()] }), ...(m.signer ? [run('签发人：', FONT.body, 16), run(m.signer, FONT.note, 16)] : [])],
      }),
    );
  }
  if (m.issuer || m.number || m.signer) children.push(new Paragraph({ spacing: { after: 480 }, border: { bottom: { color: RED, space: 1, style: BorderStyle.SINGLE, size: 12 } }, children: [] }));
  children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, line: 700, lineRule: LineRuleType.EXACT }, children: [run(m.title, FONT.title, 22)] }));
  children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...LINE, after: 280 }, children: [run(m.seq, FONT.note, 16)] }));
  if (m.recipient) children.push(new Paragraph({ spacing: LINE, children: [run(`${m.recipient}：`, FONT.body, 16)] }));
  for (const b of m.blocks) {
    if (b.kind === 'heading') children.push(new Paragraph({ spacing: LINE, indent: INDENT, children: [run(b.text, FONT.heading, 16)] }));
    else if (b.kind === 'cite') children.push(new Paragraph({ spacing: { line: 440, lineRule: LineRuleType.EXACT }, indent: INDENT, alignment: AlignmentType.JUSTIFIED, children: [run(b.text, FONT.note, 14, { color: '404040' })] }));
    else children.push(new Paragraph({ spacing: LINE, indent: INDENT, alignment: AlignmentType.JUSTIFIED, children: [run(b.text, FONT.body, 16)] }));
  }
  children.push(new Paragraph({ spacing: LINE, indent: INDENT, children: [run(m.closing, FONT.body, 16)] }));
  const sign = { spacing: LINE, alignment: AlignmentType.RIGHT, indent: { right: pt(16) * 20 * 2 } };
  if (m.sign) children.push(new Paragraph({ ...sign, spacing: { ...LINE, before: 560 }, children: [run(m.sign, FONT.body, 16)] }));
  children.push(new Paragraph({ ...sign, children: [run(m.time, FONT.body, 16)] }));
  if (m.contact) children.push(new Paragraph({ spacing: { ...LINE, before: 280 }, indent: INDENT, children: [run(`（${m.contact}）`, FONT.body, 16)] }));
  return new Document({
    creator: '应急预案助手',
    title: m.title,
    styles: { default: { document: { run: { font: font(FONT.body), size: pt(16) } } } },
    sections: [{ properties: { page: { size: PAGE, margin: MARGIN } }, children }],
  });
}

/** The .docx as a Blob (in the browser). @param {import('../www/report-model.js').ReportModel} m */
export const reportDocx = (m) => Packer.toBlob(reportDocument(m));
/** The .docx as bytes (Node: the unit test). @param {import('../www/report-model.js').ReportModel} m */
export const reportDocxBuffer = (m) => Packer.toBuffer(reportDocument(m));
