// The build under its strict Content-Security-Policy, sent as a header (by a
// small server here) and as the meta element of dist/index.html: every view,
// the service worker and offline use, with no violation reported; Trusted
// Types enforced; values from a link and a collection's own titles, sources
// and text only ever text; and a changed file
// refused by its integrity.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFile, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { launch, ARTICLE_IDS } from './browser.mjs';

const DIST = resolve('dist');
const POLICY = readFileSync(resolve('hosting/policy.txt'), 'utf8').trim();
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.woff2': 'font/woff2', '.svg': 'image/svg+xml',
};

// The reader built over a collection of hostile text (scripts/test builds it
// from tests/e2e/hostile-corpus): its title, source and text are markup.
const HOSTILE_DIST = resolve('target/dist-hostile');

let browser;
let server;
let base;
let hostileServer;
let hostileBase;
before(async () => {
  // dist/ served with the policy as a header, as hosting/ sets it.
  server = await serve(DIST);
  base = `http://127.0.0.1:${server.address().port}/`;
  hostileServer = await serve(HOSTILE_DIST);
  hostileBase = `http://127.0.0.1:${hostileServer.address().port}/`;
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); hostileServer?.close(); });

/** A server of the folder `root`, with the policy as a header. */
async function serve(root) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = join(root, normalize(path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    readFile(file, (err, body) => {
      if (err) { res.writeHead(404).end(); return; }
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        // A test may ask for another policy, as a host could misconfigure it.
        'Content-Security-Policy': req.headers['x-test-policy'] ?? POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      }).end(body);
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return server;
}

/** A page that records its errors, logged or uncaught, and every policy violation. */
async function watched(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.addInitScript(() => {
    window.violations = [];
    addEventListener('securitypolicyviolation', (e) => {
      window.violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`);
    });
  });
  return { page, problems };
}

const violations = (page) => page.evaluate(() => window.violations);

test('every view, the worker and offline use work under the policy, with no violation', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const { page, problems } = await watched(context);
  const response = await page.goto(base + '#/');
  assert.equal(response.headers()['content-security-policy'], POLICY);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.equal(meta, POLICY.replace("frame-ancestors 'none'; ", ''));
  await page.locator('a[data-article]').first().waitFor();
  assert.equal(await page.locator('a[data-article]').count(), ARTICLE_IDS.length);

  // An article, its entity card placed through the CSSOM.
  await page.goto(`${base}#/read/${ARTICLE_IDS[2]}`);
  const mark = page.locator(`article[data-article="${ARTICLE_IDS[2]}"] mark[data-entity]`).first();
  await mark.hover();
  const tip = page.locator('.entity-tip');
  await tip.waitFor();
  const [tipBox, markBox] = [await tip.boundingBox(), await mark.boundingBox()];
  assert.ok(tipBox.y > markBox.y + markBox.height - 1, `card below its mention: ${tipBox.y} ${markBox.y}`);
  // Side by side, in as many columns as articles.
  await page.goto(`${base}#/compare/${ARTICLE_IDS[0]},${ARTICLE_IDS[1]},${ARTICLE_IDS[2]}`);
  await page.locator(`article[data-article="${ARTICLE_IDS[2]}"] mark`).first().waitFor();
  const columns = await page.locator('.columns').evaluate((el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
  assert.equal(columns, 3);
  // An entity page.
  await page.goto(`${base}#/entity/person:to-lam`);
  await page.locator('[data-entity-page="person:to-lam"]').waitFor();

  // The worker registers under the policy; then the reader opens offline.
  const scope = await page.evaluate(async () => {
    const late = new Promise((done) => { setTimeout(() => done(null), 20000); });
    return (await Promise.race([navigator.serviceWorker.ready, late]))?.scope ?? 'no worker within 20 s';
  });
  assert.equal(scope, base);
  assert.deepEqual(await violations(page), []);
  await context.setOffline(true);
  await page.goto(`${base}#/read/${ARTICLE_IDS[1]}`);
  await page.reload();
  await page.locator(`article[data-article="${ARTICLE_IDS[1]}"] mark[data-entity]`).first().waitFor();
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p)), []);
  await context.close();
});

test('Trusted Types are enforced, and values from a link stay text', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await watched(context);
  const hostile = '"><img src=x onerror="window.injected=1"><script>window.injected=1</script>';
  const q = encodeURIComponent(hostile);
  const links = [
    `#/?q=${q}&e=${q}`,
    `#/read/${ARTICLE_IDS[0]}?q=${q}&e=${q}&hl=${q}&p=1`,
    `#/read/${q}`,
    `#/compare/${ARTICLE_IDS[0]},${q}?hl=${q}`,
    `#/entity/${q}?q=${q}`,
  ];
  for (const link of links) {
    // A fresh load each, so that what is checked is this link's view.
    await page.goto('about:blank');
    await page.goto(base + link);
    // The view is drawn: its heading, or the alert saying what was not found.
    await page.locator('main h1, main [role=alert]').first().waitFor();
    const found = await page.evaluate(() => ({
      injected: window.injected ?? null,
      elements: document.querySelectorAll('main img, main script, main iframe, main object, [onerror]').length,
    }));
    assert.deepEqual(found, { injected: null, elements: 0 }, link);
    assert.deepEqual(await violations(page), [], link);
  }
  // What could not be found is named, as text.
  assert.match(await page.locator('[role=alert]').first().innerText(), /<img src=x onerror=/);
  assert.deepEqual(problems, []);

  // No string reaches an HTML sink but through the reader's policy, and no other policy can be made.
  const refused = await page.evaluate(() => {
    const tries = {};
    try { document.body.insertAdjacentHTML('beforeend', '<b>x</b>'); tries.html = 'set'; } catch (e) { tries.html = e.name; }
    try { trustedTypes.createPolicy('other', { createHTML: (s) => s }); tries.policy = 'made'; } catch (e) { tries.policy = e.name; }
    return tries;
  });
  assert.deepEqual(refused, { html: 'TypeError', policy: 'TypeError' });
  const reported = await violations(page);
  assert.ok(reported.some((v) => v.startsWith('require-trusted-types-for')), reported.join('\n'));
  assert.ok(reported.some((v) => v.startsWith('trusted-types')), reported.join('\n'));
  await context.close();
});

test('a host whose policy names another Trusted Types policy still gets the text, and is told why', async () => {
  const context = await browser.newContext({
    extraHTTPHeaders: { 'x-test-policy': POLICY.replace('trusted-types doichieu', 'trusted-types other') },
  });
  const page = await context.newPage();
  await page.goto(`${base}#/read/${ARTICLE_IDS[0]}`);
  const article = page.locator(`article[data-article="${ARTICLE_IDS[0]}"]`);
  await article.locator('[role=alert]').waitFor();
  assert.match(await article.locator('[role=alert]').innerText(), /policy «doichieu»/);
  assert.match(await article.locator(".article-text").innerText(), /Nhận lời mời của đồng chí Thượng tướng Vilay Lakhamphong/);
  assert.equal(await article.locator('mark').count(), 0);
  await context.close();
});

test('a changed script or wasm is refused by its integrity, and the page says so', async () => {
  for (const changed of ['.wasm', '.js']) {
    const context = await browser.newContext();
    await context.route(/doichieu-app-[0-9a-f]+(_bg\.wasm|\.js)$/, async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      const url = route.request().url();
      await route.fulfill({ response, body: url.endsWith(changed) ? Buffer.concat([body, Buffer.from(' ')]) : body });
    });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(base + '#/');
    // The start script says the reader could not start.
    const alert = page.locator('[role=alert]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /could not start/);
    assert.equal(await page.locator('main').count(), 0, changed);
    assert.ok(problems.some((p) => /integrity/i.test(p)), `${changed}: ${problems.join('\n')}`);
    await context.close();
  }
});

test("a collection's own titles, sources and text reach the page only as text", async () => {
  assert.ok(existsSync(join(HOSTILE_DIST, 'index.html')),
    'target/dist-hostile/ is missing: scripts/test builds it from tests/e2e/hostile-corpus');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const { page, problems } = await watched(context);
  const injected = () => page.evaluate(() => ({
    injected: window.injected ?? null,
    elements: document.querySelectorAll('main img, main script, main b, [onerror], [onmouseover]').length,
  }));
  await page.goto(hostileBase + '#/');
  await page.locator('a[data-article="hostile"]').waitFor();
  assert.match(await page.locator('a[data-article="hostile"]').innerText(), /<img src=x onerror="window\.injected=1"> Tiêu đề/);
  assert.deepEqual(await injected(), { injected: null, elements: 0 });

  await page.goto(hostileBase + '#/read/hostile');
  await page.locator('article[data-article="hostile"] mark[data-entity]').first().waitFor();
  const shown = await page.locator('main').innerText();
  assert.match(shown, /<script>window\.injected=1<\/script> & ký tự/);
  assert.match(shown, /<b onmouseover="window\.injected=1">Báo<\/b> & "Đài/);
  assert.match(shown, /Văn bản viết <img src=x onerror="window\.injected=1"> và <script>/);
  assert.deepEqual(await injected(), { injected: null, elements: 0 });
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(problems, []);
  await context.close();
});
