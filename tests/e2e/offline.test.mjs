// Offline: the service worker keeps the build, and the one-file reader opens
// from file:// with no server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, BASE_URL, ARTICLE_IDS } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Errors of the page, uncaught or logged. */
function collect(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

/** Whether the shipped faces for Vietnamese text load (each face a letter needs, from wherever the page gets its files). */
async function facesLoad(page) {
  return page.evaluate(async () => {
    const faces = [
      ...(await document.fonts.load('16px Literata', 'Lương ửẫặỹờ')),
      ...(await document.fonts.load('600 16px "Be Vietnam Pro"', 'Lương ửẫặỹờ')),
    ];
    return faces.length >= 4 && faces.every((f) => f.status === 'loaded');
  });
}

test('after one visit, the reader opens and moves between views with the network gone', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collect(page);
  await page.goto(BASE_URL + '#/');
  await page.locator('a[data-article]').first().waitFor();
  // The page offers the one-file reader, which is there to take.
  const oneFile = page.locator('footer.site a[download]');
  assert.equal(await oneFile.getAttribute('href'), 'doichieu.html');
  const took = await page.evaluate(async () => {
    const r = await fetch('doichieu.html');
    return { ok: r.ok, html: (await r.text()).startsWith('<!doctype html>') };
  });
  assert.deepEqual(took, { ok: true, html: true });
  // The worker is active once every file of the build is in its cache.
  const build = await page.evaluate(async () => {
    const late = new Promise((resolve) => { setTimeout(() => resolve(null), 20000); });
    const registration = await Promise.race([navigator.serviceWorker.ready, late]);
    const names = await caches.keys();
    return { scope: registration?.scope ?? 'no service worker within 20 s', names };
  });
  assert.equal(build.scope, BASE_URL);
  assert.equal(build.names.filter((n) => n.startsWith('doichieu-')).length, 1);

  await context.setOffline(true);
  await page.goto(BASE_URL + '#/read/002_32c7cf5c29c9a34a');
  await page.reload();
  const article = page.locator('article[data-article="002_32c7cf5c29c9a34a"]');
  await article.waitFor();
  assert.ok(await article.locator('mark[data-entity]').count() > 10);
  // The shipped faces come from the cache too.
  assert.ok(await facesLoad(page));
  // The one-file link, which the worker does not keep, is not offered offline.
  assert.equal(await page.locator('footer.site a[download]').count(), 0);
  // Another view, by a link, still offline.
  await page.goto(BASE_URL + '#/');
  await page.locator('a[data-article]').first().waitFor();
  assert.equal(await page.locator('a[data-article]').count(), ARTICLE_IDS.length);
  await page.locator(`a[href="#/read/${ARTICLE_IDS[0]}"]`).first().click();
  await page.locator(`article[data-article="${ARTICLE_IDS[0]}"]`).waitFor();
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});

test('the one-file reader opens from file:// and shows every view', async () => {
  const file = resolve('dist/doichieu.html');
  assert.ok(existsSync(file), `${file} is missing: scripts/build writes it`);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  // Nothing but the file itself may load.
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  const errors = collect(page);
  const url = pathToFileURL(file).href;
  await page.goto(url + '#/');
  await page.locator('a[data-article]').first().waitFor();
  assert.equal(await page.locator('a[data-article]').count(), ARTICLE_IDS.length);
  // Being the one file, it offers no other.
  assert.equal(await page.locator('footer.site').count(), 0);
  await page.locator('a[data-article]').first().click();
  const article = page.locator('article[data-article]');
  await article.waitFor();
  assert.ok(await article.locator('mark[data-entity]').count() > 10);
  assert.ok(await facesLoad(page));
  // Side by side, by its link.
  await page.goto(`${url}#/compare/${ARTICLE_IDS[0]},${ARTICLE_IDS[1]}`);
  await page.locator(`[data-article="${ARTICLE_IDS[1]}"]`).first().waitFor();
  const elsewhere = requests.filter((r) => !r.startsWith(url.split('#')[0]) && !r.startsWith('data:'));
  assert.deepEqual(elsewhere, []);
  assert.deepEqual(errors, []);
  await context.close();
});
