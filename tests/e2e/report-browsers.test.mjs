// The report's files in Chromium and in Debian's Firefox ESR (issue 15 §3): 导出Word builds a .docx
// (a zip: "PK", with word/document.xml) under the portal policy, and 导出任务清单（CSV） a file with a BOM.
// The Blobs are taken as the page hands them to URL.createObjectURL, so no download dialog is needed.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../tools/serve.mjs';
import { CSP, ROOT, clickMenu } from './helpers.mjs';
import { BROWSERS, launchBrowser } from './browsers.mjs';

const KEEP_BLOBS = `{
  const make = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (b) => { (window.__blobs = window.__blobs || []).push(b); return make(b); };
}`;

let server;
before(async () => {
  assert.ok(existsSync(join(ROOT, 'www', 'vendor', 'docx-report.js')), 'run scripts/build.sh first');
  server = await startServer({ port: 0, root: ROOT, headers: { 'Content-Security-Policy': CSP } });
});
after(() => server?.close());

for (const name of BROWSERS) {
  describe(name, () => {
    let b;
    before(async () => {
      b = await launchBrowser(name);
    });
    after(() => b?.close());

    test('导出Word gives a .docx holding the report; the checklist CSV starts with a BOM', async () => {
      const s = await b.open({ url: server.url, init: KEEP_BLOBS });
      await s.waitState('#app', 'ready');
      await s.select('#plan', 'jincheng-noncoal-mine');
      await s.evaluate(() => document.querySelector('#incident-details').setAttribute('open', ''));
      await s.fill('#info-issuer', '泽州县应急管理局');
      await s.fill('#fact-deaths', '5');
      await s.waitText('#grade', '较大');
      await clickMenu(s, '#report-docx');
      await s.waitText('#report-msg', '已导出');
      const docx = await s.evaluate(async () => {
        const blob = window.__blobs.at(-1);
        const bytes = new Uint8Array(await blob.arrayBuffer());
        return { type: blob.type, size: blob.size, head: String.fromCharCode(bytes[0], bytes[1]), names: new TextDecoder().decode(bytes).includes('word/document.xml') };
      });
      assert.equal(docx.type, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      assert.equal(docx.head, 'PK', 'a zip');
      assert.ok(docx.names, 'with word/document.xml');
      assert.ok(docx.size > 5000, `size ${docx.size}`);
      await clickMenu(s, '#checklist-csv');
      const csv = await s.evaluate(async () => {
        const bytes = new Uint8Array(await window.__blobs.at(-1).arrayBuffer());
        return [...bytes.subarray(0, 3)];
      });
      assert.deepEqual(csv, [0xef, 0xbb, 0xbf]);
      await s.waitText('#log', '已出具首报（第1次）：导出Word文件');
      s.check();
      await s.close();
    });
  });
}
