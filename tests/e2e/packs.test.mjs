// A collection written as packs beside a built app (scripts/test: 600
// generated articles by `doichieu pack` into target/dist-packs): the first
// page from the manifest, search, facets and suggestions over shards, a
// deep link to one article, articles side by side, an entity over its
// articles, the whole collection kept offline, and a second collection
// written over the first (in a copy of target/dist-packs, which is left as
// it was: the tests can run again over it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { cpSync, readFile, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import { launch } from './browser.mjs';

const DIST = resolve('target/dist-packs');
// The second collection is written over a copy of the first.
const SECOND = resolve('target/dist-packs-second');
const CLI = resolve('target/debug/doichieu');

let browser;
let server;
let base;
// The folder served.
let served = DIST;
before(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = join(served, normalize(path.endsWith('/') ? `${path}index.html` : path));
    readFile(file, (err, body) => {
      if (err) { res.writeHead(404).end(); return; }
      const type = file.endsWith('.html') ? 'text/html; charset=utf-8'
        : file.endsWith('.js') ? 'text/javascript' : file.endsWith('.wasm') ? 'application/wasm'
          : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache' }).end(body);
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

async function open(fragment) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(base + fragment);
  return { page, errors, fetched };
}

/** Waits until no view says it is loading. */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('[data-loading]'));
}

test('the library lists the first page from the manifest, then searches the shards', async () => {
  const { page, errors, fetched } = await open('#/');
  await page.waitForSelector('a[data-article]');
  assert.match(await page.textContent('.count'), /600/);
  // The first cards come with the manifest: no card shard, no doc before them.
  const packs = fetched.filter((p) => p.includes('/packs/'));
  assert.ok(packs.some((p) => p.includes('/packs/manifest-')), packs.join());
  assert.ok(!packs.some((p) => p.includes('/packs/doc-') || p.includes('/packs/term-')), packs.join());
  await page.fill('input[type=search]', 'bounmy');
  await page.waitForFunction(() => document.querySelector('.count')?.textContent.includes('/'));
  await settled(page);
  const shown = Number((await page.textContent('.count')).split('/')[0].trim());
  assert.ok(shown > 0 && shown < 600, `${shown} found`);
  assert.ok(await page.locator('mark[data-match]').count() > 0);
  assert.ok(await page.locator('[data-facet][data-count]').count() > 0);
  assert.ok(await page.locator('[data-suggest]').count() > 0);
  assert.ok(fetched.some((p) => p.includes('/packs/term-')));
  assert.deepEqual(errors, []);
});

test('a link to one article fetches its bundle and shows it marked', async () => {
  const { page: library } = await open('#/');
  await library.waitForSelector('a[data-article]');
  const ids = await library.$$eval('a[data-article]', (els) => els.map((e) => e.getAttribute('data-article')));
  await library.close();
  const { page, errors, fetched } = await open(`#/read/${ids[3]}`);
  await page.waitForSelector(`article[data-article="${ids[3]}"] mark[data-entity]`);
  assert.equal(fetched.filter((p) => p.includes('/packs/doc-')).length, 1);
  assert.ok(await page.locator('a[rel=next]').count() === 1);
  // Side by side, and an entity over its articles.
  await page.goto(`${base}#/compare/${ids[0]},${ids[1]}`);
  await page.waitForSelector(`article[data-article="${ids[1]}"]`);
  assert.equal(await page.locator('article[data-article]').count(), 2);
  const entity = await page.getAttribute('mark[data-type=person]', 'data-entity');
  await page.goto(`${base}#/entity/${entity}`);
  await page.waitForSelector(`[data-entity-page="${entity}"]`);
  // An article the collection does not have is said so.
  await page.goto(`${base}#/read/no-such-article`);
  await page.waitForSelector('[role=alert]');
  assert.deepEqual(errors, []);
});

test('kept offline, the whole collection reads and searches with the network off', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + '#/');
  await page.waitForSelector('a[data-article]');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, base);
  // The offer says the size; keeping shows progress, then says it is done.
  const bytes = Number(await page.getAttribute('[data-keep-offline]', 'data-keep-offline'));
  assert.ok(bytes > 100_000, `${bytes} bytes`);
  assert.match(await page.textContent('[data-keep-offline]'), /MB/);
  await page.click('[data-keep-offline]');
  await page.waitForSelector('[data-kept-offline]', { timeout: 60_000 });
  const ids = await page.$$eval('a[data-article]', (els) => els.map((e) => e.getAttribute('data-article')));
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('a[data-article]');
  await page.fill('input[type=search]', 'vientiane');
  await page.waitForFunction(() => document.querySelector('.count')?.textContent.includes('/'));
  await settled(page);
  assert.ok(await page.locator('mark[data-match]').count() > 0);
  // An article never opened before, offline.
  await page.goto(`${base}#/read/${ids[ids.length - 1]}`);
  await page.waitForSelector(`article[data-article="${ids[ids.length - 1]}"] mark[data-entity]`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a second collection written over the first replaces it', async () => {
  rmSync(SECOND, { recursive: true, force: true });
  cpSync(DIST, SECOND, { recursive: true });
  const before = readdirSync(join(SECOND, 'packs')).length;
  execFileSync(CLI, ['pack', 'corpus', '--out', SECOND], { stdio: 'ignore' });
  const after = readdirSync(join(SECOND, 'packs'));
  assert.ok(after.length < before, `${after.length} packs after, ${before} before`);
  const manifest = readFileSync(join(SECOND, 'index.html'), 'utf8').match(/packs\/(manifest-[0-9a-f]+\.bin)/)[1];
  assert.ok(after.includes(manifest));
  served = SECOND;
  const { page, errors } = await open('#/');
  await page.waitForSelector('a[data-article]');
  assert.match(await page.textContent('.count'), /^5\b/);
  assert.deepEqual(errors, []);
});
