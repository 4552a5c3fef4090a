// Dates in the reader built over tests/e2e/hostile-corpus (scripts/test builds
// it into target/dist-hostile): an article whose dateline has no year stays
// undated and says so, one dated by the folder's articles.tsv says that, and
// the library counts the undated, lists them last, gives them their own bar
// and says when a date range leaves them out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFile } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { launch, appReady } from './browser.mjs';

const DIST = resolve('target/dist-hostile');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.woff2': 'font/woff2', '.svg': 'image/svg+xml',
};

let browser;
let server;
let base;
before(async () => {
  assert.ok(existsSync(join(DIST, 'index.html')),
    'target/dist-hostile/ is missing: scripts/test builds it from tests/e2e/hostile-corpus');
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = join(DIST, normalize(path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(DIST)) { res.writeHead(403).end(); return; }
    readFile(file, (err, body) => {
      if (err) { res.writeHead(404).end(); return; }
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

async function open(fragment, width = 1280) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + fragment);
  await appReady(page);
  return { page, errors };
}

test('the library counts the undated articles, lists them last and gives them their own bar', async () => {
  const { page, errors } = await open('#/');
  await page.locator('[data-article="undated"]').waitFor();
  assert.equal(await page.locator('[data-undated]').getAttribute('data-undated'), '1');
  assert.match(await page.locator('.count').innerText(), /1 bài không rõ ngày, xếp cuối/);
  const order = await page.locator('.cards > li').evaluateAll((els) => els.map(
    (e) => e.querySelector('[data-article]')?.dataset.article ?? (e.dataset.undatedHeading ? 'heading' : '?')));
  assert.deepEqual(order, ['hostile', 'listed', 'heading', 'undated']);
  const histogram = page.locator('[data-histogram]');
  assert.equal(await histogram.locator('[data-apart="undated"]').getAttribute('data-count'), '1');
  const dated = await histogram.locator('[data-year], [data-month]').evaluateAll(
    (els) => els.reduce((n, e) => n + Number(e.dataset.count), 0));
  assert.equal(dated, 2);

  // A range leaves the undated out, and says so.
  await page.goto(`${base}#/?from=2017&to=2017`);
  await page.locator('[data-undated-left-out]').waitFor();
  assert.equal(await page.locator('[data-undated-left-out]').getAttribute('data-undated-left-out'), '1');
  assert.deepEqual(await page.locator('.cards [data-article]').evaluateAll((els) => els.map((e) => e.dataset.article)), ['listed']);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the reading view says what dates an article, or why it has no date', async () => {
  const { page, errors } = await open('#/read/undated');
  await page.locator('article[data-article="undated"]').waitFor();
  const basis = page.locator('.meta [data-date-basis]');
  assert.equal(await basis.getAttribute('data-date-basis'), 'dateline-without-year');
  assert.match(await page.locator('.meta').first().innerText(), /Không rõ ngày \(câu mở đầu ghi 6\/2 nhưng không ghi năm\)/);

  await page.goto(`${base}#/read/listed?lang=en`);
  await page.locator('article[data-article="listed"]').waitFor();
  await page.locator('.meta [data-date-basis="sidecar"]').waitFor();
  assert.match(await page.locator('.meta').first().innerText(), /7 February 2017 \(from the collection's list of dates\)/);
  assert.equal(await page.locator('h1').first().innerText(), 'Kiểm tra an toàn thực phẩm ở chợ đầu mối');
  assert.deepEqual(errors, []);
  await page.close();
});
