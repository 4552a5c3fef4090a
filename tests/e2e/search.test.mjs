// The library's search in a real headless Chromium: phrases, names by every
// spelling, suggestions, why a card matched, facets, the histogram of the
// results, order, picks in the link, live date boxes and the copy-link control.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, launch, open } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const cards = (page) => page.locator('a[data-article]').evaluateAll((els) => els.map((e) => e.dataset.article));
const query = (page) => new URL(page.url()).hash;
/** Types into the search box as a reader would, then waits for `n` cards. */
async function search(page, text, n) {
  await page.fill('input[type=search]', text);
  await page.waitForFunction((n) => document.querySelectorAll('a[data-article]').length === n, n);
}

test('words typed together match as a phrase; names match by every spelling and say which one', async () => {
  const { page, errors } = await open(browser, '#/');
  await page.locator('a[data-article]').first().waitFor();
  await search(page, 'to lam', 4);
  assert.equal(query(page), '#/?q=to+lam');
  // "tổ … làm" in the fifth: offered as one line, not listed.
  assert.equal(await page.locator('[data-apart-count]').getAttribute('data-apart-count'), '1');
  assert.match(await page.locator('[data-apart-count]').innerText(), /1 bài/);
  // Each card shows where it matched, the words marked.
  const marked = await page.locator('a[data-article] mark[data-match]').allInnerTexts();
  assert.ok(marked.length >= 4);
  for (const m of marked) assert.equal(m, 'Tô Lâm');

  await search(page, 'Trần Đại Quang', 1);
  await search(page, 'Vientiane', 4);
  const vientiane = await cards(page);
  await search(page, 'viêng chăn', 4);
  assert.deepEqual(await cards(page), vientiane);
  // A card found by another spelling says the one it holds.
  const spelled = await page.locator('[data-mentions="location:vientiane"]').allInnerTexts();
  assert.ok(spelled.some((t) => /«Viêng Chăn»/.test(t)), spelled.join(' | '));
  assert.ok(spelled.some((t) => !/«/.test(t)));
  // Marks are kept when quoted: "to lam" is not "Tô Lâm".
  await search(page, '"to lam"', 0);
  assert.match(await page.locator('.empty').innerText(), /Không có bài/);

  // Suggestions: the entities whose names begin with the words, with counts.
  await page.fill('input[type=search]', 'to l');
  const suggestion = page.locator('[data-suggest="person:to-lam"]');
  await suggestion.waitFor();
  assert.match(await suggestion.innerText(), /4 bài/);
  // Down from the box reaches the suggestions; Enter chooses one.
  await page.press('input[type=search]', 'ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.suggest), 'person:to-lam');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/?e=person:to-lam');
  assert.equal((await cards(page)).length, 4);
  assert.equal(await page.inputValue('input[type=search]'), '');
  assert.deepEqual(errors, []);
  await page.close();
});

