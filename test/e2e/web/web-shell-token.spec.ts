import { expect, test } from '../fixtures/web-shell';

test('the web shell refuses API calls without its token', async ({ shell, request }) => {
  const without = await request.post(`${shell.url}api/releases.list`, { data: {} });
  expect(without.status()).toBe(401);
  expect(await without.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });

  const withToken = await request.post(`${shell.url}api/releases.list`, {
    data: {},
    headers: { Authorization: `Bearer ${shell.token}` },
  });
  expect(withToken.status()).toBe(200);
  expect(await withToken.json()).toEqual({ ok: true, value: [] });
});

test('the token leaves the address bar but keeps working after a reload', async ({ app: page }) => {
  expect(page.url()).not.toContain('token=');
  await page.reload();
  await expect(page.getByText('Set up your workspace first')).toBeVisible();
});
