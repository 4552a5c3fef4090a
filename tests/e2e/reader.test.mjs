// The library and the reading view in a real headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, ARTICLE_IDS, BASE_URL } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the library lists the five articles, each a link to its reading view', async () => {
  const { page, errors } = await open(browser, '#/');
  const cards = page.locator('a[data-article]');
  await cards.first().waitFor();
  assert.equal(await cards.count(), 5);
  const ids = await cards.evaluateAll((els) => els.map((e) => e.dataset.article));
  assert.deepEqual([...ids].sort(), ARTICLE_IDS);
  // Newest first: 2026-02-05, 2025-01, 2023-12-06, 2020-02-10, 2015-01-15.
  assert.deepEqual(ids, ['004_15f2b103da24010b', '003_75cddb8d0e4e5c0f', '002_32c7cf5c29c9a34a', '000_d71d6d785006cd22', '001_bd0708b9623de2e6']);
  const first = cards.first();
  assert.equal(await first.getAttribute('href'), '#/read/004_15f2b103da24010b');
  assert.match(await first.innerText(), /Lương Tam Quang/);
  assert.equal(await first.locator('time').getAttribute('datetime'), '2026-02-05');
  assert.equal(await page.locator('[role=alert]').count(), 0);
  // A lede with no stop of its own does not run into the body.
  assert.match(await page.locator('a[data-article="001_bd0708b9623de2e6"] .excerpt').innerText(), /cấp cao\. Trong khuôn khổ/);
  // `/` goes to the search box.
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.type), 'search');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a reading view shows the text, date, source and captions set apart', async () => {
  const { page, errors } = await open(browser, '#/read/002_32c7cf5c29c9a34a');
  const article = page.locator('article[data-article="002_32c7cf5c29c9a34a"]');
  await article.waitFor();
  assert.match(await article.locator('.article-text p').first().innerText(), /^Thứ trưởng Lương Tam Quang khẳng định/);
  assert.equal(await article.locator('time').getAttribute('datetime'), '2023-12-06');
  assert.match(await article.locator('time').innerText(), /6\/12\/2023/);
  assert.match(await article.locator('.meta').innerText(), /TTXVN/);
  const captions = article.locator('figure.caption');
  assert.equal(await captions.count(), 2);
  assert.match(await captions.first().innerText(), /Ảnh: Phạm Kiên\/TTXVN/);
  // The captions are not body paragraphs.
  const paragraphs = await article.locator('.article-text p').allInnerTexts();
  assert.ok(paragraphs.every((p) => !p.includes('(Ảnh:')));
  assert.match(await page.title(), /Lương Tam Quang/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a title made from the lead caption says so, and on paper the page keeps its key, numbers, source and link', async () => {
  const { page, errors } = await open(browser, '#/read/004_15f2b103da24010b');
  await page.locator('article').waitFor();
  assert.equal(await page.locator('[data-title-basis]').getAttribute('data-title-basis'), 'caption');
  assert.match(await page.locator('[data-title-basis]').innerText(), /chú thích ảnh/);
  assert.ok(!(await page.locator('.print-key').isVisible()));
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('.print-key').isVisible());
  assert.match(await page.locator('.print-key').innerText(), /Người.*Tổ chức.*Địa danh/s);
  assert.match(await page.locator('.print-link').innerText(), /#\/read\/004_15f2b103da24010b$/);
  assert.ok(await page.locator('a.pilcrow').first().isVisible());
  assert.ok(await page.locator('article .meta .source').isVisible());
  assert.ok(!(await page.locator('.tools').isVisible()));
  assert.deepEqual(errors, []);
  await page.close();
});

