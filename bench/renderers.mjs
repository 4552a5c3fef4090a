// The memory of the browser a benchmark started, counted from the process
// table: its renderers only, not those of any other browser on the machine.
import { execSync } from 'node:child_process';

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
