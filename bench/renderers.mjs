// The memory of the browser a benchmark started, counted from the process
// table: its renderers only, not those of any other browser on the machine;
// and the page's own renderer, whose private memory is what the browser's
// task manager shows as the tab's memory.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The renderer processes of the browser this script started: pid and
 * resident bytes. */
export function ourRenderers() {
  const rows = execSync('ps -eo pid=,ppid=,rss=,args=').toString().split('\n').filter(Boolean)
    .map((l) => { const [pid, ppid, rss, ...args] = l.trim().split(/\s+/); return { pid: Number(pid), ppid: Number(ppid), rss: Number(rss) * 1024, args: args.join(' ') }; });
  const ours = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows) if (!ours.has(r.pid) && ours.has(r.ppid)) { ours.add(r.pid); grew = true; }
  }
  return rows.filter((r) => ours.has(r.pid) && r.args.includes('--type=renderer'));
}

/** Resident memory of the browser's renderer processes, in bytes. */
export function rendererMemory() {
  return ourRenderers().reduce((sum, r) => sum + r.rss, 0);
}

/** Processor ticks a process has used (user and system). */
function ticks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** The pid of the renderer running `page` (a Playwright page): the one of
 * this browser's renderers whose processor time grows while the page's
 * main thread is kept busy for a moment. Neither the page's URL nor the
 * DevTools protocol gives it on Debian's Chromium; the process that works
 * is the page's. */
export async function pageRenderer(page) {
  const before = new Map(ourRenderers().map((r) => [r.pid, ticks(r.pid)]));
  await page.evaluate(() => { const end = performance.now() + 400; let x = 0; while (performance.now() < end) x += Math.sqrt(x + 1); return x; });
  let best = null;
  let most = -1;
  for (const [pid, t] of before) {
    const grew = ticks(pid) - t;
    if (grew > most) { most = grew; best = pid; }
  }
  return best;
}

/** A process's memory from /proc/PID/smaps_rollup, in bytes: resident,
 * proportional (shared pages divided among the processes sharing them) and
 * private (its own pages, what the task manager counts). */
export function processMemory(pid) {
  const roll = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const kb = (k) => Number((roll.match(new RegExp(`^${k}:\\s+(\\d+)`, 'm')) ?? [0, 0])[1]) * 1024;
  return { rss: kb('Rss'), pss: kb('Pss'), private: kb('Private_Dirty') + kb('Private_Clean') };
}
