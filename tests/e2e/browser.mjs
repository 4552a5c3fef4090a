// Shared set-up for the end-to-end tests: Debian's Chromium driven by
// playwright-core, a fresh page per test, and every page error collected.
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080/';

export const ARTICLE_IDS = [
  '000_d71d6d785006cd22',
  '001_bd0708b9623de2e6',
  '002_32c7cf5c29c9a34a',
  '003_75cddb8d0e4e5c0f',
  '004_15f2b103da24010b',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** Waits until the app has drawn its view: the library's first view written
 * at build time (`#first-view`) is gone, replaced by the app's own. */
export async function appReady(page) {
  await page.waitForSelector('main');
  await page.waitForFunction(() => !document.getElementById('first-view'));
}

/** Opens `fragment` (e.g. "#/read/x") in a new page; `errors` collects uncaught errors and console errors. */
export async function open(browser, fragment, { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(BASE_URL + fragment);
  await appReady(page);
  // Layout settles once the shipped fonts are in.
  await page.evaluate(() => document.fonts.ready);
  return { page, errors };
}