test('an unknown article id is said in an alert, and the library is shown below it', async () => {
  const { page, errors } = await open(browser, '#/read/nope');
  const alert = page.locator('[role=alert]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /«nope»/);
  assert.equal(await alert.locator('a[href="#/"]').count(), 1);
  assert.equal(await page.locator('article[data-article]').count(), 0);
  assert.equal(await page.locator('a[data-article]').count(), 5);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a malformed link names what it could not read and shows the rest', async () => {
  const { page } = await open(browser, '#/read/001_bd0708b9623de2e6?p=abc&from=2020-13&lang=xx');
  const alert = page.locator('[role=alert]');
  await alert.waitFor();
  const text = await alert.innerText();
  assert.match(text, /p=abc/);
  assert.match(text, /from=2020-13/);
  assert.match(text, /lang=xx/);
  await page.locator('article[data-article="001_bd0708b9623de2e6"]').waitFor();
  await page.close();
});

test('an odd link is said in the interface language, and the rest of the view shown', async () => {
  const [A, B, C, D, E] = ARTICLE_IDS;
  const cases = [
    ['?from=2021&to=2020-06', /from=2021.*to=2020-06/, 'section.library'],
    [`read/${C}?p=99`, /đoạn 99/, `article[data-article="${C}"]`],
    [`read/${A}?hl=person:nobody`, /hl=person:nobody/, `article[data-article="${A}"] mark`],
    [`compare/${A},${A},${B}`, new RegExp(`«${A}».*một lần`), `article[data-article="${B}"]`],
    [`compare/${A},${B},${C},${D},${E}`, /5 bài.*4 bài/, `article[data-article="${D}"]`],
    ['entity/to-lam', /to-lam.*\n*.*Có phải bạn muốn tìm person:to-lam/s, 'a[data-article]'],
    [`read/${A}?from=2020-13&lang=en`, /from=2020-13: not a date/, `article[data-article="${A}"]`],
    [`read/${A}?from=2020-13`, /from=2020-13: không phải ngày/, `article[data-article="${A}"]`],
  ];
  const { page, errors } = await open(browser, '#/');
  for (const [link, said, shown] of cases) {
    await page.goto(`${BASE_URL}#/${link}`);
    await page.locator(shown).first().waitFor();
    const alerts = (await page.locator('[role=alert]').allInnerTexts()).join('\n');
    assert.match(alerts, said, link);
  }
  assert.equal(await page.locator('article[data-article]').count(), 1);
  await page.goto(`${BASE_URL}#/compare/${A},${B},${C},${D},${E}`);
  await page.locator(`article[data-article="${D}"]`).waitFor();
  assert.equal(await page.locator('article[data-article]').count(), 4);
  await page.goto(`${BASE_URL}#/compare/${A},${A},${B}`);
  await page.locator('[role=alert]').first().waitFor();
  assert.equal(await page.locator('article[data-article]').count(), 2);
  await page.goto(`${BASE_URL}#/entity/to-lam`);
  await page.locator('[data-suggestion] a').click();
  await page.locator('[data-entity-page="person:to-lam"]').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('an unknown route and broken escapes never blank the page', async () => {
  for (const fragment of ['#/nowhere/at/all', '#/read/%E1%BB', '#/compare/', '#/entity/person:to-lam', '#%%%']) {
    const { page, errors } = await open(browser, fragment);
    await page.locator('[role=alert], [data-article], [data-entity-page]').first().waitFor();
    assert.ok((await page.locator('header.site').count()) === 1, fragment);
    assert.deepEqual(errors, [], fragment);
    await page.close();
  }
});

test('clicking an article opens it, and Back returns to the library', async () => {
  const { page } = await open(browser, '#/');
  await page.locator('a[data-article="000_d71d6d785006cd22"]').click();
  await page.locator('article[data-article="000_d71d6d785006cd22"]').waitFor();
  assert.equal(new URL(page.url()).hash, '#/read/000_d71d6d785006cd22');
  assert.equal(await page.locator('article time').getAttribute('datetime'), '2020-02-10');
  await page.goBack();
  await page.locator('a[data-article]').first().waitFor();
  assert.equal(await page.locator('a[data-article]').count(), 5);
  await page.close();
});

test('the interface speaks English when the link says lang=en, and the switch is a link', async () => {
  const { page } = await open(browser, '#/read/003_75cddb8d0e4e5c0f');
  await page.locator('article').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.match(await page.locator('article time').innerText(), /tháng 1\/2025/);
  await page.locator('a.lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(new URL(page.url()).hash, '#/read/003_75cddb8d0e4e5c0f?lang=en');
  assert.match(await page.locator('article time').innerText(), /January 2025/);
  await page.goBack();
  await page.waitForFunction(() => document.documentElement.lang === 'vi');
  await page.close();
});

test('side by side keeps the link order and names the articles it cannot find', async () => {
  const { page } = await open(browser, '#/compare/004_15f2b103da24010b,000_d71d6d785006cd22,missing');
  await page.locator('article[data-article]').first().waitFor();
  const ids = await page.locator('article[data-article]').evaluateAll((els) => els.map((e) => e.dataset.article));
  assert.deepEqual(ids, ['004_15f2b103da24010b', '000_d71d6d785006cd22']);
  assert.match(await page.locator('[role=alert]').innerText(), /«missing»/);
  await page.close();
});

test('the shipped fonts render Vietnamese, and a phone-width page does not scroll sideways', async () => {
  for (const fragment of ['#/', '#/read/002_32c7cf5c29c9a34a', '#/compare/000_d71d6d785006cd22,001_bd0708b9623de2e6']) {
    const { page } = await open(browser, fragment, { width: 390, height: 844 });
    await page.locator('[data-article]').first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    const loaded = await page.evaluate(() =>
      [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replaceAll('"', '')));
    assert.ok(loaded.includes('Literata'), `${fragment}: ${loaded}`);
    assert.ok(loaded.includes('Be Vietnam Pro'), `${fragment}: ${loaded}`);
    // Every face needed for stacked diacritics loads from the page's own files.
    const faces = await page.evaluate(async () => (await document.fonts.load('16px Literata', 'ửẫặỹờ')).length);
    assert.ok(faces >= 1);
    assert.ok(await page.evaluate(() => document.fonts.check('16px Literata', 'ửẫặỹờ')));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${fragment} overflows by ${overflow}px at 390px`);
    await page.close();
  }
});

test('every link in the built page is relative, so any path of any host serves it', async () => {
  const html = await (await fetch(BASE_URL)).text();
  const urls = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(urls.length > 0);
  for (const url of urls) assert.ok(!url.startsWith('/') && !/^[a-z]+:/.test(url), url);
});
