// The shop at phone width (390 × 844, touch): nothing scrolls sideways, the menu is a button that
// says whether it is open, forms fit; and the key pages pass axe-core's WCAG A/AA rules with no
// serious or critical finding, and can be used from the keyboard.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch, newEmail, open, PASSWORD, shot, sidewaysOverflow, signUp, signInThroughThePage, URL } from './kiosk.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** axe-core's serious and critical WCAG 2.x A/AA findings on the page as it is now. */
async function accessibilityFindings(page) {
  // Evaluated through the DevTools protocol, which the page's CSP (script-src 'self') does not govern.
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations,
  );
  return results
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

test('at phone width every page fits, the menu opens and closes, and axe finds nothing serious', async () => {
  const email = newEmail('phone');
  await signUp(email, 'Pia Phone');
  const { page, done } = await open(browser, PHONE);

  await page.goto(`${URL}/`);
  await page.getByRole('heading', { name: 'The shop' }).waitFor();
  const menu = page.getByRole('button', { name: 'Menu' });
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByRole('link', { name: 'Sign in' }).isVisible(), false, 'the links wait behind the menu');
  assert.ok((await sidewaysOverflow(page)) <= 0, 'the catalog does not scroll sideways');
  assert.deepEqual(await accessibilityFindings(page), []);
  await shot(page, 'phone-catalog');

  await menu.click();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  await page.getByRole('link', { name: 'Sign in' }).waitFor({ state: 'visible' });
  await shot(page, 'phone-menu');
  await page.keyboard.press('Escape');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');

  // Sign in with the menu, as a phone user does; the menu closes on arrival.
  await signInThroughThePage(page, email, PASSWORD);
  await page.goto(`${URL}/#/?category=kitchen`);
  await page.getByRole('link', { name: 'Linen tea towels' }).click();
  await page.getByRole('button', { name: 'Add to cart' }).tap();
  await page.getByRole('status').filter({ hasText: 'Added to your cart' }).waitFor();
  assert.ok((await sidewaysOverflow(page)) <= 0, 'the product page does not scroll sideways');
  assert.deepEqual(await accessibilityFindings(page), []);

  for (const [hash, heading, name] of [
    ['#/cart', 'Your cart', 'phone-cart'],
    ['#/checkout', 'Checkout', 'phone-checkout'],
    ['#/orders', 'Your orders', 'phone-orders'],
    ['#/notifications', 'Notifications', 'phone-notifications'],
  ]) {
    await page.goto(`${URL}/${hash}`);
    await page.getByRole('heading', { name: heading, exact: true }).waitFor();
    assert.ok((await sidewaysOverflow(page)) <= 0, `${hash} does not scroll sideways`);
    assert.deepEqual(await accessibilityFindings(page), [], `${hash} has no serious accessibility finding`);
    await shot(page, name);
  }
  await done();
});

test('the shop can be used from the keyboard alone', async () => {
  const { page, done } = await open(browser);
  await page.goto(`${URL}/`);
  await page.getByRole('heading', { name: 'The shop' }).waitFor();

  // The first Tab reaches the skip link, which moves focus into the page without changing the route.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  assert.equal(new globalThis.URL(page.url()).hash, '');

  // Tab on to the first product and open it with Enter: focus lands on the new page's heading.
  let focused = '';
  for (let i = 0; i < 20 && !focused.startsWith('#/products/'); i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.getAttribute('href') ?? '');
  }
  assert.match(focused, /^#\/products\//, 'a product link is reachable by Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL(/#\/products\//);
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');

  // The login form: labels, Enter submits, and the refusal is announced (role=alert) and focused.
  await page.goto(`${URL}/#/login`);
  await page.getByLabel('Email').focus();
  await page.keyboard.type('nobody@example.com');
  await page.keyboard.press('Tab');
  await page.keyboard.type('not the password at all');
  await page.keyboard.press('Enter');
  await page.locator('[role=alert]:not([hidden])').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'alert');
  await done();
});
