// Moving on before a page has loaded: the page left behind must not paint over the one the shopper
// moved to. CI once saw the shop's list, whose categories came back after the shopper had opened a
// product, replace the product page.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { adminToken, createProduct, launch, open, URL } from './kiosk.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a page left while it loads does not replace the page moved to', async () => {
  const product = await createProduct(await adminToken(), { name: `Steady kettle ${Date.now()}`, stock: 5 });
  const { page, done } = await open(browser);
  // The list's second request (its categories) is held until the shopper has moved on.
  let asked;
  const categoriesAsked = new Promise((resolve) => (asked = resolve));
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route((url) => url.pathname.endsWith('/products') && url.search === '?limit=100', async (route) => {
    asked();
    await released;
    await route.continue().catch(() => {});
  });
  await page.goto(`${URL}/#/`);
  await categoriesAsked;
  await page.goto(`${URL}/#/products/${product.id}`);
  await page.getByRole('button', { name: 'Add to cart' }).waitFor();
  release();
  await page.waitForResponse((response) => response.url().endsWith('/products?limit=100'));
  await page.waitForTimeout(500); // the list's last step, had it still painted
  assert.ok(await page.getByRole('button', { name: 'Add to cart' }).isVisible(), 'the product page stays');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), product.name);
  await done();
});
