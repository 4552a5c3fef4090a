// Where the tab's memory goes with a collection of packs: after the first
// card and after each query of bench/packs.mjs, the wasm's linear memory,
// the JavaScript heap in use, the page's own renderer's private memory (the
// tab's memory, as the browser's task manager shows it) and proportional
// memory, all the renderers' resident memory (less theirs with no page
// open), and the packs fetched so far by kind (count, bytes).
//
// Environment: APP_DIR (dist/ with packs beside it). Prints one line a step
// and a JSON line; asserts nothing.
import { createServer } from 'node:http';
import { readFile, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { launch } from '../tests/e2e/browser.mjs';
import { ourRenderers, pageRenderer, processMemory, rendererMemory } from './renderers.mjs';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.woff2': 'font/woff2' };
const QUERIES = ['vientiane', 'bounmy', 'cong an', 'bộ công an', 'tổng bí thư', 'hợp tác an ninh', 'luang prabang', 'xyz', 'vi', 'thượng tướng'];

const fetched = {};
const root = resolve(process.env.APP_DIR);
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = join(root, normalize(path.endsWith('/') ? `${path}index.html` : path));
  readFile(file, (err, body) => {
    if (err) { res.writeHead(404).end(); return; }
    const kind = path.startsWith('/packs/') ? path.slice(7).split('-')[0] : 'app';
    fetched[kind] ??= { n: 0, bytes: 0 };
    fetched[kind].n += 1;
    fetched[kind].bytes += body.length;
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' }).end(body);
  });
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${server.address().port}/`;

async function typeOne(query) {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const box = document.querySelector('input[type=search]');
  let last = performance.now();
  const observer = new MutationObserver(() => { last = performance.now(); });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  box.value = query;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: query }));
  const t0 = performance.now();
  for (let i = 0; i < 3000; i++) {
    await sleep(20);
    const now = performance.now();
    if (!document.querySelector('[data-loading]') && now - t0 >= 100 && now - last >= 150) break;
  }
  observer.disconnect();
}

const browser = await launch();
const idle = rendererMemory();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
page.on('pageerror', (e) => console.error('page error:', e.message));
await page.goto(base + '#/', { waitUntil: 'commit' });
await page.waitForSelector('a[data-article]', { timeout: 120_000 });
const mb = (b) => (b / 1e6).toFixed(1);
const tabPid = await pageRenderer(page);
const steps = [];
async function step(label) {
  await cdp.send('HeapProfiler.collectGarbage');
  const wasm = await page.evaluate(async () => {
    const src = document.querySelector('link[rel=modulepreload]').href;
    const bindings = await import(src);
    const exports = await bindings.default();
    return exports.memory.buffer.byteLength;
  });
  const heap = await cdp.send('Runtime.getHeapUsage');
  const tab = processMemory(tabPid);
  const s = { label, wasm, jsUsed: heap.usedSize, jsTotal: heap.totalSize, backing: heap.backingStorageSize ?? 0, tab: tab.private, tabPss: tab.pss, rss: rendererMemory() - idle, fetched: JSON.parse(JSON.stringify(fetched)) };
  steps.push(s);
  const kinds = Object.entries(s.fetched).map(([k, v]) => `${k} ${v.n} (${mb(v.bytes)} MB)`).join(', ');
  console.log(`${label.padEnd(16)} wasm ${mb(wasm)} MB, JS heap ${mb(s.jsUsed)}/${mb(s.jsTotal)} MB, tab ${mb(s.tab)} MB private (${mb(s.tabPss)} Pss), renderers ${mb(s.rss)} MB; fetched: ${kinds}`);
}
await step('first card');
for (const q of QUERIES) { await page.evaluate(typeOne, q); await step(q); }
// Each renderer process: resident, proportional (shared pages divided
// among the processes sharing them), and private.
for (const { pid } of ourRenderers()) {
  try {
    const m = processMemory(pid);
    console.log(`renderer ${pid}${pid === tabPid ? ' (the page)' : ''}: resident ${mb(m.rss)} MB, proportional ${mb(m.pss)} MB, private ${mb(m.private)} MB`);
  } catch { /* gone */ }
}
// The page's renderer's largest private mappings: the wasm memory is an
// anonymous reservation of gigabytes, the JavaScript heap's and the
// allocators' regions smaller ones.
const regions = [];
for (const block of readFileSync(`/proc/${tabPid}/smaps`, 'utf8').split(/\n(?=[0-9a-f]+-[0-9a-f]+ )/)) {
  const [head] = block.split('\n');
  const [range, , , , , ...name] = head.trim().split(/\s+/);
  const [from, to] = range.split('-').map((x) => parseInt(x, 16));
  const kb = (k) => Number((block.match(new RegExp(`^${k}:\\s+(\\d+)`, 'm')) ?? [0, 0])[1]) * 1024;
  regions.push({ name: name.join(' ') || '[anonymous]', size: to - from, private: kb('Private_Dirty') + kb('Private_Clean') });
}
regions.sort((a, b) => b.private - a.private);
for (const r of regions.slice(0, 8)) console.log(`  ${mb(r.private).padStart(7)} MB private in ${r.name} of ${mb(r.size)} MB`);
console.log(`  ${mb(regions.slice(8).reduce((t, r) => t + r.private, 0)).padStart(7)} MB private in ${regions.length - 8} other mappings`);
// The peak: the page's renderer's largest private memory over the steps.
console.log(`the page's renderer, most private memory at a step: ${mb(Math.max(...steps.map((s) => s.tab)))} MB; wasm memory at the end ${mb(steps[steps.length - 1].wasm)} MB`);
await browser.close();
server.close();
console.log(JSON.stringify(steps));