test('facets and the histogram count the results, and each adds its filter', async () => {
  const { page, errors } = await open(browser, '#/?q=to+lam');
  await page.locator('a[data-article]').first().waitFor();
  const count = (sel) => page.locator(sel).getAttribute('data-count');
  assert.equal(await count('[data-facet="person:to-lam"]'), '4');
  assert.equal(await count('[data-facet="location:lao"]'), '4');
  const bars = page.locator('[data-histogram] [data-month]');
  const months = await bars.evaluateAll((els) => els.map((e) => [e.dataset.month, Number(e.dataset.count)]));
  assert.equal(months.reduce((n, [, c]) => n + c, 0), 4);
  assert.deepEqual(months.filter(([, c]) => c > 0).map(([m]) => m), ['2020-02', '2023-12', '2025-01', '2026-02']);
  // The whole collection stands faint behind the results, on the same bars.
  const behind = await page.locator('[data-histogram] path.behind').getAttribute('d');
  assert.equal(behind.split('M').length - 1, 5);
  // Counts follow the results.
  await search(page, '', 5);
  await page.waitForFunction(() => document.querySelector('[data-facet="location:lao"]')?.dataset.count === '5');
  assert.equal(await count('[data-facet="person:to-lam"]'), '4');
  await page.locator('[data-facet="person:vilay-lakhamphong"]').click();
  await page.waitForFunction(() => location.hash === '#/?e=person:vilay-lakhamphong');
  assert.equal((await cards(page)).length, 3);
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('[data-facet="source:TTXVN"]')?.dataset.count === '2');
  await page.locator('[data-facet="source:TTXVN"]').click();
  await page.waitForFunction(() => location.hash === '#/?source=TTXVN');
  assert.equal((await cards(page)).length, 2);
  await page.goBack();
  await page.locator('[data-facet="year:2020"]').click();
  await page.waitForFunction(() => location.hash === '#/?from=2020&to=2020');
  assert.deepEqual(await cards(page), ['000_d71d6d785006cd22']);
  await page.goBack();
  // Dragging over the bars sets from and to.
  await page.waitForFunction(() => document.querySelectorAll('a[data-article]').length === 5);
  await page.locator('[data-histogram]').scrollIntoViewIfNeeded();
  const first = await page.locator('rect.hit[data-month="2020-02"]').boundingBox();
  const last = await page.locator('rect.hit[data-month="2023-12"]').boundingBox();
  await page.mouse.move(first.x + first.width / 2, first.y + 20);
  await page.mouse.down();
  await page.mouse.move(last.x + last.width / 2, last.y + 20, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => location.hash === '#/?from=2020-02&to=2023-12');
  assert.equal((await cards(page)).length, 2);
  // One tab stop: the arrow keys go from bar to bar, telling each, and
  // Enter limits the library to the bar's month.
  await page.goBack();
  await page.waitForFunction(() => document.querySelectorAll('a[data-article]').length === 5);
  const told = page.locator('[data-histogram] + figcaption');
  await page.mouse.move(0, 0);
  // Focus once the chart is drawn for this view (it is drawn after the cards).
  await page.waitForFunction(() => {
    const chart = document.querySelector('[data-histogram]');
    chart.blur();
    chart.focus();
    return document.querySelector('[data-histogram] + figcaption').textContent !== '';
  });
  assert.match(await told.innerText(), /2\/2026: 1 bài/);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  assert.match(await told.innerText(), /11\/2025: 0 bài/);
  await page.keyboard.press('Home');
  assert.match(await told.innerText(), /1\/2015: 1 bài/);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#/?from=2015-01&to=2015-01');
  assert.equal((await cards(page)).length, 1);
  // The pointer over a bar tells it too; a click on it is its month.
  await page.goBack();
  await page.waitForFunction(() => document.querySelectorAll('a[data-article]').length === 5);
  const bar = await page.locator('rect.hit[data-month="2023-12"]').boundingBox();
  await page.mouse.move(bar.x + bar.width / 2, bar.y + 20);
  assert.match(await told.innerText(), /12\/2023: 1 bài/);
  await page.mouse.click(bar.x + bar.width / 2, bar.y + 20);
  await page.waitForFunction(() => location.hash === '#/?from=2023-12&to=2023-12');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the order is newest, oldest or best match, and old links keep theirs', async () => {
  const { page } = await open(browser, '#/?sort=oldest');
  await page.locator('a[data-article]').first().waitFor();
  assert.deepEqual(await cards(page), ['001_bd0708b9623de2e6', '000_d71d6d785006cd22', '002_32c7cf5c29c9a34a', '003_75cddb8d0e4e5c0f', '004_15f2b103da24010b']);
  await page.selectOption('select[name=sort]', 'newest');
  await page.waitForFunction(() => location.hash === '#/');
  assert.equal((await cards(page))[0], '004_15f2b103da24010b');
  await page.goto(new URL(page.url()).origin + '/#/?q=to+lam&sort=relevance');
  await page.waitForFunction(() => document.querySelectorAll('a[data-article]').length === 4);
  assert.equal(await page.inputValue('select[name=sort]'), 'relevance');
  await page.goto(new URL(page.url()).origin + '/#/?sort=best');
  await page.locator('[role=alert]').waitFor();
  assert.match(await page.locator('[role=alert]').innerText(), /sort=best/);
  assert.equal((await cards(page)).length, 5);
  await page.close();
});

