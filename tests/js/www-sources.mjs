// The page's own source files in www/ (not the build's output: tools/bundle.mjs's chunks,
// tools/sw-manifest.mjs's files; www/vendor/ is generated too), for the tests that read them all.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const WWW = fileURLToPath(new URL('../../www', import.meta.url));
const GENERATED = /^app\.(bundle|shared-|lazy-)|^sw-manifest\.js$|^version\.js$/;

/** File names in www/ ending in one of `exts` (e.g. ['.js']) that are sources. @param {string[]} exts */
export const wwwSources = (exts) => readdirSync(WWW).filter((f) => exts.some((e) => f.endsWith(e)) && !GENERATED.test(f));
