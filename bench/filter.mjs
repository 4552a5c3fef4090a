// The library's filter on a large corpus in headless Chromium, against a
// peer in the same browser: MiniSearch over the same articles, in a plain
// page that lists the matches the same way (bench/filter-peer.html).
//
// One query is timed from the change that asks for it to the last change of
// the DOM that it causes: for text, from the `input` event on the page's
// search box (the whole query at once, as pasted); for entities and dates,
// from setting `location.hash`. A MutationObserver notes when the DOM last
// changed; the page is then left alone until nothing has changed for a while.
// Between two runs the page goes back to the unfiltered library.
//
// Memory: after a forced garbage collection, the page's JavaScript heap plus
// the wasm linear memory (the app), or the JavaScript heap (the peer), each
// against the bytes of the corpus's text.
//
// Environment: APP_URL, PEER_URL, RUNS (per query, default 20), TEXT_BYTES;
// SECOND=before when PEER_URL is another build of the app (the one before a
// change), which then takes the peer's turns and is named so.
// Prints a table and one JSON line; asserts nothing.
import { launch } from '../tests/e2e/browser.mjs';

const RUNS = Number(process.env.RUNS ?? 20);
const TEXT_BYTES = Number(process.env.TEXT_BYTES);
const SECOND = process.env.SECOND ?? 'peer';

export const QUERIES = [
  // Text: with marks, and the same without (which ignores them).
  ['text', 'q', 'viêng chăn'],
  ['text', 'q', 'vieng chan'],
  ['text', 'q', 'công an'],
  ['text', 'q', 'cong an'],
  ['text', 'q', 'lương'],
  ['text', 'q', 'luong'],
  ['text', 'q', 'điện biên'],
  ['text', 'q', 'dien bien'],
  ['text', 'q', 'ma túy'],
  ['text', 'q', 'bounthong thammavong'],
  ['text', 'q', 'b'],
  ['text', 'q', 'xyz'],
  ['text', 'q', 'kong'],
  // Phrases: words together, names by their spellings, quoted marks.
  ['phrase', 'q', 'bộ công an việt nam'],
  ['phrase', 'q', 'bo cong an viet nam'],
  ['phrase', 'q', 'kongthong sisoulith'],
  ['phrase', 'q', 'hop tac an ninh'],
  ['phrase', 'q', '"Bộ Công an" lào'],
  ['phrase', 'q', 'tổng bí thư'],
  // Entities: all of them required.
  ['entity', 'hash', 'e=organization:bo-cong-an'],
  ['entity', 'hash', 'e=location:vientiane'],
  ['entity', 'hash', 'e=person:somsak-sounnalath'],
  ['entity', 'hash', 'e=person:somsak-sounnalath,location:vientiane'],
  // Date ranges.
  ['date', 'hash', 'from=2018'],
  ['date', 'hash', 'from=2020&to=2022-06'],
  ['date', 'hash', 'to=2010-05'],
  ['date', 'hash', 'from=2024-03-01&to=2024-03-31'],
  // Combined.
  ['combined', 'hash', 'q=bounthong&e=location:vientiane&from=2015'],
  ['combined', 'hash', 'q=cong%20an&e=organization:bo-cong-an-lao&to=2020'],
  ['combined', 'hash', 'q=h%E1%BB%A3p%20t%C3%A1c&from=2012&to=2016'],
  ['combined', 'hash', 'q=l%C6%B0%C6%A1ng&e=title:bo-truong&from=2010-06&to=2019-12-31'],
  ['combined', 'hash', 'q=tong+bi+thu&sort=relevance'],
  ['combined', 'hash', 'q=cong+an&sort=oldest&from=2015'],
];

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

// In the page: runs one query and returns { ms, count } (count as the page says it).
async function runOne([, how, query]) {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const box = document.querySelector('input[type=search]');
  let last = 0;
  const observer = new MutationObserver(() => { last = performance.now(); });
  // Waits until the DOM has not changed for 60 ms (and at least 100 ms have passed).
  const settle = async (since) => {
    for (let i = 0; i < 500; i++) {
      await sleep(20);
      const now = performance.now();
      if (now - since >= 100 && now - Math.max(last, since) >= 60) return;
    }
    throw new Error('the page did not settle');
  };
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  // Back to the unfiltered library.
  box.value = '';
  location.hash = '#/';
  await settle(performance.now());
  last = 0;
  const t0 = performance.now();
  if (how === 'q') {
    box.value = query;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: query }));
  } else {
    location.hash = `#/?${query}`;
  }
  await settle(t0);
  observer.disconnect();
  const count = Number((document.querySelector('.count')?.textContent ?? '').trim().split(/\s/)[0]);
  return { ms: last - t0, count, hash: location.hash };
}

