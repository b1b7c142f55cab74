// What the browser tests share: the running shop (KIOSK_URL, a local/run on fresh data whose
// folder is KIOSK_DATA), Debian's Chromium driven by playwright-core, the API for setting the
// scene, and screenshots saved under KIOSK_SCREENSHOTS.

import { readFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));

export const URL = (process.env.KIOSK_URL ?? '').replace(/\/+$/, '');
if (!URL) {
  throw new Error('KIOSK_URL must name a running local/run (bash .ci/browser-tests.sh starts one)');
}
const DATA = process.env.KIOSK_DATA;
export const SCREENSHOTS = process.env.KIOSK_SCREENSHOTS ?? join(here, '..', 'test-results', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

/** Debian's chromium package, or the one CHROMIUM_PATH names (Playwright cannot download its own here). */
function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(`no Chromium at ${candidates.join(', ')}: apt-get install chromium, or set CHROMIUM_PATH`);
  }
  return found;
}

export async function launch() {
  return chromium.launch({ executablePath: chromiumPath(), headless: true });
}

/**
 * A fresh browser context (no cookies, no tokens) and its page. Any uncaught error or console
 * error on the page (a CSP violation included) fails the test that opened it, at `done()`.
 */
export async function open(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'UTC', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    // A refused API call is logged by the browser as a failed resource; the page shows those itself.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
      errors.push(`console: ${message.text()}`);
    }
  });
  return {
    page,
    async done() {
      await context.close();
      assert.deepEqual(errors, [], 'the page logged errors');
    },
  };
}

/** Saves a screenshot of the page as <name>.png. */
export async function shot(page, name) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

// ---------------------------------------------------------------------------- the API, to set the scene

export async function call(method, path, { token, body, headers = {} } = {}) {
  const response = await fetch(URL + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** The seeded admin's credentials, which local/run keeps in its data folder. */
export function adminCredentials() {
  if (!DATA) {
    throw new Error('KIOSK_DATA must name the data folder of the local/run at KIOSK_URL');
  }
  return JSON.parse(readFileSync(join(DATA, 'admin.json'), 'utf8'));
}

export async function login(email, password) {
  const answer = await call('POST', '/auth/login', { body: { email, password } });
  assert.equal(answer.status, 200, `login of ${email}: ${JSON.stringify(answer.body)}`);
  return answer.body.accessToken;
}

export async function adminToken() {
  const { email, password } = adminCredentials();
  return login(email, password);
}

export const PASSWORD = 'violet staple orbit canyon';

/** A new shopper's email, unique to this run. */
export function newEmail(who) {
  return `${who}-${randomUUID().slice(0, 8)}@example.com`;
}

export async function signUp(email, name = 'Test Shopper') {
  const answer = await call('POST', '/auth/signup', { body: { email, password: PASSWORD, name } });
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
}

export async function createProduct(token, fields) {
  const answer = await call('POST', '/products', {
    token,
    body: { description: 'Made for the browser tests.', category: 'test-bench', price: { amount: 2500, currency: 'EUR' }, stock: 10, ...fields },
  });
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  return answer.body;
}

/** Signs in through the shop's own form. */
export async function signInThroughThePage(page, email, password) {
  await page.goto(`${URL}/#/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('status').filter({ hasText: 'Signed in as' }).waitFor();
}

/** The first horizontal overflow of the page: a phone must never scroll sideways. */
export async function sidewaysOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Puts `quantity` of a product in the shopper's cart and checks out with a card that pays; the order. */
export async function placeOrder(token, productId, quantity = 1) {
  const line = await call('PUT', `/cart/lines/${productId}`, { token, body: { quantity } });
  assert.equal(line.status, 200, JSON.stringify(line.body));
  const placed = await call('POST', '/checkout', {
    token,
    headers: { 'idempotency-key': randomUUID() },
    body: {
      shippingAddress: { name: 'Test Shopper', lines: ['Hauptstrasse 1'], city: 'Berlin', postalCode: '10115', country: 'DE' },
      paymentMethod: 'pm_card_visa',
    },
  });
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
  return placed.body;
}

/** Waits until the order has left `status` (payment is taken in the background); the order then. */
export async function awaitOrderLeaves(token, orderId, status, seconds = 30) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const order = (await call('GET', `/orders/${orderId}`, { token })).body;
    if (order.status !== status || Date.now() > deadline) {
      return order;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
