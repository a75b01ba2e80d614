// Runs before the page's module, as a classic ES5 script, so that it also runs where the module
// cannot: browsers without ES modules or WebAssembly (old browsers, IE mode), and the multi-file
// build opened from file:// (Chromium refuses module scripts from origin null). It only reports;
// the module does the real work. The single-file build inlines it and marks its root
// data-yingji-build="single", for which file:// is fine.
(function () {
  var root = document.getElementById('app');
  if (!root) return;
  var code = null;
  var text = null;
  var hasModules = 'noModule' in document.createElement('script');
  if (typeof WebAssembly !== 'object' || !hasModules) {
    code = 'no-wasm';
    text = '此浏览器不支持 WebAssembly，无法运行预案引擎（旧版浏览器或 IE 兼容模式）。请换用较新版本的 Chrome、Edge、Firefox 或 360/奇安信等浏览器的极速模式。';
  } else if (location.protocol === 'file:' && root.getAttribute('data-yingji-build') !== 'single') {
    code = 'file-protocol';
    text = '本页面不能直接从文件打开（多文件版需要放在网站上使用）。请改为双击打开单文件版 yingji.html；如需在网站上使用，请联系网站管理员部署后通过网址访问。';
  }
  // (The .wasm is fetched and compiled by wasm-early.js, which runs as soon as it arrives.)
  if (!code) return watchModule(root);
  report(root, code, text);
})();

/** Marks the page failed to load with `code` and shows `text` in its status box. */
function report(root, code, text) {
  root.setAttribute('data-yingji-state', 'error:' + code);
  root.removeAttribute('aria-busy');
  var status = document.getElementById('status');
  var statusText = document.getElementById('status-text');
  var hint = document.getElementById('status-hint');
  if (status) {
    status.className += ' status-error';
    status.setAttribute('role', 'alert');
  }
  if (statusText) statusText.textContent = text;
  if (hint) hint.setAttribute('hidden', '');
}

// The page's module imports the engine's glue (pkg/yingji.js) with itself: if that file or the page's
// own bundle cannot be loaded, the module never runs to say so, and the browser fires "error" at its
// script element (after this deferred script has run: they run in document order). The same words as
// engine.js's LOAD_ERRORS.fetch.
function watchModule(root) {
  var script = document.querySelector('script[type="module"][src]');
  if (!script) return;
  script.addEventListener('error', function () {
    if (String(root.getAttribute('data-yingji-state')).indexOf('error:') === 0) return;
    report(root, 'fetch', '无法载入预案引擎文件（pkg/yingji.js 或 pkg/yingji_bg.wasm）：文件缺失或网络中断。请检查网络后刷新页面；如仍失败，请联系网站管理员检查部署（pkg/ 目录是否完整上传）。');
  });
}
