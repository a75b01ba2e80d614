// 鄂尔多斯市气象灾害应急预案: facts grouped per hazard, two hazards entered at once, each hazard's computed
// warning level with the criteria that reached it, and the combined (highest) level and response.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open as openPage, openGroups, portal, showTab, waitState, waitText } from './helpers.mjs';

const PLAN = 'ordos-meteorological-disaster';
const env = portal();

test('weather plan: 暴雨 Ⅰ级 and 大风 Ⅲ级 at once give each level, the criteria with citations, and Ⅰ级 overall', async (t) => {
  const { page, check } = await openPage(env.browser, t, { origin: env.server.origin, url: env.server.url });
  await waitState(page, '#app', 'ready');
  await page.selectOption('#plan', PLAN);
  await page.waitForFunction((p) => document.querySelector('#plan').value === p, PLAN);

  // The form shows one heading per hazard, each holding that hazard's facts.
  const groups = await page.locator('#fields details.fact-group > summary').allInnerTexts();
  for (const g of ['农牧业干旱', '暴雨', '暴雪', '霜冻', '寒潮', '大风', '沙尘暴', '高温', '大雾']) {
    assert.ok(groups.includes(g), `group ${g} in ${JSON.stringify(groups)}`);
  }
  assert.equal(await page.locator('details.fact-group[data-group="暴雨"] #fact-rain_fc_mm').count(), 1);
  await openGroups(page);
  await showTab(page, 'warnings');
  // A temperature field accepts negatives (its range comes from the plan).
  await page.fill('#fact-frost_ground_min_c', '-61');
  await waitText(page, '#error-frost_ground_min_c', '-60');
  await page.fill('#fact-frost_ground_min_c', '-3');
  await page.locator('#error-frost_ground_min_c').waitFor({ state: 'hidden' });
  await page.fill('#fact-frost_ground_min_c', '');

  // Nothing entered: every hazard is below its criteria.
  await waitText(page, '#grade', '各灾种均未达到预警标准');

  // 暴雨: 预计未来24小时全市50%的区域100毫米以上 → Ⅰ级.
  await page.fill('#fact-rain_fc_area_pct', '50');
  await page.fill('#fact-rain_fc_mm', '100');
  // 大风: 全市70%的区域阵风11级 → Ⅲ级.
  await page.fill('#fact-wind_area_pct', '70');
  await page.fill('#fact-wind_gust_level', '11');

  const rain = '#warnings [data-hazard="rainstorm"]';
  const gale = '#warnings [data-hazard="gale"]';
  await waitText(page, `${rain} .hazard-level`, 'Ⅰ级(红色)预警');
  await waitText(page, `${gale} .hazard-level`, 'Ⅲ级(黄色)预警');
  await waitText(page, '#warnings [data-hazard="fog"] .hazard-level', '未达到预警标准');
  assert.ok(await page.locator(rain).evaluate((n) => n.classList.contains('warn-red')));
  assert.ok(await page.locator(gale).evaluate((n) => n.classList.contains('warn-yellow')));
  // The criterion that reached each level, with its citation.
  await waitText(page, `${rain} .basis`, '预计未来24小时全市50%(含)以上的区域将出现100毫米(含)以上降雨');
  await waitText(page, `${gale} .basis`, '阵风11级以上');
  assert.ok((await page.locator(`${rain} .basis li`).first().innerText()).includes('8.2.2'));

  // Combined: the highest level wins (4.3), and the response follows it.
  await waitText(page, '#hazard-summary', '最高预警：Ⅰ级(红色)（暴雨）');
  await waitText(page, '#hazard-summary', 'Ⅰ级应急响应');
  await waitText(page, '#grade', '最高预警：Ⅰ级(红色)（暴雨）');
  await waitText(page, '#response-level', 'Ⅰ级应急响应');

  // Lower the rain just below 100毫米: 50%的区域50毫米以上 is 暴雨 Ⅲ级, the same as 大风; no bump.
  await page.fill('#fact-rain_fc_mm', '99.9');
  await waitText(page, `${rain} .hazard-level`, 'Ⅲ级(黄色)预警');
  await waitText(page, '#hazard-summary', '最高预警：Ⅲ级(黄色)（暴雨、大风）');
  await waitText(page, '#response-level', 'Ⅲ级应急响应');

  // An out-of-range share is refused by the field, in Chinese.
  await page.fill('#fact-wind_area_pct', '120');
  await waitText(page, '#error-wind_area_pct', '应在0%至100%之间');
  check();
});