async function collect(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.benchWasmMemory?.buffer.byteLength ?? 0);
  await cdp.detach();
  return { jsHeap: heap.usedSize, wasm };
}

const browser = await launch();
const results = { app: {}, peer: {} };
const memory = {};
const startup = {};
const pages = {};
for (const side of ['app', 'peer']) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Catch the wasm instance's memory, whatever the loader.
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
  page.on('pageerror', (e) => console.error(side, 'page error:', e.message));
  const t0 = Date.now();
  await page.goto((side === 'app' ? process.env.APP_URL : process.env.PEER_URL) + '#/');
  await page.waitForSelector('a[data-article]', { timeout: 600_000 });
  startup[side] = Date.now() - t0;
  if (side === 'peer') startup.peerDetail = await page.evaluate(() => window.peerReady ?? null);
  for (const q of QUERIES) results[side][q.join(' ')] = { runs: [], count: null };
  // Warm-up: every query once (the app builds its index on the first).
  for (const q of QUERIES) await page.evaluate(runOne, q);
  pages[side] = page;
}
// The two pages take turns, query by query, so that both see the same machine.
for (let run = 0; run < RUNS; run++) {
  for (const q of QUERIES) {
    for (const side of ['app', 'peer']) {
      await pages[side].bringToFront();
      const r = await pages[side].evaluate(runOne, q);
      const slot = results[side][q.join(' ')];
      slot.runs.push(r.ms);
      slot.count = r.count;
    }
  }
}
for (const side of ['app', 'peer']) {
  memory[side] = await collect(pages[side]);
  await pages[side].close();
}
await browser.close();

const kinds = ['text', 'phrase', 'entity', 'date', 'combined'];
const pooled = (side, kind) => QUERIES.filter((q) => !kind || q[0] === kind).flatMap((q) => results[side][q.join(' ')].runs);
console.log(`${RUNS} runs per query, ${QUERIES.length} queries; ms from the change to the last DOM change`);
console.log(`| query | app median | app p95 | ${SECOND} median | ${SECOND} p95 | matches app / ${SECOND} |`);
console.log('|---|---|---|---|---|---|');
for (const q of QUERIES) {
  const a = results.app[q.join(' ')], p = results.peer[q.join(' ')];
  console.log(`| ${q[0]}: ${q[2]} | ${median(a.runs).toFixed(2)} | ${p95(a.runs).toFixed(2)} | ${median(p.runs).toFixed(2)} | ${p95(p.runs).toFixed(2)} | ${a.count} / ${p.count} |`);
}
for (const kind of [...kinds, null]) {
  const a = pooled('app', kind), p = pooled('peer', kind);
  console.log(`| all ${kind ?? 'queries'} | ${median(a).toFixed(2)} | ${p95(a).toFixed(2)} | ${median(p).toFixed(2)} | ${p95(p).toFixed(2)} | |`);
}
const mb = (b) => (b / 1e6).toFixed(1);
for (const side of ['app', 'peer']) {
  const m = memory[side];
  const total = m.jsHeap + m.wasm;
  console.log(`memory ${side === 'app' ? side : SECOND}: JS heap ${mb(m.jsHeap)} MB + wasm ${mb(m.wasm)} MB = ${mb(total)} MB` +
    (TEXT_BYTES ? ` = ${(total / TEXT_BYTES).toFixed(2)}× the text (${mb(TEXT_BYTES)} MB)` : ''));
}
const detail = startup.peerDetail ? ` (peer: load ${startup.peerDetail.load.toFixed(0)} ms, index ${startup.peerDetail.index.toFixed(0)} ms)` : '';
console.log(`start-up to the first card: app ${startup.app} ms, ${SECOND} ${startup.peer} ms${detail}`);
console.log(JSON.stringify({ runs: RUNS, memory, startup, summary: Object.fromEntries([...kinds, 'all'].map((k) => [k, {
  app: [median(pooled('app', k === 'all' ? null : k)), p95(pooled('app', k === 'all' ? null : k))],
  peer: [median(pooled('peer', k === 'all' ? null : k)), p95(pooled('peer', k === 'all' ? null : k))],
}])) }));
