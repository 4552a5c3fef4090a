// One keystroke of the library's search, timed in the page (shared by
// bench/packs.mjs and bench/profile-keystroke.mjs).

// In the page: types `query` at once into the search box and returns the
// ms to the last DOM change it caused.
export async function typeOne(query) {
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
