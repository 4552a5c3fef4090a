// A large collection from a plain static server, in headless Chromium: the
// app reading packs (`doichieu pack`) against Pagefind over the same
// articles (one HTML page an article, indexed by `pagefind`, searched by a
// plain page that lists the first 20 results the way the library does).
//
// - first card: from navigation to the first result card in the DOM, and
//   the bytes fetched before it (the peer lists the results of one query, as
//   it has no list without one);
// - deep link: from navigation to one article shown (its marks, for the
//   app; the article's own page, for the peer);
// - keystroke: each query of QUERIES typed whole into the search box, from
//   the `input` event to the last change of the DOM it causes, the first
//   time (its shards fetched) and then RUNS more times;
// - memory, after the queries and a collection of garbage: the tab's memory,
//   the private memory (Private_Clean + Private_Dirty of
//   /proc/PID/smaps_rollup) of the page's own renderer process, what the
//   browser's task manager shows for the tab, and its proportional memory
//   (Pss); beside them, the resident memory of all this browser's renderer
//   processes, less theirs with no page open (the browser's own renderers
//   included; the peer searches in a worker of the page, in its process);
//   other browsers on the machine are not counted.
//
// Each side is served by a plain static server here (no compression), which
// counts the bytes it sends, workers' requests included.
//
// Environment: APP_DIR, PEER_DIR (none: the app alone), ARTICLE (an article id), RUNS (default 10).
// Prints a table and one JSON line; asserts nothing.
import { createServer } from 'node:http';
import { readFile } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { launch } from '../tests/e2e/browser.mjs';
import { pageRenderer, processMemory, rendererMemory } from './renderers.mjs';
import { typeOne } from './keystroke.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.woff2': 'font/woff2', '.svg': 'image/svg+xml', '.json': 'application/json',
};

/** A plain static server of `root`; `sent()` is the bytes sent since the last `reset()`. */
async function serve(root) {
  let sent = 0;
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = join(root, normalize(path.endsWith('/') ? `${path}index.html` : path));
    readFile(file, (err, body) => {
      if (err) { res.writeHead(404).end(); return; }
      sent += body.length;
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' }).end(body);
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}/`, sent: () => sent, reset: () => { sent = 0; }, close: () => server.close() };
}

const RUNS = Number(process.env.RUNS ?? 10);
const QUERIES = ['vientiane', 'bounmy', 'cong an', 'bộ công an', 'tổng bí thư', 'hợp tác an ninh', 'luang prabang', 'xyz', 'vi', 'thượng tướng'];

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];


/** Opens `url` in a fresh context; returns ms to `selector` and the bytes the server sent by then. */
async function timeTo(browser, server, url, selector) {
  server.reset();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector(selector, { timeout: 120_000 });
  const ms = await page.evaluate(() => performance.now());
  return { page, context, cdp, ms, bytes: server.sent() };
}

/** The page's renderer's memory and all the renderers' resident memory. */
async function memoryOf(page, cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const pid = await pageRenderer(page);
  return { tab: processMemory(pid), renderers: rendererMemory() };
}

const browser = await launch();
const out = {};
// Without PEER_DIR, the app alone (its column beside an empty one).
for (const side of process.env.PEER_DIR ? ['app', 'peer'] : ['app']) {
  const server = await serve(resolve(side === 'app' ? process.env.APP_DIR : process.env.PEER_DIR));
  const base = server.url;
  // What the browser's renderers hold with no page open, taken from the tab's.
  const idle = rendererMemory();
  const first = await timeTo(browser, server, base + '#/', 'a[data-article]');
  const deep = await timeTo(
    browser,
    server,
    side === 'app' ? `${base}#/read/${process.env.ARTICLE}` : `${base}a/${process.env.ARTICLE}.html`,
    side === 'app' ? 'article[data-article] mark[data-entity]' : 'main h1',
  );
  await deep.context.close();
  const { page, cdp } = first;
  const cold = [];
  for (const q of QUERIES) cold.push(await page.evaluate(typeOne, q));
  const warm = [];
  for (let run = 0; run < RUNS; run++) for (const q of QUERIES) warm.push(await page.evaluate(typeOne, q));
  const measured = await memoryOf(page, cdp);
  const memory = measured.renderers - idle;
  const tab = measured.tab.private;
  const tabPss = measured.tab.pss;
  await first.context.close();
  server.close();
  out[side] = { first: first.ms, firstBytes: first.bytes, deep: deep.ms, deepBytes: deep.bytes, cold, warm, memory, tab, tabPss };
}
await browser.close();
// Not measured (no peer): a dash.
out.peer ??= { first: NaN, firstBytes: NaN, deep: NaN, cold: [NaN], warm: [NaN], memory: NaN, tab: NaN, tabPss: NaN };
const mb = (b) => (Number.isNaN(b) ? '—' : (b / 1e6).toFixed(2));
const f = (x) => (Number.isNaN(x) ? '—' : x.toFixed(1));
console.log('| measure | app | Pagefind |');
console.log('|---|---|---|');
console.log(`| first card (ms) | ${f(out.app.first)} | ${f(out.peer.first)} |`);
console.log(`| fetched before it (MB) | ${mb(out.app.firstBytes)} | ${mb(out.peer.firstBytes)} |`);
console.log(`| deep link to one article (ms) | ${f(out.app.deep)} | ${f(out.peer.deep)} |`);
console.log(`| keystroke, first time (shards fetched): median / p95 (ms) | ${f(median(out.app.cold))} / ${f(p95(out.app.cold))} | ${f(median(out.peer.cold))} / ${f(p95(out.peer.cold))} |`);
console.log(`| keystroke, again: median / p95 (ms) | ${f(median(out.app.warm))} / ${f(p95(out.app.warm))} | ${f(median(out.peer.warm))} / ${f(p95(out.peer.warm))} |`);
console.log(`| tab memory after the queries: the page's renderer, private (MB) | ${mb(out.app.tab)} | ${mb(out.peer.tab)} |`);
console.log(`| the page's renderer, proportional (Pss, MB) | ${mb(out.app.tabPss)} | ${mb(out.peer.tabPss)} |`);
console.log(`| all the browser's renderers, resident, less those with no page (MB) | ${mb(out.app.memory)} | ${mb(out.peer.memory)} |`);
console.log(JSON.stringify(out));
