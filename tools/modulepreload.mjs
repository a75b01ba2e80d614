// Rewrites the <link rel="modulepreload"> lines of www/index.html to the module graph its entry
// module loads (static imports, followed through every module, plus the engine's glue that engine.js
// imports dynamically), so the browser fetches the whole graph at once instead of one import level at
// a time. For the page's bundle (tools/bundle.mjs): the bundle, the chunks of shared code it imports,
// version.js and the glue. Run after adding or removing a module: `node tools/modulepreload.mjs`
// (tests/e2e/journeys.test.mjs fails while the list is stale).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE, VERSION, bundleIfStale, staticChunks } from './bundle.mjs';

const WWW = resolve(fileURLToPath(new URL('../www', import.meta.url)));

/** The module graph of `entry` (paths relative to www/), in first-import order. */
export function moduleGraph(entry) {
  const graph = new Set();
  // The bundle (tools/bundle.mjs) holds the page's static graph but version.js and the chunks of code
  // it shares with the lazy modules, which it imports (read from the built bundle).
  if (entry === BUNDLE) return [entry, ...staticChunks(), VERSION, '../pkg/yingji.js'];
  const walk = (rel) => {
    if (graph.has(rel)) return;
    graph.add(rel);
    // A module the build generates (version.js) may not exist yet; it imports nothing.
    if (!existsSync(join(WWW, rel))) return;
    const src = readFileSync(join(WWW, rel), 'utf8');
    for (const m of src.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gm)) walk(join(rel, '..', m[1]).replaceAll('\\', '/'));
  };
  walk(entry);
  graph.add('../pkg/yingji.js'); // engine.js imports the glue dynamically
  return [...graph];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleIfStale(); // the chunks the bundle imports are read from it
  const file = join(WWW, 'index.html');
  const html = readFileSync(file, 'utf8');
  const entry = /<script type="module" src="([^"]+)"><\/script>/.exec(html)[1];
  const links = moduleGraph(entry).map((h) => `<link rel="modulepreload" href="${h}">`).join('\n');
  const out = html.replace(/(<link rel="modulepreload" href="[^"]+">\n)+/, `${links}\n`);
  writeFileSync(file, out);
  console.log(`${file}: ${moduleGraph(entry).length} modulepreload links`);
}
