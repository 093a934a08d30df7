/**
 * Where a piece of work spends its CPU: Node's sampling profiler (node:inspector) around one call, each sample's
 * self time given to a part by the file it runs in. Built-ins without a file (JSON.stringify, string and array
 * methods) and Node's own modules (node:…) count for the nearest caller that has one, so office.js serializing a
 * request is office.js's time, and the host's JSON.parse of it is the host's. Garbage collection and idle time are parts of their own.
 */
import { Session } from "node:inspector";

export interface CpuSplit {
  /** Milliseconds of self time per part, in the order of the parts given, then "gc", "other" (sampled, wall clock). */
  ms: Record<string, number>;
  totalMs: number;
  /** Per part, its share of the samples × the CPU time the process used: what the part cost on a core. */
  cpuMs: Record<string, number>;
  /** CPU time (user + system) the process used during the work. */
  processCpuMs: number;
  /** Per part, its largest self times: ["function file", ms], largest first. */
  top: Record<string, [string, number][]>;
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
}

/**
 * Runs `work` under the profiler. `parts` maps a part's name to a test on a file path (first match wins);
 * samples in no part's file go to "other".
 */
export async function cpuSplit<T>(parts: Record<string, (url: string) => boolean>, work: () => Promise<T>): Promise<{ result: T; split: CpuSplit }> {
  const session = new Session();
  session.connect();
  await post(session, "Profiler.enable");
  await post(session, "Profiler.setSamplingInterval", { interval: 200 });
  await post(session, "Profiler.start");
  let result: T;
  let profile: Profile;
  const cpuBefore = process.cpuUsage();
  let cpuUsed: NodeJS.CpuUsage;
  try {
    result = await work();
  } finally {
    cpuUsed = process.cpuUsage(cpuBefore);
    profile = (await post<{ profile: Profile }>(session, "Profiler.stop")).profile;
    session.disconnect();
  }
  const processCpuMs = (cpuUsed.user + cpuUsed.system) / 1000;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const names = Object.keys(parts);
  const partOf = new Map<number, string>();
  const classify = (id: number): string => {
    const known = partOf.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const { url, functionName } = node.callFrame;
    let part: string;
    if (functionName === "(garbage collector)") part = "gc";
    else if (functionName === "(idle)" || functionName === "(program)" || functionName === "(root)") part = "other";
    else if (!url || url.startsWith("node:")) part = parent.has(id) ? classify(parent.get(id)!) : "other";
    else part = names.find((name) => parts[name](url)) ?? "other";
    partOf.set(id, part);
    return part;
  };
  const ms: Record<string, number> = Object.fromEntries([...names, "gc", "other"].map((name) => [name, 0]));
  const byFrame = new Map<string, Map<string, number>>();
  let totalMs = 0;
  profile.samples.forEach((id, index) => {
    const delta = (profile.timeDeltas[index] ?? 0) / 1000;
    const part = classify(id);
    ms[part] += delta;
    totalMs += delta;
    const { functionName, url } = byId.get(id)!.callFrame;
    const key = `${functionName || "(anonymous)"} ${url.replace(/^.*\/(node_modules|src|bench|test)\//, "$1/")}`;
    const frames = byFrame.get(part) ?? new Map<string, number>();
    frames.set(key, (frames.get(key) ?? 0) + delta);
    byFrame.set(part, frames);
  });
  const top = Object.fromEntries([...byFrame].map(([part, frames]) => [part, [...frames].sort((a, b) => b[1] - a[1]).slice(0, 6)]));
  const cpuMs = Object.fromEntries(Object.entries(ms).map(([part, partMs]) => [part, totalMs > 0 ? (partMs / totalMs) * processCpuMs : 0]));
  return { result: result!, split: { ms, totalMs, cpuMs, processCpuMs, top } };
}
