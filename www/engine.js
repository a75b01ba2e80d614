// @ts-check
// Loads the yingji WebAssembly engine and explains, in Chinese, every way loading can fail.
// Shared by the page (app.js), the custom element (yingji-panel.js) and the single-file build
// (tools/single-file.mjs inlines this file with the generated glue and the .wasm as base64).
//
// loadEngine() resolves to {plans, schema, evaluate, evaluateCompact, find, check, import_plan, forget_plan, last_panic, list} or rejects with a LoadError whose
// `code` is one of the keys of LOAD_ERRORS; the caller shows LOAD_ERRORS[code] and marks its root
// `data-yingji-state="error:<code>"`.
//
// Two WebAssembly modules: the engine (pkg/yingji_bg.wasm: the embedded plans, evaluation, the finder)
// loads at once; the import checker (pkg/yingji_check_bg.wasm: reads and validates a plan file) loads
// only when a file is imported, so the page does not carry a TOML reader it rarely needs. `check` and
// `import_plan` are therefore async; `import_plan(file, text)` checks the text, then hands the validated
// plan to the engine.
//
// The engine's `evaluate` returns the compact result (ids into the plan's schema); `evaluate` here
// joins it with the plan's schema (www/join.js, cached per plan) into the full object the page reads.
// `evaluateCompact` and `schema` give the two parts for callers that want them.

export const LOAD_ERRORS = {
  'no-wasm':
    '此浏览器不支持 WebAssembly，无法运行预案引擎（旧版浏览器或 IE 兼容模式）。请换用较新版本的 Chrome、Edge、Firefox 或 360/奇安信等浏览器的极速模式。',
  'file-protocol':
    '本页面不能直接从文件打开（多文件版需要放在网站上使用）。请改为双击打开单文件版 yingji.html；如需在网站上使用，请联系网站管理员部署后通过网址访问。',
  csp: '预案引擎被网站的内容安全策略（CSP）拦截，无法运行。请联系网站管理员：在 Content-Security-Policy 的 script-src 中加入 \'wasm-unsafe-eval\'（见使用说明“三种部署方式”）。',
  mime: '服务器没有以 application/wasm 类型提供预案引擎文件 yingji_bg.wasm，浏览器拒绝执行。请联系网站管理员为 .wasm 文件配置 MIME 类型 application/wasm。',
  fetch:
    '无法载入预案引擎文件（pkg/yingji.js 或 pkg/yingji_bg.wasm）：文件缺失或网络中断。请检查网络后刷新页面；如仍失败，请联系网站管理员检查部署（pkg/ 目录是否完整上传）。',
  checker:
    '无法载入预案文件校验模块（pkg/yingji_check.js 或 pkg/yingji_check_bg.wasm），暂时不能导入预案文件；内置预案不受影响。请检查网络后重试；如仍失败，请联系网站管理员检查部署（pkg/ 目录是否完整上传）。',
  plan: '找不到指定的预案。请检查 plan 属性中的预案编号。',
  init: '预案引擎初始化失败，无法给出研判结果。请刷新页面重试；如仍失败，请联系网站管理员。',
};

export class LoadError extends Error {
  constructor(code, detail, cause) {
    super(detail || LOAD_ERRORS[code] || code);
    this.name = 'LoadError';
    this.code = code;
    if (cause !== undefined) this.cause = cause;
  }
}

// A CSP that forbids WebAssembly compilation makes the compile reject with a CompileError whose
// message names the policy, and fires a `securitypolicyviolation` event with blockedURI "wasm-eval".
let cspBlockedWasm = false;
if (typeof document !== 'undefined') {
  document.addEventListener('securitypolicyviolation', (e) => {
    if (/wasm-eval|eval/.test(String(e.blockedURI))) cspBlockedWasm = true;
  });
}

