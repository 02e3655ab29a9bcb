import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../api/src/registry/student/id-number.js';
import { startE2E, type E2E } from './support/e2e.js';

/** The student template's columns, Chinese headers as the blank template has them (api/src/registry/import/template.ts). */
const HEADER = ['姓名', '性别', '出生日期', '身份证件类型', '身份证件号', '民族', '年级', '班级', '入学年月', '户口所在地', '联系电话'];

/** A valid resident ID (GB 11643) for a pupil of 西湖区 born on `birthDate`; `sequence` keeps them apart. */
function residentId(birthDate: string, gender: '男' | '女', sequence: number): string {
  const order = String((sequence * 2 + (gender === '男' ? 1 : 0)) % 1000).padStart(3, '0');
  const first17 = `330106${birthDate.replaceAll('-', '')}${order}`;
  return first17 + residentIdCheckChar(first17);
}

function pupil(name: string, gender: '男' | '女', birthDate: string, sequence: number, genderCell: string = gender): string[] {
  return [name, genderCell, birthDate, '居民身份证', residentId(birthDate, gender, sequence), '汉族', '三年级', '2班', '2021-09', '浙江省杭州市西湖区', ''];
}

/** The template as a registrar saves it from Excel: UTF-8 CSV with a BOM, CRLF line ends. */
function templateCsv(rows: string[][]): Buffer {
  return Buffer.from(`\uFEFF${[HEADER, ...rows].map((row) => row.join(',')).join('\r\n')}\r\n`, 'utf8');
}

describe('importing pupils in the portal (real Chromium, real product)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('a registrar sees every error of a bad row, then imports the corrected file', async () => {
    const page = await e2e.newPage();
    await e2e.login(page, 'reg07');
    await page.goto('/import');
    await expect.poll(() => page.locator('[data-testid="import-own-school"]').textContent()).toContain('杭州市西湖区学军小学');

    // Row 3 of the file (the header is row 1) says 男生, which is not a gender the template knows.
    const good1 = pupil('陈思远', '男', '2015-04-12', 901);
    const good3 = pupil('周子涵', '女', '2015-09-30', 903);
    const fileInput = page.locator('[data-testid="import-file"] input[type="file"]');
    await fileInput.setInputFiles({
      name: '三年级2班.csv',
      mimeType: 'text/csv',
      buffer: templateCsv([good1, pupil('林雨桐', '女', '2015-06-01', 902, '女生'), good3]),
    });
    await page.locator('[data-testid="import-start"]').click();

    const errorRows = page.locator('[data-testid="import-errors-table"] tbody tr');
    await errorRows.first().waitFor({ state: 'visible', timeout: 60_000 });
    await expect.poll(() => page.locator('[data-testid="import-refused-alert"]').textContent()).toContain('未导入任何记录：文件中有 1 处错误');
    expect(await errorRows.count()).toBe(1);
    const cells = (await errorRows.first().locator('td').allTextContents()).map((text) => text.trim());
    // Said in the page's language from the error's code, not the API's English text.
    expect(cells).toEqual(['3', '性别', '女生', '性别应填写“男”或“女”（也可填 M / F）。']);
    expect(await page.locator('[data-testid="import-errors-download"]').isVisible()).toBe(true);
    await e2e.screenshot(page, 'import-row-errors');

    await page.locator('[data-testid="import-again"]').click();
    await fileInput.setInputFiles({
      name: '三年级2班（已更正）.csv',
      mimeType: 'text/csv',
      buffer: templateCsv([good1, pupil('林雨桐', '女', '2015-06-01', 902), good3]),
    });
    await page.locator('[data-testid="import-start"]').click();

    await page.locator('[data-testid="import-summary"]').waitFor({ state: 'visible', timeout: 60_000 });
    expect((await page.locator('[data-testid="import-rows-imported"]').textContent())?.trim()).toBe('3');
    expect((await page.locator('[data-testid="import-rows-read"]').textContent())?.trim()).toBe('3');
    expect(await page.locator('[data-testid="import-view-problems"]').getAttribute('href')).toBe('/problems');
    await e2e.screenshot(page, 'import-summary');

    // The pupils are now in the school's records.
    await page.goto('/students?q=%E6%9E%97%E9%9B%A8%E6%A1%90');
    await expect.poll(() => page.locator('[data-testid="students-table"]').textContent(), { timeout: 30_000 }).toContain('林雨桐');
  });
});
