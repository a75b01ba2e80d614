// The page's modules that say `// @ts-check` type-check (issue 14 §1): their JSDoc types, the DOM's, the
// engine's glue (pkg/yingji.d.ts, so after the build) and the generated result types
// (types/yingji-types.d.ts) must agree, or `tsc --noEmit` lists where they do not. Without this
// the comment would promise a check nothing runs. No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './helpers.mjs';
import { WWW, wwwSources } from '../js/www-sources.mjs';

test('every www module marked // @ts-check type-checks', () => {
  const checked = wwwSources(['.js'])
    .filter((f) => readFileSync(join(WWW, f), 'utf8').startsWith('// @ts-check'))
    .map((f) => join('www', f));
  // The page's state, views and start are among them (a test that checks nothing would pass).
  for (const f of ['app.js', 'state.js', 'form.js', 'render-cockpit.js', 'status.js']) assert.ok(checked.includes(join('www', f)), `www/${f} is not marked // @ts-check`);
  const tsc = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = ['--noEmit', '--allowJs', '--target', 'es2022', '--module', 'es2022', '--moduleResolution', 'bundler', '--lib', 'es2022,dom,dom.iterable', '--skipLibCheck', ...checked];
  let out = '';
  try {
    execFileSync(process.execPath, [tsc, ...args], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    out = String(e.stdout || e.message).split('\n').slice(0, 30).join('\n');
  }
  assert.equal(out, '', `tsc finds type errors in ${checked.length} modules marked // @ts-check:\n${out}`);
});
