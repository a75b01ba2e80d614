// www/ stays small modules named after what they hold (issue 14 §1: no file in www/ over 400 lines),
// so a reader finds the code for a panel, a deadline or a format from the file tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WWW, wwwSources } from './www-sources.mjs';

const LIMIT = 400;

test(`no source file in www/ is over ${LIMIT} lines`, () => {
  const sources = wwwSources(['.js', '.css', '.html']);
  assert.ok(sources.includes('app.js') && sources.length > 40, `${sources.length} sources read`);
  const over = sources
    .map((f) => [f, readFileSync(join(WWW, f), 'utf8').split('\n').length - 1])
    .filter(([, n]) => n > LIMIT)
    .map(([f, n]) => `www/${f}: ${n} lines`);
  assert.deepEqual(over, [], `split these by what they hold:\n${over.join('\n')}`);
});
