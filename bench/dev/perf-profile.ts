/**
 * Measures: where a CPU profile's time went — a .cpuprofile's self time summed by function and
 * by file (top N of each); profiles come from `node --cpu-prof` (see perf-server.ts).
 * `npx tsx bench/dev/perf-profile.ts /tmp/prof/CPU.*.cpuprofile [N]`
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg = '40'] = process.argv.slice(2);
if (!file) throw new Error('usage: perf-profile.ts <file.cpuprofile> [N]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) =>
  selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
);

const shortUrl = (url: string) =>
  url.replace(/^file:\/\/\/work\/main\//, '').replace(/node_modules\//g, 'nm/') || '(native)';
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
const byPackage = new Map<string, number>();
let total = 0;
for (const [id, us] of selfUs) {
  const { callFrame } = byId.get(id)!;
  const where = shortUrl(callFrame.url);
  const fn = `${callFrame.functionName || '(anonymous)'} ${where}:${callFrame.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  byFile.set(where, (byFile.get(where) ?? 0) + us);
  const pkg =
    /nm\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ?? (where.startsWith('src/') ? 'src' : where);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  total += us;
}
const top = Number(topArg);
const print = (title: string, m: Map<string, number>) => {
  console.log(`\n## ${title} (total ${(total / 1000).toFixed(0)} ms)`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(
      `${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`,
    );
};
print('self time by package', byPackage);
print('self time by file', byFile);
print('self time by function', byFunction);

// PERF_CALLERS=<functionName>: the call stacks (3 frames up) that spend self time in it.
const target = process.env.PERF_CALLERS;
if (target) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stacks = new Map<string, number>();
  for (const [id, us] of selfUs) {
    if (byId.get(id)!.callFrame.functionName !== target) continue;
    const frames: string[] = [];
    for (
      let p = parent.get(id);
      p !== undefined && frames.length < Number(process.env.PERF_DEPTH ?? 4);
      p = parent.get(p)
    ) {
      const f = byId.get(p)!.callFrame;
      frames.push(`${f.functionName || '(anon)'}@${shortUrl(f.url)}:${f.lineNumber + 1}`);
    }
    const key = frames.join(' < ');
    stacks.set(key, (stacks.get(key) ?? 0) + us);
  }
  print(`callers of ${target}`, stacks);
}
