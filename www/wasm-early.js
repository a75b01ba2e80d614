// The engine's .wasm, fetched (index.html preloads it) and compiled as soon as this small classic
// script arrives (`async`, in <head>: it needs only the preload link above it), while the HTML is still
// parsed and the page's module loads: engine.js takes the compiled module (window.__yingjiWasm) instead
// of compiling it after the module has run (issue 14 §5). preflight.js did this before, but it is
// `defer`red until the HTML is parsed, which started the compile ~100–200 ms later at 4× CPU.
// ES5, like preflight.js: in a browser without WebAssembly it does nothing and preflight.js reports.
// Only the multi-file page on http(s): the single file has the .wasm inline and drops this script
// (tools/single-file.mjs). engine.js checks the response (HTTP status, MIME type) as before; a compile
// refused (CSP) rejects `module`, which engine.js reports.
(function () {
  window.__yingjiWasmEarly = true; // ran: engine.js does not wait for it (it may run after the module)
  var link = document.querySelector('link[rel="preload"][href$="yingji_bg.wasm"]');
  if (!link || !/^https?:$/.test(location.protocol) || typeof fetch !== 'function') return;
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.compileStreaming !== 'function') return;
  // A CSP that forbids compiling WebAssembly says so in this event, maybe before engine.js listens.
  document.addEventListener('securitypolicyviolation', function (e) {
    if (/wasm-eval|eval/.test(String(e.blockedURI))) window.__yingjiCspWasm = true;
  });
  var res = fetch(link.href, { credentials: 'same-origin' });
  var module = res.then(function (r) {
    var type = (r.headers.get('Content-Type') || '').split(';')[0].trim().toLowerCase();
    return r.ok && type === 'application/wasm' ? WebAssembly.compileStreaming(r) : null;
  });
  // Handled here so that a refusal is not reported twice; engine.js awaits both and reports it.
  res['catch'](function () {});
  module['catch'](function () {});
  window.__yingjiWasm = { url: link.href, res: res, module: module };
})();
