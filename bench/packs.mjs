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
// - memory: after a forced garbage collection, the JavaScript heap plus the
//   wasm linear memory (the app), or the JavaScript heap (the peer).
//
// Environment: APP_URL, PEER_URL, ARTICLE (an article id), RUNS (default 10).
// Prints a table and one JSON line; asserts nothing.
import { launch } from '../tests/e2e/browser.mjs';

const RUNS = Number(process.env.RUNS ?? 10);
const QUERIES = ['vientiane', 'bounmy', 'cong an', 'bộ công an', 'tổng bí thư', 'hợp tác an ninh', 'luang prabang', 'xyz', 'vi', 'thượng tướng'];

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

// In the page: types `query` at once into the search box and returns the
// ms to the last DOM change it caused.
async function typeOne(query) {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const box = document.querySelector('input[type=search]');
  let last = 0;
  const observer = new MutationObserver(() => { last = performance.now(); });
  const settle = async (since) => {
    for (let i = 0; i < 1500; i++) {
      await sleep(20);
      const now = performance.now();
      const busy = document.querySelector('[data-loading]');
      if (!busy && now - since >= 100 && now - Math.max(last, since) >= 80) return;
    }
    throw new Error('the page did not settle');
  };
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  box.value = '';
  box.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await settle(performance.now());
  last = 0;
  const t0 = performance.now();
  box.value = query;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: query }));
  await settle(t0);
  observer.disconnect();
  return Math.max(0, last - t0);
}

/** Opens `url` in a fresh context; returns ms to `selector` and the bytes fetched by then. */
async function timeTo(browser, url, selector) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const keep = (result) => {
      const instance = result.instance ?? result;
      if (instance?.exports?.memory) window.benchWasmMemory = instance.exports.memory;
      return result;
    };
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
    }
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector(selector, { timeout: 120_000 });
  const ms = await page.evaluate(() => performance.now());
  const fetched = bytes;
  return { page, context, cdp, ms, bytes: fetched };
}

async function memoryOf(page, cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.benchWasmMemory?.buffer.byteLength ?? 0);
  return heap.usedSize + wasm;
}

const browser = await launch();
const out = {};
for (const side of ['app', 'peer']) {
  const base = side === 'app' ? process.env.APP_URL : process.env.PEER_URL;
  const first = await timeTo(browser, base + '#/', 'a[data-article]');
  const deep = await timeTo(
    browser,
    side === 'app' ? `${base}#/read/${process.env.ARTICLE}` : `${base}a/${process.env.ARTICLE}.html`,
    side === 'app' ? 'article[data-article] mark[data-entity]' : 'main h1',
  );
  await deep.context.close();
  const { page, cdp } = first;
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  const cold = [];
  for (const q of QUERIES) cold.push(await page.evaluate(typeOne, q));
  const warm = [];
  for (let run = 0; run < RUNS; run++) for (const q of QUERIES) warm.push(await page.evaluate(typeOne, q));
  const memory = await memoryOf(page, cdp);
  await first.context.close();
  out[side] = { first: first.ms, firstBytes: first.bytes, deep: deep.ms, deepBytes: deep.bytes, cold, warm, memory };
}
await browser.close();
const mb = (b) => (b / 1e6).toFixed(2);
const f = (x) => x.toFixed(1);
console.log('| measure | app | Pagefind |');
console.log('|---|---|---|');
console.log(`| first card (ms) | ${f(out.app.first)} | ${f(out.peer.first)} |`);
console.log(`| fetched before it (MB) | ${mb(out.app.firstBytes)} | ${mb(out.peer.firstBytes)} |`);
console.log(`| deep link to one article (ms) | ${f(out.app.deep)} | ${f(out.peer.deep)} |`);
console.log(`| keystroke, first time (shards fetched): median / p95 (ms) | ${f(median(out.app.cold))} / ${f(p95(out.app.cold))} | ${f(median(out.peer.cold))} / ${f(p95(out.peer.cold))} |`);
console.log(`| keystroke, again: median / p95 (ms) | ${f(median(out.app.warm))} / ${f(p95(out.app.warm))} | ${f(median(out.peer.warm))} / ${f(p95(out.peer.warm))} |`);
console.log(`| tab memory after the queries (MB) | ${mb(out.app.memory)} | ${mb(out.peer.memory)} |`);
console.log(JSON.stringify(out));
