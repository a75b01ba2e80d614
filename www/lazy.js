// @ts-check
// Modules loaded on first use (issue 14 §5: the start loads only what the first result needs).

/**
 * A loader run once: every call returns the same promise; a failed load is tried again on the next call.
 * @template T
 * @param {() => Promise<T>} load
 * @returns {() => Promise<T>}
 */
export function once(load) {
  /** @type {Promise<T> | null} */
  let p = null;
  return () => {
    if (!p) {
      p = load();
      p.catch(() => (p = null));
    }
    return p;
  };
}

/**
 * Runs `fn` when the browser is idle (or after `ms` at the latest; a browser without
 * requestIdleCallback: after `ms`).
 * @param {() => void} fn @param {number} [ms]
 */
export function whenIdle(fn, ms = 1500) {
  const w = /** @type {any} */ (globalThis);
  if (typeof w.requestIdleCallback === 'function') w.requestIdleCallback(fn, { timeout: ms });
  else setTimeout(fn, ms);
}

/**
 * A module used from synchronous code: `use(fn)` calls fn with the module at once when it is loaded,
 * else once it is (a failed load is tried again on the next use; `use.load()` loads it ahead).
 * @template T
 * @param {() => Promise<T>} load
 */
export function module(load) {
  /** @type {T | null} */
  let mod = null;
  const get = once(() => load().then((m) => (mod = m)));
  /** @param {(m: T) => void} fn */
  const use = (fn) => {
    if (mod) fn(mod);
    else get().then(fn, () => {});
  };
  use.load = get;
  return use;
}
