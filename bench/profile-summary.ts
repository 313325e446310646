// Reads a V8 .cpuprofile (what node --cpu-prof writes) as markdown: the top frames by self time and
// the top files or packages by self time, in percent of the time the thread was busy ((idle) left out).
// Lines are the sources' (1-based) where a source map of the file is given; node_modules files are
// named by their package, the repository's by their path from its root.
import { SourceMap, type SourceMapPayload } from 'node:module';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; hitCount?: number }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Self time in µs of each node id: the time to the next sample counts for the sampled node. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const times = new Map<number, number>();
  const { samples, timeDeltas } = profile;
  if (samples?.length && timeDeltas?.length) {
    samples.forEach((id, i) => times.set(id, (times.get(id) ?? 0) + (timeDeltas[i + 1] ?? 0)));
  } else {
    const hits = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
    const perHit = (profile.endTime - profile.startTime) / Math.max(1, hits);
    for (const node of profile.nodes) times.set(node.id, (node.hitCount ?? 0) * perHit);
  }
  return times;
}

export function summarise(profile: CpuProfile, sourceMaps: Record<string, SourceMapPayload>, root: string): string {
  const maps = new Map(Object.entries(sourceMaps).map(([url, payload]) => [url, new SourceMap(payload)]));
  /** A frame's file: a node_modules file as package/path, the repository's from its root. */
  const location = (url: string): string => {
    if (!url) return '(native)';
    if (!url.startsWith('file:')) return url;
    const path = fileURLToPath(url);
    const inPackage = /\/node_modules\/(.*)$/.exec(path);
    return inPackage ? inPackage[1]! : path.startsWith(root) ? path.slice(root.length) : path;
  };
  /** What a file counts for: its package in node_modules, else the file. */
  const owner = (url: string): string => {
    const path = location(url);
    return url.includes('/node_modules/') ? /^(@[^/]+\/)?[^/]+/.exec(path)![0] : path;
  };
  const line = ({ url, lineNumber, columnNumber }: CallFrame): number => {
    const entry = maps.get(url)?.findEntry(lineNumber, columnNumber) as { originalLine?: number } | undefined;
    return (entry?.originalLine ?? lineNumber) + 1;
  };

  const times = selfTimes(profile);
  const frames = new Map<string, number>();
  const files = new Map<string, number>();
  let idle = 0;
  for (const node of profile.nodes) {
    const time = times.get(node.id) ?? 0;
    const { functionName, url } = node.callFrame;
    if (functionName === '(idle)') {
      idle += time;
      continue;
    }
    const where = url ? `${location(url)}:${line(node.callFrame)}` : '(native)';
    const frame = `${functionName || '(anonymous)'} | ${where}`;
    frames.set(frame, (frames.get(frame) ?? 0) + time);
    files.set(owner(url), (files.get(owner(url)) ?? 0) + time);
  }
  const busy = [...frames.values()].reduce((sum, time) => sum + time, 0);
  const percent = (time: number) => `${((100 * time) / busy).toFixed(1)}%`;
  const top = (map: Map<string, number>, count: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count);
  return [
    `Busy ${(busy / 1e6).toFixed(1)} s, idle ${(idle / 1e6).toFixed(1)} s; percentages are of the busy time.`,
    '',
    '| self | function | file:line |',
    '|---:|---|---|',
    ...top(frames, 20).map(([frame, time]) => `| ${percent(time)} | ${frame} |`),
    '',
    '| self | file or package |',
    '|---:|---|',
    ...top(files, 10).map(([name, time]) => `| ${percent(time)} | ${name} |`),
  ].join('\n');
}
