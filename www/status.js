// @ts-check
// The page's start (loading, ready, or why it failed), the build's status line under the title, and
// safe updates of the installed (offline) app.
//
// - Served over http(s): registers the service worker (www/sw.js). Once the worker controls the page
//   and reports this page's own build, says «已可离线使用 · 版本 X · 预案数据日期 D» and marks the root
//   `data-yingji-offline="ready"`. Started by app.js once the engine works, so a broken deployment is
//   never cached.
// - A new build waiting (the worker found a changed sw-manifest.js): «有新版本可用» with «刷新以更新»,
//   which posts SKIP_WAITING to the waiting worker and reloads when it takes over (`controllerchange`).
//   Nothing switches by itself: sw.js never calls skipWaiting() unasked.
// - The single file (YINGJI_INLINE): «单文件版 · 版本 X · 预案数据日期 D»; no worker.
//
// X is the crate's version and the first 8 digits of the build hash (www/version.js, written by
// tools/sw-manifest.mjs); D is the newest `date` among the embedded plans (the plans' own dates,
// not the build date). Text is set with textContent only.
import { LOAD_ERRORS, LoadError, errText } from './engine.js';
import { BUILD } from './version.js';

/** The page's start, on its root: `data-yingji-state` loading, ready or error:<code>. @param {HTMLElement} root @param {string} s */
export function setLoadState(root, s) {
  root.dataset.yingjiState = s;
  if (s !== 'loading') root.removeAttribute('aria-busy');
}

/**
 * The start failed: the root's state says error:<code>, the status box what happened (LOAD_ERRORS) and
 * the technical detail. @param {HTMLElement} root @param {string} code @param {unknown} err
 */
export function showLoadFailure(root, code, err) {
  if (root.dataset.yingjiState === 'error:engine') return; // guard.js already says what happened
  setLoadState(root, `error:${code}`);
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const status = $('status');
  status.classList.add('status-error');
  status.setAttribute('role', 'alert');
  $('status-text').textContent = err instanceof LoadError ? err.message : LOAD_ERRORS[code] || LOAD_ERRORS.init;
  const hint = $('status-hint');
  const detail = errText(err);
  hint.textContent = detail ? `技术信息：${detail}` : '';
  hint.hidden = !detail;
  status.hidden = false;
}

export const VERSION = `${BUILD.release}（${BUILD.version.slice(0, 8)}）`;

/** The newest issue date among the embedded plans, `YYYY-MM-DD`, or '' when none states one. */
export function dataDate(/** @type {{date?: string, imported?: string}[]} */ plans) {
  return plans
    .filter((p) => !p.imported && /^\d{4}-\d{2}-\d{2}$/.test(String(p.date)))
    .map((p) => String(p.date))
    .reduce((a, b) => (b > a ? b : a), '');
}

/**
 * @param {HTMLElement} root  the page's #app (gets data-yingji-offline)
 * @param {{date?: string, imported?: string}[]} plans  the engine's plan list
 */
export function startStatus(root, plans) {
  const box = /** @type {HTMLElement | null} */ (document.getElementById('app-status'));
  if (!box) return;
  const date = dataDate(plans);
  const tail = `版本 ${VERSION}${date ? ` · 预案数据日期 ${date}` : ''}`;
  const badge = document.createElement('span');
  badge.className = 'app-badge';
  box.replaceChildren(badge);
  const say = (/** @type {string} */ text) => (badge.textContent = text);

  // @ts-ignore  defined by the single-file build only
  if (typeof YINGJI_INLINE === 'object' || root.dataset.yingjiBuild === 'single') return void say(`单文件版 · ${tail}`);
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return void say(`${tail} · 此浏览器不能离线保存`);
  const sw = navigator.serviceWorker;
  say(`${tail} · 正在准备离线使用…`);

  let asked = false; // the user clicked «刷新以更新» in this page
  let hadController = !!sw.controller;
  /** @type {ServiceWorker | null} */
  let pending = null; // the new build's worker the button activates

  /** @param {ServiceWorker | null} waiting  the new build's worker, or null to reload only */
  const offerUpdate = (waiting, text = '有新版本可用') => {
    root.dataset.yingjiUpdate = 'available';
    let prompt = box.querySelector('.app-update');
    if (!prompt) {
      prompt = document.createElement('span');
      prompt.className = 'app-update';
      prompt.setAttribute('role', 'alert');
      const msg = document.createElement('span');
      const button = document.createElement('button');
      button.type = 'button';
      button.id = 'app-update';
      button.textContent = '刷新以更新';
      button.addEventListener('click', () => {
        asked = true;
        if (pending && pending.state !== 'redundant') pending.postMessage({ type: 'SKIP_WAITING' });
        else location.reload();
      });
      prompt.append(msg, button);
      box.append(prompt);
    }
    /** @type {HTMLElement} */ (prompt.firstChild).textContent = text;
    pending = waiting;
  };

  /** Asks the controlling worker for its build; the badge says offline only for this page's own. */
  const check = () => {
    const ctl = sw.controller;
    if (!ctl) return;
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => {
      if (e.data && e.data.version === BUILD.version) {
        root.dataset.yingjiOffline = 'ready';
        say(`已可离线使用 · ${tail}`);
      } else {
        // This page came from the network while the worker holds another build (the server was
        // updated between the page's load and the worker's install): reload to run one build.
        root.dataset.yingjiOffline = 'other-version';
        say(tail);
        offerUpdate(null);
      }
    };
    ctl.postMessage({ type: 'VERSION' }, [channel.port2]);
  };

  sw.addEventListener('controllerchange', () => {
    if (asked) return location.reload();
    // The first install took this page: nothing to switch from. Else another window of this app
    // took the update: this page still runs the old build and must be reloaded, not switched.
    if (hadController) offerUpdate(null, '新版本已在其他窗口启用，请刷新本页');
    else check();
    hadController = true;
  });

  navigator.serviceWorker.register(new URL('sw.js', import.meta.url), { updateViaCache: 'none' }).then(
    (reg) => {
      if (!root.dataset.yingjiOffline) root.dataset.yingjiOffline = 'registered';
      check();
      const watch = (/** @type {ServiceWorker | null} */ w) => {
        if (!w) return;
        const ready = () => {
          if (w.state === 'installed' && sw.controller) offerUpdate(w);
        };
        ready();
        w.addEventListener('statechange', ready);
      };
      watch(reg.waiting);
      watch(reg.installing);
      reg.addEventListener('updatefound', () => watch(reg.installing));
    },
    // Private windows and some portal policies forbid service workers: the page still works online.
    () => {
      root.dataset.yingjiOffline = 'unavailable';
      say(`${tail} · 此浏览器不能离线保存`);
    },
  );
}
