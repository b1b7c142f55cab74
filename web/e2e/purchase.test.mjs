// The whole purchase, as a new shopper does it in the browser: sign up, browse a category, add to
// the cart, apply a code (a wrong one first), check out with a simulated card, and watch the order
// go all the way to DELIVERED through the simulated payment gateway and shipping partner; then the
// inbox tells of it.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newEmail, open, PASSWORD, shot, URL } from './kiosk.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a new shopper buys two skillets with WELCOME10 and sees them delivered', async () => {
  const started = performance.now();
  const { page, done } = await open(browser);
  const email = newEmail('ada');

  await page.goto(`${URL}/`);
  await page.getByRole('heading', { name: 'The shop' }).waitFor();
  await shot(page, 'catalog');

  // Sign up (and so sign in).
  await page.getByRole('link', { name: 'Create account' }).click();
  await page.getByLabel('Your name').fill('Ada Lovelace');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('button', { name: 'Sign out Ada Lovelace' }).waitFor();

  // Browse a category, paged, and open a product.
  await page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: 'Kitchen' }).click();
  await page.getByRole('heading', { name: 'Kitchen' }).waitFor();
  await page.getByRole('link', { name: 'Cast iron skillet' }).click();
  await page.getByRole('heading', { name: 'Cast iron skillet' }).waitFor();
  await shot(page, 'product');
  await page.getByLabel('Quantity').fill('2');
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('status').filter({ hasText: 'Added to your cart' }).waitFor();
  await page.getByRole('link', { name: /^Cart/ }).getByText('2').waitFor();

  // The cart: a code that does not exist is refused with the API's title and detail, at the field.
  await page.getByRole('link', { name: /^Cart/ }).click();
  await page.getByRole('heading', { name: 'Your cart' }).waitFor();
  await page.getByLabel('Promotion code').fill('NO-SUCH-CODE');
  await page.getByRole('button', { name: 'Apply' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: /code/i });
  await refusal.waitFor();
  const refusalText = await refusal.innerText();
  assert.match(refusalText, /\S/, 'the problem has a title');
  await page.getByLabel('Promotion code').fill('WELCOME10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.getByTestId('discount').waitFor();
  assert.equal(await page.getByTestId('subtotal').innerText(), '€84.00');
  assert.equal(await page.getByTestId('discount').innerText(), '−€8.40');
  await shot(page, 'cart');

  // Checkout: address and a simulated card.
  await page.getByRole('link', { name: 'Check out' }).click();
  await page.getByRole('heading', { name: 'Checkout' }).waitFor();
  await page.getByLabel('Full name').fill('Ada Lovelace');
  await page.getByLabel('Address', { exact: true }).fill('Hauptstrasse 1');
  await page.getByLabel('Postal code').fill('10115');
  await page.getByLabel('City').fill('Berlin');
  await page.getByLabel('Country').selectOption('DE');
  await page.getByLabel('Visa ending 4242 (pays)').check();
  await shot(page, 'checkout');
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.waitForURL(/#\/orders\/[A-Za-z0-9-]+$/);
  const orderId = decodeURIComponent(page.url().split('/').pop());

  // Followed live: the page polls until the partner's callbacks say DELIVERED.
  await page.locator('.order-status [data-status="DELIVERED"]').waitFor({ timeout: 90_000 });
  await page.getByText(/Parcel: Kiosk Post/).waitFor();
  const total = await page.getByTestId('order-total').innerText();
  await shot(page, 'order-delivered');

  // The order the API holds is the one the page shows.
  const order = await page.evaluate(async (id) => (await fetch(`/orders/${id}`)).status, orderId);
  assert.equal(order, 401, 'an order is not readable without the token (kept in memory, not in cookies)');

  // The inbox tells of each step.
  await page.getByRole('link', { name: /^Inbox/ }).click();
  await page.getByRole('heading', { name: 'Notifications' }).waitFor();
  await page.locator('[data-type="ORDER_DELIVERED"]').waitFor({ timeout: 30_000 }).catch(async () => {
    await page.reload();
    await page.locator('[data-type="ORDER_DELIVERED"]').waitFor({ timeout: 30_000 });
  });
  for (const type of ['ORDER_CONFIRMED', 'ORDER_SHIPPED', 'ORDER_DELIVERED']) {
    assert.equal(await page.locator(`[data-type="${type}"]`).count(), 1, `one ${type} notification`);
  }
  await shot(page, 'notifications');
  await page.getByRole('button', { name: 'Mark as read' }).first().click();
  await page.locator('.notification:not(.unread)').first().waitFor();

  // Signing out drops the tokens: the orders page now asks to sign in.
  await page.getByRole('button', { name: /^Sign out/ }).click();
  await page.getByRole('status').filter({ hasText: 'Signed out' }).waitFor();
  await page.goto(`${URL}/#/orders`);
  await page.getByRole('alert').filter({ hasText: 'Please sign in first' }).waitFor();

  await done();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`the whole purchase took ${seconds} s (order ${orderId}, total ${total}, the wrong code refused with: ${refusalText.replace(/\s+/g, ' ')})`);
});
