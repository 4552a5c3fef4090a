// The library's first view written into the page at build time: painted
// before the app is in, for the link with no view in it only, replaced by
// the app's own elements in the same place, and nothing typed into it lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, appReady, ARTICLE_IDS, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A page whose wasm is held back until `release()` is called. */
async function held(fragment, width = 1280) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  let release;
  const released = new Promise((r) => { release = r; });
  await page.route(/_bg\.wasm$/, async (route) => { await released; await route.continue(); });
  // Every frame, whether a card of the first view is shown.
  await page.addInitScript(() => {
    window.firstViewShown = false;
    const look = () => {
      const card = document.querySelector('#first-view a[data-article]');
      if (card && card.getClientRects().length > 0) window.firstViewShown = true;
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goto(BASE_URL + fragment);
  return { page, errors, release };
}

const places = (page) => page.locator('a[data-article]').evaluateAll((cards) =>
  cards.map((c) => { const r = c.getBoundingClientRect(); return [c.dataset.article, r.x, r.y, r.width, r.height]; }));

const query = (page) => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.hash.split('?')[1])));

test('the library link shows the first view before the app is in, and the app puts the same cards in the same places', async () => {
  for (const width of [1280, 390]) {
    const { page, errors, release } = await held('', width);
    const cards = page.locator('#first-view a[data-article]');
    await cards.first().waitFor();
    assert.equal(await cards.count(), ARTICLE_IDS.length);
    assert.equal(await cards.first().getAttribute('href'), '#/read/004_15f2b103da24010b');
    await page.evaluate(() => document.fonts.ready);
    const before = await places(page);
    release();
    await appReady(page);
    assert.deepEqual(await places(page), before, `${width} px`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('a link to another view, or the library with a query, never shows the first view', async () => {
  for (const fragment of [`#/read/${ARTICLE_IDS[0]}`, '#/?q=L%C3%A0o', '#/?lang=en', '#/entity/person:to-lam']) {
    const { page, errors, release } = await held(fragment);
    await page.locator('#first-view').waitFor({ state: 'attached' });
    // Frames go by with the wasm held back.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await page.locator('#first-view').isVisible(), false, fragment);
    release();
    await appReady(page);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
    assert.equal(await page.evaluate(() => window.firstViewShown), false, fragment);
    assert.deepEqual(errors, [], fragment);
    await page.close();
  }
});

test('the first view\'s links work before the app is in, and what is typed or picked in it is handed to the app', async () => {
  {
    const { page, release } = await held('#/');
    await page.locator(`#first-view a[data-article="${ARTICLE_IDS[0]}"]`).click();
    // The view followed is not the library: the first view is hidden at once.
    await page.waitForFunction((id) => location.hash === `#/read/${id}`, ARTICLE_IDS[0]);
    assert.equal(await page.locator('#first-view').isVisible(), false);
    release();
    await page.locator(`article[data-article="${ARTICLE_IDS[0]}"]`).waitFor();
    await page.close();
  }
  {
    const { page, release } = await held('#/');
    await page.locator(`#first-view input[data-pick="${ARTICLE_IDS[4]}"]`).check();
    await page.locator('#first-view input[type=search]').click();
    await page.keyboard.type('Tô Lâm');
    release();
    await appReady(page);
    await page.waitForFunction(() => location.hash.includes('q='));
    assert.deepEqual(await query(page), { q: 'Tô Lâm', pick: ARTICLE_IDS[4] });
    assert.equal(await page.locator('input[type=search]').inputValue(), 'Tô Lâm');
    assert.equal(await page.evaluate(() => document.activeElement?.type), 'search');
    assert.equal(await page.locator(`input[data-pick="${ARTICLE_IDS[4]}"]`).isChecked(), true);
    // Typing goes on in the app's box.
    await page.keyboard.type(' Vilay');
    await page.waitForFunction(() => new URLSearchParams(location.hash.split('?')[1]).get('q') === 'Tô Lâm Vilay');
    await page.close();
  }
});

test('where the reader scrolled the first view to, the app keeps', async () => {
  const { page, release } = await held('', 390);
  await page.locator('#first-view a[data-article]').first().waitFor();
  await page.evaluate(() => window.scrollTo(0, 600));
  release();
  await appReady(page);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.equal(await page.evaluate(() => window.scrollY), 600);
  await page.close();
});
