// @ts-check
// The plan workbench's text being edited, kept in this browser after every edit (localStorage
// `yingji:v1:workbench`: the text, its file name and the text it started from), so a reload loses
// nothing; the source pane's text is not kept (it can be large: open it again).

const KEY = 'yingji:v1:workbench';

/** Keeps the work; false when the browser cannot store it. @param {{text: string, file: string, base: string}} w */
export function keepWork({ text, file, base }) {
  try {
    localStorage.setItem(KEY, JSON.stringify({ text, file, base }));
    return true;
  } catch {
    return false;
  }
}

/** The kept work, or null (none, or not readable). @returns {{text: string, file: string, base: string} | null} */
export function keptWork() {
  try {
    const k = JSON.parse(localStorage.getItem(KEY) || 'null');
    return k && typeof k.text === 'string' && typeof k.file === 'string' && typeof k.base === 'string' ? k : null;
  } catch {
    return null;
  }
}
