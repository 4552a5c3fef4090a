// A CPU profile of the library's keystrokes (bench/packs.mjs's queries,
// typed whole, each after the unfiltered list), for finding where a
// keystroke's time goes. Serve a build whose wasm keeps its names
// (`wasm-opt -g`) with its packs or embedded collection at URL.
// Environment: URL, ROUNDS (default 3), QUERIES (comma-separated).
// Prints each query's time, then self time by function, and the
// trace's main-thread time by category.
import { launch } from '../tests/e2e/browser.mjs';
import { typeOne } from './keystroke.mjs';

const URL_ = process.env.URL;
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const QUERIES = (process.env.QUERIES ?? 'vientiane,bounmy,cong an,bộ công an,tổng bí thư,hợp tác an ninh,luang prabang,xyz,vi,thượng tướng').split(',');


const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
const page = await context.newPage();
page.on('pageerror', (e) => console.error('page error:', e.message));
await page.goto(URL_ + '#/');
await page.waitForSelector('a[data-article]');
await page.waitForTimeout(1500);
for (const q of QUERIES) await page.evaluate(typeOne, q);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const times = {};
for (let r = 0; r < ROUNDS; r++) for (const q of QUERIES) (times[q] ??= []).push(await page.evaluate(typeOne, q));
const { profile } = await cdp.send('Profiler.stop');
for (const [q, t] of Object.entries(times)) console.log(q.padEnd(18), t.map((x) => x.toFixed(1)).join(' '));
// Self time by function.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]);
  const name = n.callFrame.functionName || `(anon ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber})`;
  self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const idle = self.get('(idle)') ?? 0;
console.log(`profile: ${total.toFixed(0)} ms, idle ${idle.toFixed(0)} ms, busy ${(total - idle).toFixed(0)} ms over ${ROUNDS * QUERIES.length} keystrokes (and as many clears)`);
const top = [...self.entries()].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 45));
for (const [k, v] of top) console.log(v.toFixed(1).padStart(8), k.slice(0, 150));
// Inclusive time by function (each sample counted once per distinct name on its stack).
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const seen = new Set();
  for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
    const n = byId.get(id);
    const name = n.callFrame.functionName;
    if (name && !seen.has(name)) { seen.add(name); incl.set(name, (incl.get(name) ?? 0) + (dt[i] ?? 0) / 1000); }
  }
}
console.log('--- inclusive');
for (const [k, v] of [...incl.entries()].filter(([k]) => k !== '(idle)' && k !== '(root)').sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 45))) console.log(v.toFixed(1).padStart(8), k.slice(0, 150));
await browser.close();