function isCspError(e) {
  return cspBlockedWasm || (typeof window !== 'undefined' && /** @type {any} */ (window).__yingjiCspWasm === true) || /Content Security Policy|wasm-eval|unsafe-eval/i.test(String(e && e.message));
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

import { join } from './join.js';

let loading = null;

/**
 * Loads the engine once per page.
 * @param {{unpack?: function, glue?: object, wasmGzipBase64?: string, checkerGlue?: object, checkerWasmGzipBase64?: string, base?: URL|string, loaded?: object}} opts
 *   unpack + glue + wasmGzipBase64 (+ checkerGlue + checkerWasmGzipBase64): the single-file build
 *   (nothing is fetched; www/gunzip.js's `unpack` turns the inlined text into the .wasm bytes);
 *   base: the URL of the pkg/ folder (multi-file build); loaded: the engine's glue (base/yingji.js),
 *   already imported by the page (www/app.js imports it statically, so no import() waits for a task).
 */
export function loadEngine(opts = {}) {
  if (!loading) {
    loading = load(opts);
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/**
 * Instantiates one wasm-bindgen module: from the page (single file: `glue` and gzip bytes) or from
 * pkg/ (`name`.js and `name`_bg.wasm, fetched). Throws a LoadError with code `failCode` for a missing
 * file, or `csp` / `mime` / `init`.
 * @param {{unpack?: any, glue?: any, wasmGzipBase64?: string, base?: any, name: string, failCode: string, loaded?: any}} o
 */
async function instantiate({ unpack, glue, wasmGzipBase64, base, name, failCode, loaded }) {
  let mod = glue;
  let input;
  if (mod) {
    // Single file: the bytes are in the page; WebAssembly.instantiate compiles them off the main thread.
    try {
      input = await unpack(wasmGzipBase64);
    } catch (e) {
      // The cause (what gunzip.js found wrong) is shown as the technical detail, like every load error's.
      throw new LoadError('init', `${LOAD_ERRORS.init}（${name}）`, e);
    }
  } else {
    if (typeof location !== 'undefined' && location.protocol === 'file:') throw new LoadError('file-protocol');
    const pkg = new URL(base || '../pkg/', import.meta.url);
    const jsUrl = new URL(`${name}.js`, pkg);
    const wasmUrl = new URL(`${name}_bg.wasm`, pkg);
    try {
      mod = loaded || (await import(jsUrl.href));
    } catch (e) {
      throw new LoadError(failCode, `${LOAD_ERRORS[failCode]}（${jsUrl.pathname}）`, e);
    }
    // wasm-early.js may have fetched and started compiling the engine's .wasm already.
    const early = name === 'yingji' ? await earlyWasm() : null;
    const pre = early && early.url === wasmUrl.href ? early : null;
    let res;
    try {
      res = await (pre ? pre.res : fetch(wasmUrl, { credentials: 'same-origin' }));
    } catch (e) {
      throw new LoadError(isCspError(e) ? 'csp' : failCode, undefined, e);
    }
    if (!res.ok) {
      throw new LoadError(failCode, `${LOAD_ERRORS[failCode]}（${wasmUrl.pathname}：HTTP ${res.status}）`);
    }
    // Deliberately strict: wasm-bindgen's glue would fall back to a slower ArrayBuffer instantiate on a
    // wrong MIME type, but a portal that serves .wasm as something else is usually answering with an
    // error or login page (HTML, 200) — say so instead of guessing.
    const type = (res.headers.get('Content-Type') || '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/wasm') {
      const head = new Uint8Array(await res.arrayBuffer()).subarray(0, 4);
      const isWasm = WASM_MAGIC.every((b, i) => head[i] === b);
      throw new LoadError(
        'mime',
        `${LOAD_ERRORS.mime}（收到的类型：${type || '无'}${isWasm ? '' : '，内容也不是 WebAssembly 文件'}）`,
      );
    }
    // instantiateStreaming: compiled while it downloads, never on the main thread; or the module
    // wasm-early.js compiled meanwhile (awaited below, where a refused compile is reported).
    input = pre ? pre.module : res;
  }
  try {
    const ready = await input;
    // A module compiled already (wasm-early.js) is instantiated at once (no task in between, so the
    // boot goes on to the form without a frame between); where the browser refuses (a size limit on
    // synchronous instantiation), as before.
    if (!instantiated(mod, ready)) await mod.default({ module_or_path: ready });
  } catch (e) {
    throw new LoadError(isCspError(e) ? 'csp' : 'init', undefined, e);
  }
  return mod;
}

/**
 * What www/wasm-early.js started ({url, res, module}), or null. It is an `async` script: on a slow
 * server it may arrive after the page's module, and then its fetch and compile are awaited here
 * rather than the .wasm fetched and compiled a second time.
 */
function earlyWasm() {
  if (typeof window === 'undefined' || typeof document === 'undefined') return null;
  const w = /** @type {any} */ (window);
  if (w.__yingjiWasmEarly) return w.__yingjiWasm || null; // it ran (and started, or decided not to)
  const script = document.querySelector('script[src$="wasm-early.js"]');
  if (!script) return null;
  return new Promise((resolve) => {
    const done = () => resolve(w.__yingjiWasm || null);
    script.addEventListener('load', done, { once: true });
    script.addEventListener('error', done, { once: true });
    // A script that failed before this listened (blocked, 404, not uploaded) never says so again: its
    // fetch is over (a resource timing entry), or at the latest after 1.5 s, the .wasm is fetched here.
    if (performance.getEntriesByName(/** @type {HTMLScriptElement} */ (script).src).length) setTimeout(done, 0);
    setTimeout(done, 1500);
  });
}

/** Instantiates a compiled module synchronously; false if it is not one or the browser refuses. */
function instantiated(mod, ready) {
  if (typeof WebAssembly.Module !== 'function' || !(ready instanceof WebAssembly.Module) || typeof mod.initSync !== 'function') return false;
  try {
    mod.initSync({ module: ready });
    return true;
  } catch (e) {
    if (e instanceof RangeError) return false;
    throw e;
  }
}

/** @param {{unpack?: any, glue?: any, wasmGzipBase64?: string, checkerGlue?: any, checkerWasmGzipBase64?: string, base?: any, loaded?: any}} o */
async function load({ unpack, glue, wasmGzipBase64, checkerGlue, checkerWasmGzipBase64, base, loaded }) {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    throw new LoadError('no-wasm');
  }
  const mod = await instantiate({ unpack, glue, wasmGzipBase64, base, name: 'yingji', failCode: 'fetch', loaded });
  let list;
  try {
    list = mod.plans();
    if (!Array.isArray(list) || list.length === 0) throw new Error('引擎没有返回任何预案');
  } catch (e) {
    throw new LoadError('init', undefined, e);
  }

  // The import checker, on first use; a failed load is retried on the next use.
  let checking = null;
  const checker = () => {
    if (!checking) {
      checking = instantiate({
        unpack,
        glue: checkerGlue,
        wasmGzipBase64: checkerWasmGzipBase64,
        base,
        name: 'yingji_check',
        failCode: 'checker',
      });
      checking.catch(() => {
        checking = null;
      });
    }
    return checking;
  };
  /** `{ok: summary, plan: bytes}` or `{errors: [{file, path, problem}]}`. */
  const check = async (file, text) => (await checker()).check(file, text);
  // Each plan's schema, asked once; an import or a forgotten plan may change what an id names.
  const schemas = new Map();
  const schema = (id) => {
    let s = schemas.get(id);
    if (s === undefined) {
      s = mod.schema(id);
      schemas.set(id, s);
    }
    return s;
  };
  /** The compact result joined with the plan's schema: the full result. */
  const evaluate = (id, facts, now) => {
    // Evaluated first: a bad input or an unknown plan throws the engine's own error.
    const ev = mod.evaluate(id, facts, now);
    return join(schema(id), ev);
  };
  /** Checks a plan file and adds it to the engine: `{ok: {summary, renamed_from, replaced}}` or `{errors}`. */
  const importPlan = async (file, text) => {
    const res = await check(file, text);
    if (!(res && res.ok)) return res;
    schemas.clear();
    return mod.import_plan(file, res.plan);
  };
  const forgetPlan = (id) => {
    schemas.clear();
    return mod.forget_plan(id);
  };

  return {
    plans: mod.plans,
    schema,
    evaluate,
    evaluateCompact: mod.evaluate,
    find: mod.find,
    check,
    import_plan: importPlan,
    forget_plan: forgetPlan,
    last_panic: mod.last_panic,
    list,
    // The plan workbench (www/editor.js): the checker module itself (outline, apply_edits, check).
    workbench: checker,
  };
}

/** The technical detail shown under a load error. */
export function errText(e) {
  if (e == null) return '';
  const inner = e.cause !== undefined ? e.cause : null;
  const msg = (x) => (x && typeof x === 'object' && 'message' in x ? String(x.message) : String(x));
  return inner ? msg(inner) : e instanceof LoadError ? '' : msg(e);
}
