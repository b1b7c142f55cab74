// The session the shop keeps: tokens in memory only, a refused access token refreshed once (one
// refresh for calls refused together, as a refresh token is single-use), a refresh refused sends
// the shopper to sign in again, and signing out revokes the refresh token.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { call, launch, newEmail, open, PASSWORD, signInThroughThePage, signUp, URL } from './kiosk.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a refused access token is refreshed once for calls refused together, and sign-out revokes the refresh token', async () => {
  const email = newEmail('session');
  await signUp(email, 'Sam Session');
  const { page, done } = await open(browser);
  const issued = [];
  page.on('response', async (response) => {
    if (/\/auth\/(login|refresh)$/.test(response.url()) && response.status() === 200) {
      issued.push((await response.json()).refreshToken);
    }
  });
  // The API refuses the access token (as when it has run out) for the two calls the header makes
  // together after signing in (the cart's count and the inbox's): one refresh serves both, and each
  // is sent again with the new token.
  let refused = 0;
  const counts = /\/(cart|me\/notifications)(\?.*)?$/;
  await page.route(counts, async (route) => {
    if (refused < 2) {
      refused += 1;
      await route.fulfill({ status: 401, contentType: 'application/json', body: '{"message":"Unauthorized"}' });
    } else {
      await route.continue();
    }
  });
  const refreshes = [];
  const retried = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/auth/refresh')) {
      refreshes.push(request.url());
    } else if (counts.test(new globalThis.URL(request.url()).pathname) && refused === 2) {
      retried.push(request.url());
    }
  });
  const answered = (path) => page.waitForResponse((response) => new globalThis.URL(response.url()).pathname === path && response.status() === 200);
  const countsAnswered = Promise.all([answered('/cart'), answered('/me/notifications')]);
  await signInThroughThePage(page, email, PASSWORD);
  await countsAnswered;
  assert.equal(refused, 2, 'both calls were refused');
  assert.equal(refreshes.length, 1, 'one refresh for the calls refused together');
  assert.ok(retried.length >= 2, `both sent again: ${retried}`);
  assert.equal(issued.length, 2, 'the sign-in and the one refresh');
  await page.unroute(counts);

  // Nothing of the sign-in is kept where a later script or the next visitor could find it.
  const kept = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookies: document.cookie }));
  assert.equal(kept, JSON.stringify({ local: {}, session: {}, cookies: '' }));
  await page.goto(`${URL}/#/cart`);
  await page.getByText('Your cart is empty.').waitFor();

  // Signing out revokes the sign-in (every refresh token of it), and the pages ask to sign in again.
  await page.getByRole('button', { name: /^Sign out/ }).click();
  await page.getByRole('status').filter({ hasText: 'Signed out' }).waitFor();
  for (const token of issued) {
    assert.equal((await call('POST', '/auth/refresh', { body: { refreshToken: token } })).status, 401);
  }
  await page.goto(`${URL}/#/orders`);
  await page.getByRole('alert').filter({ hasText: 'Please sign in first' }).waitFor();
  await done();
});

test('a refresh the API refuses ends the session and says so', async () => {
  const email = newEmail('expired');
  await signUp(email, 'Eve Expired');
  const { page, done } = await open(browser);
  await signInThroughThePage(page, email, PASSWORD);
  await page.route(/\/auth\/refresh$/, (route) =>
    route.fulfill({ status: 401, contentType: 'application/problem+json', body: '{"type":"urn:kiosk:problem:unauthorized","title":"Unauthorized","status":401}' }),
  );
  await page.route(/\/orders(\?.*)?$/, (route) => route.fulfill({ status: 401, contentType: 'application/json', body: '{"message":"Unauthorized"}' }));
  await page.goto(`${URL}/#/orders`);
  await page.getByRole('alert').filter({ hasText: 'Please sign in again' }).waitFor();
  await page.getByRole('link', { name: 'Sign in' }).waitFor();
  await done();
});

test('an id that is a dot segment is not found, not a crash, and signing in from the form lands in the shop', async () => {
  const email = newEmail('dots');
  await signUp(email, 'Dot Segment');
  const { page, done } = await open(browser);
  for (const hash of ['#/products/..', '#/products/%2e%2e', '#/products/.']) {
    await page.goto(`${URL}/${hash}`);
    await page.getByRole('alert').filter({ hasText: 'Not found' }).waitFor();
  }
  await page.goto(`${URL}/#/login`);
  await page.getByRole('link', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'The shop' }).waitFor();
  for (const hash of ['#/orders/..', '#/orders/%2E%2e']) {
    await page.goto(`${URL}/${hash}`);
    await page.getByRole('alert').filter({ hasText: 'Not found' }).waitFor();
  }
  await done();
});
