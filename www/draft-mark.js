// @ts-check
// The draft mark of a plan, apart from the editor so that the page shows it without loading the editor.

/** «草稿» for a plan with «待确认» marks left (its summary's `unconfirmed`), shown with the plan in the
 * cockpit and on the printed report; '' otherwise. @param {any} plan */
export const draftMark = (plan) => (plan && plan.unconfirmed > 0 ? `【草稿：${plan.unconfirmed}处待确认】` : '');
