// Highlighted entities, side by side, entity pages and the library's
// filters, in a real headless Chromium, through the URL keys of the contract.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const A2020 = '000_d71d6d785006cd22';
const A2015 = '001_bd0708b9623de2e6';
const A2023 = '002_32c7cf5c29c9a34a';
const A2025 = '003_75cddb8d0e4e5c0f';
const A2026 = '004_15f2b103da24010b';
const TYPES = ['person', 'organization', 'location', 'date', 'title', 'event'];

const hash = (page) => decodeURIComponent(new URL(page.url()).hash);
// Typing writes its link after the frame that shows the view: waits for it.
const linked = (page, want) =>
  page.waitForFunction((w) => decodeURIComponent(location.hash) === w, want, { timeout: 5000 });

test('every mention is a mark with its entity and type, and types differ by more than colour', async () => {
  const { page, errors } = await open(browser, `#/read/${A2020}`);
  const marks = page.locator('article mark[data-entity]');
  await marks.first().waitFor();
  const all = await marks.evaluateAll((els) => els.map((e) => ({
    id: e.dataset.entity, type: e.dataset.type, text: e.textContent,
  })));
  assert.ok(all.length > 50, `${all.length} marks`);
  for (const m of all) {
    assert.ok(TYPES.includes(m.type), JSON.stringify(m));
    assert.ok(m.id.startsWith(`${m.type}:`), JSON.stringify(m));
  }
  const has = (id, text) => all.some((m) => m.id === id && m.text === text);
  assert.ok(has('person:to-lam', 'Tô Lâm'));
  assert.ok(has('person:vilay-lakhamphong', 'Vilay Lakhamphong'));
  assert.ok(has('location:vientiane', 'Vientiane'));
  assert.ok(all.some((m) => m.type === 'title' && m.text === 'Thượng tướng'));
  assert.ok(all.some((m) => m.type === 'date' && m.text.includes('10/2')));
  // Sentence openers are not entities.
  assert.ok(!all.some((m) => ['Chiều', 'Trước đó', 'Tại'].includes(m.text)));
  // A title holds the body it is an office of.
  const nested = await page.locator('mark[data-type=title] > mark[data-type=organization]').count();
  assert.ok(nested > 0);
  // Each type has its own underline: a cue for colour-blind readers and for print.
  const styles = await page.evaluate((types) => types.map((t) => {
    const el = document.querySelector(`.legend-sample[data-type=${t}]`);
    const s = getComputedStyle(el);
    return `${s.textDecorationLine} ${s.textDecorationStyle}`;
  }), TYPES);
  assert.equal(new Set(styles).size, TYPES.length, styles.join(' | '));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the legend toggles each type and writes it in the link (t)', async () => {
  const { page, errors } = await open(browser, `#/read/${A2020}`);
  await page.locator('mark[data-type=date]').first().waitFor();
  const dates = page.locator('[data-toggle-type=date]');
  assert.equal(await dates.getAttribute('aria-pressed'), 'true');
  await dates.click();
  await page.waitForFunction(() => !document.querySelector('mark[data-type=date]'));
  assert.equal(hash(page), `#/read/${A2020}?t=person,organization,location,title,event`);
  assert.equal(await dates.getAttribute('aria-pressed'), 'false');
  assert.ok(await page.locator('mark[data-type=person]').count() > 0);
  // The link alone gives the same view.
  const shared = await open(browser, `#/read/${A2020}?t=person`);
  await shared.page.locator('mark[data-type=person]').first().waitFor();
  const types = await shared.page.locator('mark[data-entity]').evaluateAll((els) => [...new Set(els.map((e) => e.dataset.type))]);
  assert.deepEqual(types, ['person']);
  await shared.page.close();
  await dates.click();
  await page.waitForFunction(() => document.querySelector('mark[data-type=date]'));
  assert.equal(hash(page), `#/read/${A2020}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('hovering or focusing a mention shows its entity; a click or Enter opens its page', async () => {
  const { page, errors } = await open(browser, `#/read/${A2020}`);
  const toLam = page.locator('mark[data-entity="person:to-lam"]').first();
  await toLam.hover();
  const tip = page.locator('[role=tooltip]');
  await tip.waitFor();
  const text = await tip.textContent();
  assert.match(text, /Tô Lâm/);
  assert.match(text, /Người/);
  assert.match(text, /Bộ trưởng Bộ Công an/);
  // The mark points at the card while it is shown, and at nothing after.
  const describes = () => page.evaluate(() => [...document.querySelectorAll('[aria-describedby]')]
    .map((e) => Boolean(document.getElementById(e.getAttribute('aria-describedby')))));
  assert.deepEqual(await describes(), [true]);
  await page.mouse.move(0, 0);
  await tip.waitFor({ state: 'detached' });
  assert.deepEqual(await describes(), []);
  // Near the window's bottom, the card opens above its mark, in view.
  const low = page.locator('mark[data-entity]').nth(40);
  await low.evaluate((m) => { m.scrollIntoView({ block: 'end' }); window.scrollBy(0, 4); });
  await low.hover();
  await tip.waitFor();
  const [card, mark, height] = await page.evaluate(() => [
    document.querySelector('[role=tooltip]').getBoundingClientRect().toJSON(),
    document.querySelector('mark[aria-describedby]').getBoundingClientRect().toJSON(), window.innerHeight]);
  assert.ok(card.bottom <= height && card.bottom <= mark.top, JSON.stringify({ card, mark, height }));
  await page.mouse.move(0, 0);
  // Keyboard: the text is one stop of Tab (nested marks too), the arrow keys move
  // within it, focus shows the same card, Enter opens the entity page.
  assert.equal(await page.locator('.article-text mark[tabindex="0"]').count(), 1);
  const first = page.locator('.article-text mark[data-entity]').first();
  await first.focus();
  await page.keyboard.press('ArrowRight');
  const second = await page.evaluate(() => [...document.querySelectorAll('.article-text mark')].indexOf(document.activeElement));
  assert.equal(second, 1);
  assert.equal(await page.locator('.article-text mark[tabindex="0"]').count(), 1);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('tabindex')), '0');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('.article-text mark')].indexOf(document.activeElement)), 0);
  // The paragraphs' links are in the same stop: the arrows reach them, Tab passes them all.
  await page.keyboard.press('Home');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), `#/read/${A2020}?p=1`);
  assert.equal(await page.locator('.article-text [tabindex="0"]').count(), 1);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => Boolean(document.activeElement.closest('.article-text'))), false);
  assert.equal(await page.locator('.article-text a.pilcrow[tabindex="-1"]').count(), await page.locator('.article-text a.pilcrow').count());
  const vientiane = page.locator('mark[data-entity="location:vientiane"]').first();
  await vientiane.focus();
  await page.waitForFunction(() => document.querySelector('[role=tooltip]')?.textContent.includes('Vientiane'));
  await page.keyboard.press('Enter');
  await page.locator('[data-entity-page="location:vientiane"]').waitFor();
  assert.equal(hash(page), '#/entity/location:vientiane');
  // Focus lands on the new page's heading.
  await page.waitForFunction(() => document.activeElement?.id === 'entity-name');
  await page.goBack();
  await page.locator('mark[data-entity="person:to-lam"]').first().click();
  await page.locator('[data-entity-page="person:to-lam"]').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('hl emphasises one entity, and j / k move between its mentions', async () => {
  const { page, errors } = await open(browser, `#/read/${A2020}?hl=person:to-lam`);
  const emphasised = page.locator('mark.hl');
  await emphasised.first().waitFor();
  const ids = await emphasised.evaluateAll((els) => els.map((e) => e.dataset.entity));
  const count = await page.locator('mark[data-entity="person:to-lam"]').count();
  assert.equal(ids.length, count);
  assert.ok(ids.every((id) => id === 'person:to-lam'));
  assert.match(await page.locator('.emphasis').innerText(), new RegExp(`Tô Lâm.*${count}`));
  const focusedIndex = () => page.evaluate(() => [...document.querySelectorAll('mark.hl')].indexOf(document.activeElement));
  await page.keyboard.press('j');
  assert.equal(await focusedIndex(), 0);
  await page.keyboard.press('j');
  assert.equal(await focusedIndex(), 1);
  await page.keyboard.press('k');
  assert.equal(await focusedIndex(), 0);
  await page.keyboard.press('k');
  assert.equal(await focusedIndex(), count - 1);
  // The buttons do the same, and Escape clears the emphasis.
  await page.getByRole('button', { name: /Lần sau/ }).click();
  assert.equal(await focusedIndex(), 0);
  await page.keyboard.press('n');
  assert.equal(await focusedIndex(), 1);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('mark.hl'));
  assert.equal(hash(page), `#/read/${A2020}`);
  // `?` lists every shortcut; the one-letter keys can be turned off, and stay off.
  await page.keyboard.press('?');
  const dialog = page.locator('dialog.shortcuts');
  await dialog.waitFor();
  assert.ok(await dialog.evaluate((d) => d.open));
  for (const key of ['j / n', 'k', 'Esc', '/', '?']) {
    assert.ok((await dialog.locator('kbd').allTextContents()).includes(key), key);
  }
  await dialog.locator('[data-setting="single-key-shortcuts"]').uncheck();
  await page.keyboard.press('Escape');
  await page.reload();
  await page.locator('mark[data-entity]').first().waitFor();
  await page.keyboard.press('j');
  await page.keyboard.press('?');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY');
  assert.equal(await dialog.evaluate((d) => d.open), false);
  await page.locator('.shortcuts-button').click();
  await dialog.locator('[data-setting="single-key-shortcuts"]').check();
  await page.keyboard.press('Escape');
  await page.keyboard.press('j');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'MARK');
  // `/` away from the library opens it, with focus in its search box.
  await page.keyboard.press('/');
  await page.waitForFunction(() => document.activeElement?.type === 'search');
  assert.equal(hash(page), '#/');
  await page.goBack();
  await page.locator('article h1').waitFor();
  // In the English interface the text is still Vietnamese, and the language
  // switch is in no landmark named like the library's.
  await page.locator('a.lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.locator('.article-text').getAttribute('lang'), 'vi');
  assert.equal(await page.locator('article h1').getAttribute('lang'), 'vi');
  assert.equal(await page.locator('nav:has(a.lang)').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a new view opens at its top, and Back and Forward return where the reader was', async () => {
  const { page, errors } = await open(browser, `#/read/${A2020}`, { width: 1280, height: 700 });
  await page.locator('.compare-with').waitFor();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.locator('.compare-with summary').click();
  const left = await page.evaluate(() => window.scrollY);
  assert.ok(left > 500, `${left}`);
  await page.locator('.compare-with a').first().click();
  await page.locator('.compare').waitFor();
  await page.waitForFunction(() => window.scrollY === 0);
  await page.waitForFunction(() => document.activeElement?.id === 'compare-heading');
  await page.goBack();
  await page.locator(`article[data-article="${A2020}"]`).waitFor();
  await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 4, left);
  await page.goForward();
  await page.locator('.compare').waitFor();
  await page.waitForFunction(() => window.scrollY === 0);
  // From an entity page, Back lands on the mark the reader left the article by.
  await page.goBack();
  await page.locator(`article[data-article="${A2020}"]`).waitFor();
  const low = page.locator('.article-text mark[data-entity]').nth(40);
  await low.evaluate((m) => m.scrollIntoView({ block: 'center' }));
  const read = await page.evaluate(() => window.scrollY);
  assert.ok(read > 300, `${read}`);
  await low.click();
  await page.locator('[data-entity-page]').waitFor();
  await page.waitForFunction(() => window.scrollY === 0);
  await page.goBack();
  await page.locator(`article[data-article="${A2020}"]`).waitFor();
  await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 4, read);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link with p scrolls to that paragraph, and every paragraph has its link', async () => {
  const { page, errors } = await open(browser, `#/read/${A2023}?p=6`, { width: 1280, height: 700 });
  const target = page.locator(`[id="${A2023}-p6"]`);
  await target.waitFor();
  await page.waitForFunction((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return r.top >= -2 && r.top < 120;
  }, `${A2023}-p6`);
  assert.match(await target.getAttribute('class'), /target/);
  assert.ok(await page.evaluate(() => window.scrollY) > 200);
  const link = page.locator(`.para:has([id="${A2023}-p3"]) a.pilcrow`);
  assert.equal(await link.getAttribute('href'), `#/read/${A2023}?p=3`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('side by side sets the entities against each other and shows a changed title with dates', async () => {
  const { page, errors } = await open(browser, `#/compare/${A2020},${A2026}`);
  const overview = page.locator('.overview');
  await overview.waitFor();
  const shared = await page.locator('[data-type-group=person] .shared [data-chip]').evaluateAll((els) => els.map((e) => e.dataset.chip));
  assert.ok(shared.includes('person:to-lam'), shared.join());
  const partial = await page.locator('[data-type-group=person] .partial [data-chip]').evaluateAll((els) => els.map((e) => e.dataset.chip));
  assert.ok(partial.includes('person:vilay-lakhamphong'), partial.join());
  assert.ok(partial.includes('person:vanthong-kongmani'), partial.join());
  const change = await page.locator('[data-entity-change="person:to-lam"]').innerText();
  assert.match(change, /Bộ trưởng Bộ Công an.*10\/2\/2020.*→.*Tổng Bí thư.*5\/2\/2026/);
  // A chip emphasises its entity in every column at once.
  await page.locator('[data-chip="person:to-lam"]').click();
  await page.waitForFunction(() => document.querySelectorAll('mark.hl').length > 0);
  assert.equal(hash(page), `#/compare/${A2020},${A2026}?hl=person:to-lam`);
  for (const id of [A2020, A2026]) {
    assert.ok(await page.locator(`article[data-article="${id}"] mark.hl[data-entity="person:to-lam"]`).count() > 0, id);
  }
  assert.equal(await page.locator('[data-chip="person:to-lam"]').getAttribute('aria-current'), 'true');
  assert.equal(await page.locator('[data-chip][aria-current]').count(), 1);
  // Each column's text is one stop of Tab, whatever its number of marks.
  assert.equal(await page.locator('article[data-article] mark[tabindex="0"]').count(), 2);
  assert.ok(await page.locator('article[data-article] mark[tabindex="-1"]').count() > 100);
  // Chips show whole names.
  const cut = await page.locator('.overview .chip').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
  assert.deepEqual(cut, []);
  // The overview folds away, and says so.
  const toggle = page.locator('.overview-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.ok(!(await page.locator('[data-type-group=person]').isVisible()));
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  // Chosen from the keyboard, a chip keeps focus, though its row is drawn again.
  await page.locator('[data-chip="person:to-lam"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !location.hash.includes('hl='));
  await page.waitForFunction(() => document.querySelector('[data-chip="person:to-lam"]') && !document.querySelector('[data-chip][aria-current]'));
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.chip), 'person:to-lam');
  assert.deepEqual(errors, []);
  await page.close();
});

test('side by side folds a long row of chips behind "+N", which shows the rest', async () => {
  const { page, errors } = await open(browser, `#/compare/${A2020},${A2015},${A2023},${A2025}`);
  const more = page.locator('.more-chips').first();
  await more.waitFor();
  const row = await more.evaluate((b) => b.closest('ul').dataset.row);
  const folded = Number((await more.innerText()).slice(1));
  const list = page.locator(`.overview ul[data-row="${row}"]`);
  assert.equal(await list.locator('[data-chip]').count(), 12);
  await more.click();
  await page.waitForFunction((row) => !document.querySelector(`.overview ul[data-row="${row}"] .more-chips`), row);
  assert.equal(await list.locator('[data-chip]').count(), 12 + folded);
  assert.deepEqual(errors, []);
  await page.close();
});

test('articles picked in the library, or from a reading view, open side by side', async () => {
  const { page, errors } = await open(browser, '#/');
  await page.locator('[data-pick]').first().waitFor();
  await page.locator(`[data-pick="${A2025}"]`).check();
  await page.locator(`[data-pick="${A2015}"]`).check();
  await page.locator('[data-compare-selected]').click();
  await page.locator('article[data-article]').first().waitFor();
  assert.equal(hash(page), `#/compare/${A2025},${A2015}`);
  const ids = await page.locator('article[data-article]').evaluateAll((els) => els.map((e) => e.dataset.article));
  assert.deepEqual(ids, [A2025, A2015]);
  // From a reading view: "compare with…".
  await page.goto(new URL(`#/read/${A2023}`, page.url()).href);
  await page.locator('.compare-with summary').click();
  await page.locator(`.compare-with a[href="#/compare/${A2023},${A2020}"]`).click();
  await page.locator(`article[data-article="${A2020}"]`).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('an entity page has its names, its titles on a timeline, its mentions in context and its company', async () => {
  const { page, errors } = await open(browser, '#/entity/person:vilay-lakhamphong');
  const root = page.locator('[data-entity-page="person:vilay-lakhamphong"]');
  await root.waitFor();
  assert.equal(await root.locator('h1').innerText(), 'Vilay Lakhamphong');
  assert.match(await root.locator('.aliases').innerText(), /Vilay Lakhamphon\b/);
  // Roles over time: a lane per title, a dot per article giving it.
  const lanes = await root.locator('svg.timeline .lane-label').allTextContents();
  assert.ok(lanes.includes('Bộ trưởng Bộ An ninh Lào'), lanes.join());
  assert.ok(lanes.includes('Phó Thủ tướng Lào'), lanes.join());
  assert.ok(await root.locator('svg.timeline circle').count() >= lanes.length);
  // Each lane says its support; the axis has few ticks, fitted to the dates, and no label
  // touches another, at the width of a phone too.
  const supports = await root.locator('svg.timeline .lane[data-support]').evaluateAll(
    (els) => els.map((e) => [e.dataset.support, e.querySelector('.lane-support').textContent]));
  assert.ok(supports.length >= 2 && supports.every(([n, text]) => text === `${n} bài`), JSON.stringify(supports));
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const boxes = await root.locator('svg.timeline .tick text, svg.timeline .lane text').evaluateAll(
      (els) => els.map((e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }));
    const ticks = await root.locator('svg.timeline .tick').count();
    assert.ok(ticks >= 2 && ticks <= 8, `${ticks} ticks`);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const apart = a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1];
        assert.ok(apart, `labels ${i} and ${j} overlap at ${width} px`);
      }
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  // Every mention in its sentence, linking to its paragraph with the entity emphasised.
  const links = await root.locator('.mention-list a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
  assert.ok(links.length >= 4, links.join());
  for (const href of links) assert.match(href, /^#\/read\/[0-9a-f_]+\?hl=person:vilay-lakhamphong&p=\d+$/);
  assert.match(await root.locator('.mention-list .context').first().innerText(), /Vilay/);
  // The entities mentioned with it most.
  const related = await root.locator('.related a').allInnerTexts();
  assert.ok(related.some((r) => r.startsWith('Tô Lâm')), related.join());
  // Following a mention lands on its paragraph, emphasised.
  await root.locator('.mention-list a').first().click();
  await page.locator('mark.hl[data-entity="person:vilay-lakhamphong"]').first().waitFor();
  assert.match(hash(page), /\?hl=person:vilay-lakhamphong&p=\d+$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an office has one page with its spellings and the people who held it', async () => {
  const { page, errors } = await open(browser, '#/entity/title:bo-truong-bo-cong-an-lao');
  const root = page.locator('[data-entity-page="title:bo-truong-bo-cong-an-lao"]');
  await root.waitFor();
  assert.equal(await root.locator('h1').innerText(), 'Bộ trưởng Bộ Công an Lào');
  assert.match(await root.locator('.aliases').innerText(), /Bộ trưởng Công an Lào/);
  const held = await root.locator('[data-holder]').evaluateAll((els) => els.map((e) => e.dataset.holder));
  assert.deepEqual(held, ['person:vilay-lakhamphong', 'person:vanthong-kongmani']);
  await root.locator('[data-holder="person:vanthong-kongmani"] a').click();
  await page.locator('[data-entity-page="person:vanthong-kongmani"]').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('an entity page links to the library filtered by it', async () => {
  const { page, errors } = await open(browser, '#/entity/person:to-lam');
  await page.locator('.filter-link').click();
  await page.locator('.filter-chip').waitFor();
  assert.equal(hash(page), '#/?e=person:to-lam');
  const ids = await page.locator('a[data-article]').evaluateAll((els) => els.map((e) => e.dataset.article));
  assert.deepEqual(ids, [A2026, A2025, A2023, A2020]);
  await page.locator('.filter-chip button').click();
  await page.waitForFunction(() => document.querySelectorAll('a[data-article]').length === 5);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an unknown entity is said in an alert and the library is shown', async () => {
  const { page, errors } = await open(browser, '#/entity/person:nobody');
  await page.locator('[role=alert]').waitFor();
  assert.match(await page.locator('[role=alert]').innerText(), /person:nobody/);
  assert.equal(await page.locator('a[data-article]').count(), 5);
  const lib = await open(browser, '#/?e=person:nobody,location:vientiane');
  await lib.page.locator('[role=alert]').waitFor();
  assert.match(await lib.page.locator('[role=alert]').innerText(), /person:nobody/);
  assert.equal(await lib.page.locator('a[data-article]').count(), 4);
  await lib.page.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test('the library filters as you type, by text, entity and dates, all in the link', async () => {
  const { page, errors } = await open(browser, '#/');
  const box = page.locator('input[type=search]');
  await box.waitFor();
  await box.pressSequentially('thu do vientiane');
  await page.waitForFunction(() => document.querySelectorAll('a[data-article]').length === 3);
  await linked(page, '#/?q=thu+do+vientiane');
  assert.equal(await box.inputValue(), 'thu do vientiane');
  await box.fill('');
  await page.waitForFunction(() => document.querySelectorAll('a[data-article]').length === 5);
  const from = page.locator('input[name=from]');
  await from.fill('2023');
  await from.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('a[data-article]').length === 3);
  await linked(page, '#/?from=2023');
  await from.fill('2023-13');
  await from.press('Enter');
  await page.locator('[role=alert]').waitFor();
  assert.match(await page.locator('[role=alert]').innerText(), /2023-13/);
  assert.equal(await page.locator('a[data-article]').count(), 3);
  // A shared link opens the same filtered list, the box filled in.
  const shared = await open(browser, '#/?q=Lương%20Tam%20Quang&to=2024');
  await shared.page.locator('a[data-article]').first().waitFor();
  const ids = await shared.page.locator('a[data-article]').evaluateAll((els) => els.map((e) => e.dataset.article));
  assert.deepEqual(ids, [A2023]);
  assert.equal(await shared.page.locator('input[type=search]').inputValue(), 'Lương Tam Quang');
  await shared.page.close();
  assert.deepEqual(errors, []);
  await page.close();
});

/** Relative luminance of an sRGB colour, per WCAG 2. */
function luminance([r, g, b]) {
  const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

test('every highlight colour keeps WCAG AA contrast in light and dark themes', async () => {
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
    await page.goto(new URL(`#/read/${A2023}?hl=person:to-lam`, process.env.BASE_URL ?? 'http://127.0.0.1:8080/').href);
    await page.locator('mark[data-entity]').first().waitFor();
    const samples = await page.evaluate((types) => {
      const rgb = (s) => s.match(/[\d.]+/g).slice(0, 4).map(Number);
      // The colour painted behind an element: its own and its ancestors' backgrounds, composited.
      const behind = (el) => {
        const layers = [];
        for (let e = el; e; e = e.parentElement) layers.push(rgb(getComputedStyle(e).backgroundColor));
        let [r, g, b] = [255, 255, 255];
        for (const [lr, lg, lb, la = 1] of layers.reverse()) {
          r = lr * la + r * (1 - la); g = lg * la + g * (1 - la); b = lb * la + b * (1 - la);
        }
        return [r, g, b];
      };
      const out = [];
      for (const t of types) {
        for (const sel of [`mark[data-type=${t}]`, `.legend-sample[data-type=${t}]`]) {
          const el = document.querySelector(sel);
          if (!el) continue;
          out.push({ what: sel, fg: rgb(getComputedStyle(el).color).slice(0, 3), bg: behind(el) });
        }
      }
      const hl = document.querySelector('mark.hl');
      out.push({ what: 'mark.hl', fg: rgb(getComputedStyle(hl).color).slice(0, 3), bg: behind(hl) });
      return out;
    }, TYPES);
    assert.ok(samples.length >= 11, `${scheme}: ${samples.length} samples`);
    for (const s of samples) {
      const ratio = contrast(s.fg, s.bg);
      assert.ok(ratio >= 4.5, `${scheme} ${s.what}: ${ratio.toFixed(2)} (${s.fg} on ${s.bg})`);
    }
    // Hovered marks swap text and tint; they too must stay legible.
    const mark = page.locator('mark[data-type=location]').first();
    await mark.hover();
    const hovered = await mark.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
    const [fg, bg] = hovered.map((s) => s.match(/[\d.]+/g).slice(0, 3).map(Number));
    assert.ok(contrast(fg, bg) >= 4.5, `${scheme} hovered: ${contrast(fg, bg).toFixed(2)}`);
    await page.close();
  }
});

test('the entity views fit a phone: no sideways scroll at 390 px', async () => {
  for (const fragment of [`#/read/${A2020}?hl=person:to-lam`, `#/compare/${A2020},${A2026}`, '#/entity/person:to-lam', '#/entity/person:vilay-lakhamphong', '#/?e=person:to-lam']) {
    const { page, errors } = await open(browser, fragment, { width: 390, height: 844 });
    await page.locator('main h1').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${fragment} overflows by ${overflow}px at 390px`);
    if (fragment.startsWith('#/compare')) {
      // The overview starts folded, so the columns' titles are on the first screen.
      assert.equal(await page.locator('.overview-toggle').getAttribute('aria-expanded'), 'false');
      const top = await page.locator('article[data-article] h2').first().evaluate((h) => h.getBoundingClientRect().top);
      assert.ok(top < 844, `the first column's title is ${top}px down`);
      // Nothing stays over a column's title once the page is scrolled to it.
      const covered = await page.locator('article[data-article] h2').first().evaluate((h) => {
        window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 2);
        const r = h.getBoundingClientRect();
        return [r.left + 4, r.left + r.width / 2].map((x) => document.elementFromPoint(x, r.top + 6))
          .filter((e) => !h.contains(e)).map((e) => e?.outerHTML.slice(0, 80));
      });
      assert.deepEqual(covered, []);
      // Opened on a phone, the overview's chips still show whole names.
      await page.locator('.overview-toggle').click();
      await page.locator('[data-type-group=person]').waitFor();
      const cut = await page.locator('.overview .chip').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
      assert.deepEqual(cut, []);
    }
    if (fragment.includes('person:to-lam') && fragment.startsWith('#/entity')) {
      // A date entity is written as every other date.
      await page.goto(`${page.url().split('#')[0]}#/entity/date:2020-02-10`);
      await page.locator('[data-entity-page="date:2020-02-10"]').waitFor();
      assert.equal(await page.locator('main h1').innerText(), '10/2/2020');
    }
    if (fragment.includes('vilay')) {
      // The timeline is drawn whole, its labels at a legible size.
      const [svg, wrap, label] = await page.evaluate(() => [
        document.querySelector('svg.timeline').getBoundingClientRect().right,
        document.querySelector('.timeline-wrap').scrollWidth - document.querySelector('.timeline-wrap').clientWidth,
        document.querySelector('svg.timeline .lane-label').getBoundingClientRect().height]);
      assert.ok(svg <= 390 && wrap <= 0, `timeline right ${svg}, hidden ${wrap}`);
      assert.ok(label >= 11, `labels ${label}px high`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  }
});
