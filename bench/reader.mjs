// The reader's budgets in headless Chromium, each against a peer measured in
// the same page: first paint of the library, and side by side of two long
// articles (≥ 500 highlights each). Prints a table; asserts nothing.
import { launch } from '../tests/e2e/browser.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
// NETWORK=<Mbit/s>,<latency ms>: the library's loads over a network that slow
// (Chromium's emulation; the bench's server sends the wasm uncompressed).
const NETWORK = process.env.NETWORK && (([mbits, latency]) => ({
  offline: false, latency, downloadThroughput: (mbits * 1e6) / 8, uploadThroughput: (mbits * 1e6) / 8,
}))(process.env.NETWORK.split(',').map(Number));
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const rows = [];

// 1. First paint of the library: navigation start to the first frame with
// the article cards in the page (the first view written at build time, if the
// page has one), the frame after the app has drawn them itself (ready for
// input), and the first contentful paint and the frame after the histogram
// and facets are in too, for reference. Peer: the
// first contentful paint of a static page of five links, no wasm, in the
// same browser. With BEFORE_URL, another build (the one before a change) is
// loaded in turn with this one, in alternating order, under the same load.
{
  const fcp = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
  const builds = [['', process.env.DEFAULT_URL]];
  if (process.env.BEFORE_URL) builds.push([' (the build before, in turn)', process.env.BEFORE_URL]);
  const runs = builds.map(() => ({ ours: [], ready: [], whole: [], fcps: [] }));
  const peer = [];
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 ? [...builds.keys()].reverse() : [...builds.keys()];
    for (const b of order) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      if (NETWORK) {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', NETWORK);
      }
      await page.addInitScript(() => {
        const seen = () => {
          if (document.querySelector('a[data-article]')) {
            requestAnimationFrame(() => { window.cardsPainted = performance.now(); });
          } else {
            requestAnimationFrame(seen);
          }
        };
        requestAnimationFrame(seen);
        const mounted = () => {
          if (document.querySelector('a[data-article]') && !document.getElementById('first-view')) {
            requestAnimationFrame(() => { window.appReady = performance.now(); });
          } else {
            requestAnimationFrame(mounted);
          }
        };
        requestAnimationFrame(mounted);
        const summed = () => {
          if (document.querySelector('[data-histogram] [data-month]') && document.querySelector('[data-facet]')) {
            requestAnimationFrame(() => { window.summaryPainted = performance.now(); });
          } else {
            requestAnimationFrame(summed);
          }
        };
        requestAnimationFrame(summed);
      });
      await page.goto(builds[b][1] + '#/');
      await page.waitForFunction(() => window.cardsPainted && window.appReady && window.summaryPainted && performance.getEntriesByName('first-contentful-paint').length > 0);
      runs[b].ours.push(await page.evaluate(() => window.cardsPainted));
      runs[b].ready.push(await page.evaluate(() => window.appReady));
      runs[b].whole.push(await page.evaluate(() => window.summaryPainted));
      runs[b].fcps.push(await page.evaluate(fcp));
      await page.close();
    }
    const other = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await other.goto('data:text/html,<meta charset=utf-8><ol>' + '<li><a href=#>Bài</a>'.repeat(5) + '</ol>');
    await other.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    peer.push(await other.evaluate(fcp));
    await other.close();
  }
  for (const [b, [which]] of builds.entries()) {
    const { ours, ready, whole, fcps } = runs[b];
    rows.push([`library painted with its articles, default corpus (ms from navigation)${which}`, median(ours), p95(ours), median(peer)]);
    rows.push([`library ready for input, drawn by the app, default corpus (ms from navigation)${which}`, median(ready), p95(ready), median(peer)]);
    rows.push([`library first contentful paint, default corpus (ms from navigation)${which}`, median(fcps), p95(fcps), median(peer)]);
    rows.push([`library with its histogram and facets painted too, default corpus (ms from navigation)${which}`, median(whole), p95(whole), median(peer)]);
  }
}

// 2. Side by side of two long articles: from the hash change to the DOM in
// place and laid out (a MutationObserver sees the marks; a forced layout
// follows). Peer: the same marked HTML, taken from the rendered page, set
// with innerHTML in a fresh container and laid out (no framework).
{
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(process.env.LONG_URL + '#/');
  await page.waitForSelector('a[data-article]');
  const route = '#/compare/long-a,long-b';
  const ours = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(await page.evaluate(async (route) => {
      location.hash = '#/';
      await new Promise((r) => setTimeout(r, 100));
      let inserted = 0;
      const observer = new MutationObserver(() => {
        if (!inserted && document.querySelector('article[data-article] mark')) {
          document.body.offsetHeight;
          inserted = performance.now();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
      const t0 = performance.now();
      location.hash = route;
      await new Promise((resolve) => { const wait = () => (inserted ? resolve() : setTimeout(wait, 0)); wait(); });
      observer.disconnect();
      return inserted - t0;
    }, route));
  }
  const marks = await page.evaluate(() => [...document.querySelectorAll('article[data-article]')].map((a) => a.querySelectorAll('mark').length));
  const html = await page.evaluate(() => document.querySelector('.columns').outerHTML);
  const peer = [];
  for (let i = 0; i < RUNS; i++) {
    peer.push(await page.evaluate((html) => {
      const host = document.createElement('div');
      document.querySelector('main').append(host);
      const t0 = performance.now();
      host.innerHTML = html;
      document.body.offsetHeight;
      const ms = performance.now() - t0;
      host.remove();
      return ms;
    }, html));
  }
  rows.push([`side by side, two articles with ${marks.join(' and ')} highlights, to laid out (ms)`, median(ours), p95(ours), median(peer)]);
  await page.close();
}

await browser.close();
console.log('| what | median | p95 | peer median |');
console.log('|---|---|---|---|');
for (const [what, m, p, peer] of rows) console.log(`| ${what} | ${m.toFixed(1)} | ${p.toFixed(1)} | ${peer.toFixed(1)} |`);