test('picks live in the link, date boxes apply as typed, and every view copies its link', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(process.env.BASE_URL ?? 'http://127.0.0.1:8080/');
  await page.locator('a[data-article]').first().waitFor();
  await page.check('[data-pick="000_d71d6d785006cd22"]');
  await page.check('[data-pick="002_32c7cf5c29c9a34a"]');
  await page.waitForFunction(() => location.hash === '#/?pick=000_d71d6d785006cd22,002_32c7cf5c29c9a34a');
  await page.reload();
  await page.locator('[data-compare-selected]').waitFor();
  assert.ok(await page.isChecked('[data-pick="002_32c7cf5c29c9a34a"]'));
  assert.equal(await page.getAttribute('[data-compare-selected]', 'href'), '#/compare/000_d71d6d785006cd22,002_32c7cf5c29c9a34a');
  // The date box applies as it is typed, with no blur.
  await page.locator('input[name=from]').pressSequentially('2023');
  await page.waitForFunction(() => new URL(location).hash.includes('from=2023'));
  assert.equal((await cards(page)).length, 3);
  assert.ok(await page.evaluate(() => document.activeElement.name === 'from'));
  // Copy link, here and in a reading view.
  for (const fragment of [null, '#/read/003_75cddb8d0e4e5c0f?hl=person:to-lam']) {
    if (fragment) {
      await page.goto(new URL(page.url()).origin + '/' + fragment);
      await page.locator('article[data-article]').waitFor();
    }
    await page.click('[data-copy-link]');
    await page.locator('.copy-status', { hasText: 'Đã chép' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('at 390 px the search, facets and histogram fit, and the histogram labels stay readable', async () => {
  const { page } = await open(browser, '#/?q=to+lam&lang=en', { width: 390, height: 844 });
  await page.locator('a[data-article]').first().waitFor();
  await page.locator('[data-histogram] text.axis').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `overflows by ${overflow}px`);
  const sizes = await page.locator('[data-histogram] text.axis').evaluateAll(
    (els) => els.map((e) => e.getBoundingClientRect().height));
  assert.ok(sizes.length >= 2 && sizes.every((h) => h >= 11), sizes.join(', '));
  assert.match(await page.locator('[data-apart-count]').innerText(), /1 more article has these words apart/);
  await page.close();
});

test('the cards are painted first, and the histogram and facets fill in their kept places', async () => {
  for (const [width, height] of [[1280, 900], [390, 844]]) {
    const page = await browser.newPage({ viewport: { width, height } });
    // Where the first card stands in each frame until the histogram is drawn.
    await page.addInitScript(() => {
      window.frames = [];
      const look = () => {
        const card = document.querySelector('a[data-article]');
        if (card) {
          const { top, left, width } = card.getBoundingClientRect();
          window.frames.push({
            histogram: !!document.querySelector('[data-histogram] [data-month]'),
            fonts: document.fonts.status === 'loaded',
            top,
            left,
            width,
          });
        }
        if (!document.querySelector('[data-histogram] [data-month]')) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto(BASE_URL + '#/');
    await page.locator('[data-facet]').first().waitFor();
    await page.locator('[data-histogram] [data-month]').first().waitFor();
    const frames = await page.evaluate(() => window.frames);
    assert.equal(frames[0].histogram, false, `${width} px: the first frame with cards waits for nothing else`);
    const last = frames[frames.length - 1];
    assert.equal(last.histogram, true);
    // On a slow machine the faces may come in after the first cards, and
    // the text above them is set again in its own face: that is no part of
    // what the histogram and facets do, so the frames set in the faces are
    // compared with where the first card stands once all is in.
    const settled = await page.evaluate(async () => {
      await document.fonts.ready;
      const { top, left, width } = document.querySelector('a[data-article]').getBoundingClientRect();
      return [top, left, width];
    });
    for (const f of frames.filter((f) => f.fonts)) {
      assert.deepEqual([f.top, f.left, f.width], settled, `${width} px: the cards stay in place`);
    }
    await page.close();
  }
});
