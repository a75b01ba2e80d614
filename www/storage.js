// @ts-check
// The browser's storage, as the page uses it: localStorage may be missing, disabled, full or throw on
// access (private mode, file policies). Every write says whether it worked and why not, so the page
// can say so at once; another tab's write is announced through the `storage` event.

export const PREFIX = 'yingji:v1:';

/** Why a write failed, in words for the officer. */
export const SAVE_FAILED = {
  full: '注意：浏览器存储空间已满，最近的输入没有保存。输入仍在本页上，请先“导出事件（JSON）”保存，再清理浏览器存储。',
  unavailable: '注意：本浏览器无法保存输入（存储不可用），刷新页面会丢失。输入仍在本页上，可随时“导出事件（JSON）”保存。',
};

/** @param {unknown} e */
const isQuota = (e) => !!e && typeof e === 'object' && (/** @type {any} */ (e).name === 'QuotaExceededError' || /** @type {any} */ (e).code === 22);

/**
 * @param {() => Storage} [open] how to reach the storage (tests pass a fake)
 */
export function createStore(open = () => window.localStorage) {
  const ls = () => {
    try {
      return open();
    } catch {
      return null;
    }
  };
  return {
    /** @param {string} key */
    get(key) {
      try {
        return ls()?.getItem(PREFIX + key) ?? null;
      } catch {
        return null;
      }
    },
    /** '' when saved, else 'full' or 'unavailable'. @param {string} key @param {string} value */
    set(key, value) {
      const s = ls();
      if (!s) return 'unavailable';
      try {
        s.setItem(PREFIX + key, value);
        return '';
      } catch (e) {
        return isQuota(e) ? 'full' : 'unavailable';
      }
    },
    /** @param {string} key */
    remove(key) {
      try {
        ls()?.removeItem(PREFIX + key);
      } catch {
        // nothing to remove where nothing can be stored
      }
    },
    /**
     * Calls `fn` when another tab of this page writes `key` (the browser fires `storage` in every
     * other tab within milliseconds).
     * @param {string} key @param {(value: string | null) => void} fn
     */
    watch(key, fn) {
      window.addEventListener('storage', (e) => {
        if (e.key === PREFIX + key) fn(e.newValue);
      });
    },
  };
}
