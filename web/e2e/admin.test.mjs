// The admin console: an edit that meets someone else's newer save (a 412) shows both versions and
// lets the admin choose; a field the API refuses is marked at its field; stock is adjusted; the
// payment gateway's outage switch holds a checkout back until it is switched off.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { adminCredentials, adminToken, awaitOrderLeaves, call, createProduct, launch, login, newEmail, open, PASSWORD, placeOrder, shot, signInThroughThePage, signUp, URL } from './kiosk.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('an admin editing a product someone else changed sees the conflict and keeps their own edit', async () => {
  const token = await adminToken();
  const product = await createProduct(token, { name: `Desk fan ${Date.now()}`, price: { amount: 4900, currency: 'EUR' }, stock: 7 });
  const { email, password } = adminCredentials();
  const { page, done } = await open(browser);
  await signInThroughThePage(page, email, password);

  await page.getByRole('link', { name: 'Products' }).click();
  await page.getByRole('heading', { name: 'Products' }).waitFor();
  await page.goto(`${URL}/#/admin/products/${product.id}`);
  await page.getByRole('heading', { name: `Edit ${product.name}` }).waitFor();
  assert.match(await page.getByTestId('product-facts').innerText(), /^Version 1 · 7 in stock/);

  // A category the API refuses: its detail at the field, the field marked invalid.
  await page.getByLabel('Category').fill('Not A Slug');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const category = page.getByLabel('Category');
  await page.locator('#' + (await category.getAttribute('id')) + '-error').waitFor();
  assert.equal(await category.getAttribute('aria-invalid'), 'true');
  await category.fill('test-bench');

  // Another admin saves first (version 2).
  const theirs = await call('PUT', `/products/${product.id}`, {
    token,
    headers: { 'if-match': '"1"' },
    body: { name: `${product.name} (renamed)`, description: product.description, category: 'test-bench', price: { amount: 4900, currency: 'EUR' } },
  });
  assert.equal(theirs.status, 200);

  // This page still holds version 1: its save is refused, and the page says what happened.
  await page.getByLabel('Price').fill('44.90');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const conflict = page.locator('.conflict');
  await conflict.getByRole('heading', { name: 'Someone else changed this product' }).waitFor();
  assert.match(await conflict.innerText(), /You edited version 1; it is now at version 2/);
  assert.match(await conflict.innerText(), /renamed/);
  await shot(page, 'admin-conflict');

  // The admin keeps their edit on top of version 2.
  await conflict.getByRole('button', { name: 'Save mine over version 2' }).click();
  await page.getByRole('status').filter({ hasText: 'is at version 3' }).waitFor();
  const stored = (await call('GET', `/products/${product.id}`)).body;
  assert.equal(stored.version, 3);
  assert.equal(stored.price.amount, 4490);
  assert.equal(stored.name, product.name, 'their rename was overwritten by the admin who chose to');

  // Stock moves by adjustment.
  await page.getByLabel('Units received (+) or written off (−)').fill('5');
  await page.getByRole('button', { name: 'Adjust stock' }).click();
  await page.getByRole('status').filter({ hasText: 'Stock is now 12' }).waitFor();
  await page.getByLabel('Units received (+) or written off (−)').fill('-100');
  await page.getByRole('button', { name: 'Adjust stock' }).click();
  await page.locator('[role=alert][data-problem="stock-out-of-range"]').waitFor();

  await done();
});

test('an admin sees orders by status, the sales chart, promotions, and can take the payment gateway down', async () => {
  const product = await createProduct(await adminToken(), { name: `Report kettle ${Date.now()}`, stock: 20 });
  const { email, password } = adminCredentials();
  const { page, done } = await open(browser);
  await signInThroughThePage(page, email, password);

  await page.goto(`${URL}/#/admin/orders?status=DELIVERED`);
  await page.getByRole('heading', { name: 'Orders' }).waitFor();
  assert.equal(await page.getByLabel('Status').inputValue(), 'DELIVERED');

  await page.goto(`${URL}/#/admin/promotions`);
  await page.locator('[data-code="WELCOME10"]').waitFor();
  await page.getByLabel('Code', { exact: true }).fill(`TEST-${Date.now().toString(36).toUpperCase()}`);
  await page.getByLabel('Percent off').fill('15');
  await page.getByRole('button', { name: 'Create code' }).click();
  await page.getByRole('status').filter({ hasText: 'created' }).waitFor();

  // Today's sales as a chart: an order placed, today's report computed from the page.
  const shopper = newEmail('report');
  await signUp(shopper, 'Rita Report');
  const shopperToken = await login(shopper, PASSWORD);
  const order = await placeOrder(shopperToken, product.id, 2);
  assert.notEqual((await awaitOrderLeaves(shopperToken, order.id, 'PENDING_PAYMENT')).status, 'PENDING_PAYMENT', 'the order was paid');
  await page.goto(`${URL}/#/admin/reports`);
  await page.getByRole('heading', { name: 'Sales reports' }).waitFor();
  await page.getByRole('button', { name: "Compute today's report so far (local runtime)" }).click();
  const today = new Date().toISOString().slice(0, 10);
  await page.locator(`svg.chart rect.bar[data-date="${today}"]`).waitFor();
  assert.ok(Number(await page.locator(`svg.chart rect.bar[data-date="${today}"]`).getAttribute('height')) > 0, "today's bar shows revenue");
  const row = page.getByRole('row', { name: new RegExp(`^${today}`) });
  assert.ok(Number((await row.locator('td').nth(3).innerText())) >= 2, 'the units sold today include the two just ordered');
  await shot(page, 'admin-reports');

  await page.goto(`${URL}/#/admin/simulators`);
  const outage = page.getByLabel(/Payment gateway outage/);
  await outage.check();
  await page.getByRole('status').filter({ hasText: 'Payment gateway: down' }).waitFor();
  assert.equal((await call('GET', '/_local/payment-simulator')).body.outage, true);
  await shot(page, 'admin-simulators');
  await outage.uncheck();
  await page.getByRole('status').filter({ hasText: 'Payment gateway: up' }).waitFor();
  assert.equal((await call('GET', '/_local/payment-simulator')).body.outage, false);

  await done();
});
