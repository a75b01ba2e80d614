// @ts-check
// Keeps the page trustworthy if the engine itself fails. No input can make the Rust engine panic
// (every bad input is an Error with `.field`), but if one ever does, the WebAssembly call traps and
// throws a WebAssembly.RuntimeError ("unreachable"). Then:
//   * the page says so in Chinese, with the panic's own message (kept by the engine's panic hook,
//     read through last_panic()) as technical detail, and offers a reload;
//   * nothing is deleted: the inputs are saved before every evaluation (localStorage), imported
//     plans are kept, and a reload brings everything back;
//   * the engine is not called again on this page (its state after a trap is unknown).
// Builds DOM with createElement + textContent only (the page's CSP and rules, see app.js).

export const ENGINE_FAILURE =
  '引擎内部错误：预案引擎意外停止，无法继续给出研判结果。已保存您的输入（保存在本机浏览器中，不会丢失）。请刷新页面后继续；如再次出现，请联系维护人员。';

export class EngineFailure extends Error {
  constructor(detail, cause) {
    super(ENGINE_FAILURE);
    this.name = 'EngineFailure';
    this.field = '';
    this.detail = detail;
    if (cause !== undefined) this.cause = cause;
  }
}

const isTrap = (e) => typeof WebAssembly === 'object' && e instanceof WebAssembly.RuntimeError;

/**
 * The engine's functions, each of which turns a trap into an EngineFailure (thrown, after `onFailure`
 * ran once). Other errors (bad input) pass through unchanged.
 */
export function guardEngine(engine, onFailure) {
  let failure = null;
  const out = { ...engine };
  for (const [name, fn] of Object.entries(engine)) {
    if (typeof fn !== 'function' || name === 'last_panic') continue;
    out[name] = (...args) => {
      if (failure) throw failure;
      let result;
      try {
        result = fn(...args);
      } catch (e) {
        throw isTrap(e) ? fail(e) : e;
      }
      // The async ones (the import checker) fail by rejecting.
      if (result && typeof result.then === 'function') {
        return result.catch((e) => {
          throw isTrap(e) ? fail(e) : e;
        });
      }
      return result;
    };
  }
  /** Records the first trap as the failure, tells `onFailure` once, and returns it. */
  function fail(e) {
    if (failure) return failure;
    let detail = '';
    try {
      detail = typeof engine.last_panic === 'function' ? String(engine.last_panic() || '') : '';
    } catch {
      // The module is already broken; the trap's own message will do.
    }
    failure = new EngineFailure(detail || String(e && e.message), e);
    try {
      onFailure(failure);
    } catch {
      // Showing the failure must not hide it from the caller.
    }
    return failure;
  }
  return out;
}

/** Shows the failure at the top of `root` (once) and marks it `data-yingji-state="error:engine"`. */
export function showEngineFailure(root, failure) {
  root.dataset.yingjiState = 'error:engine';
  if (document.getElementById('engine-failure')) return;
  const box = document.createElement('section');
  box.id = 'engine-failure';
  box.className = 'engine-failure';
  box.setAttribute('role', 'alert');
  const h = document.createElement('h2');
  h.textContent = '引擎内部错误';
  const p = document.createElement('p');
  p.textContent = ENGINE_FAILURE;
  const detail = document.createElement('p');
  detail.className = 'hint';
  detail.textContent = `技术信息：${failure.detail || '无'}`;
  const btn = document.createElement('button');
  btn.type = 'button';
  btn.id = 'engine-reload';
  btn.textContent = '刷新页面';
  btn.addEventListener('click', () => window.location.reload());
  box.append(h, p, detail, btn);
  const header = root.querySelector('header');
  if (header) header.after(box);
  else root.prepend(box);
}
