/**
 * Runs a command and measures it from outside: wall time, and the memory of it and every process
 * it starts (Astro's Node process, Pagefind's native binary, esbuild…), read from `/proc` every
 * few milliseconds. Each process's peak is its own high-water mark (`VmHWM`), so a short peak
 * between two samples still counts as long as the process is seen once afterwards.
 *
 * Output lines are time-stamped as they arrive and may switch the current phase (a phase starts
 * at the first line matching its marker once the previous phase has started); memory samples are
 * charged to the phase current when they are taken.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface PhaseMarker {
  name: string;
  /** The phase starts at the first output line matching this once the previous phase has started. */
  startsAt: RegExp;
}

export interface PhaseFigures {
  name: string;
  /** From the phase's first line (or the start) to the next phase's first line (or the exit). */
  ms: number;
  /** The largest resident set of any one process while the phase ran. */
  peakProcessMb: number;
  /** The largest sum of the resident sets of all processes while the phase ran. */
  peakTotalMb: number;
}

export interface ProcessFigures {
  pid: number;
  name: string;
  peakMb: number;
}

export interface MonitoredRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  /** Output lines (stdout and stderr), ANSI colours removed, with their arrival time in ms after the start. */
  lines: { atMs: number; text: string }[];
  phases: PhaseFigures[];
  processes: ProcessFigures[];
  /** The largest high-water mark of any single process. */
  peakProcessMb: number;
  /** The largest sum of resident sets of all processes at one sample. */
  peakTotalMb: number;
  samples: number;
  /** CPU time of the process and its descendants (user + system). */
  cpuMs: number;
  /**
   * CPU time the rest of the machine used meanwhile (other people's builds and tests, this
   * benchmark's own sampling): a figure taken while this is high is slower than it should be.
   */
  othersCpuMs: number;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  phases?: PhaseMarker[];
  /** Name of the phase from the start to the first marker. */
  firstPhase?: string;
  sampleEveryMs?: number;
  /** Called with every output line as it arrives (e.g. to echo progress). */
  onLine?: (text: string) => void;
}

// eslint-disable-next-line no-control-regex -- the escape character starts every ANSI colour code
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
/** Clock ticks per second of `/proc` CPU times (`getconf CLK_TCK`, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU time the whole machine has spent busy, in ms (from the first line of `/proc/stat`). */
function machineBusyMs(): number {
  const fields = (readText('/proc/stat') ?? '').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return ((user + nice + system + irq + softirq + steal) * 1000) / TICKS_PER_SECOND;
}

/** CPU time of this process (`self`) and of its reaped children (`children`), in ms. */
function ownCpuMs(): { self: number; children: number } {
  const stat = readText('/proc/self/stat') ?? '';
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  // After the command name: state is field 3, utime 14, stime 15, cutime 16, cstime 17.
  const at = (field: number) => fields[field - 3] ?? 0;
  return {
    self: ((at(14) + at(15)) * 1000) / TICKS_PER_SECOND,
    children: ((at(16) + at(17)) * 1000) / TICKS_PER_SECOND,
  };
}
const KB_PER_MB = 1024;

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * The process and all its descendants, through `/proc/<pid>/task/<tid>/children`, less the
 * children caught between fork and exec: such a child still shows its parent's command line and
 * memory (the parent's pages, shared copy-on-write, not a second copy), so counting it would add
 * the parent's size to the sum for an instant each time a process is started (Pagefind's service
 * is started once per search shard).
 */
function processTree(root: number): number[] {
  const found: number[] = [];
  const queue: { pid: number; parentCommand: string | null }[] = [{ pid: root, parentCommand: null }];
  while (queue.length > 0) {
    const { pid, parentCommand } = queue.shift()!;
    const command = readText(`/proc/${pid}/cmdline`);
    if (command !== null && command === parentCommand) continue;
    found.push(pid);
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      const children = readText(`/proc/${pid}/task/${task}/children`);
      if (children)
        for (const child of children.trim().split(/\s+/))
          if (child) queue.push({ pid: Number(child), parentCommand: command });
    }
  }
  return found;
}

interface StatusFigures {
  name: string;
  rssKb: number;
  hwmKb: number;
}

function processStatus(pid: number): StatusFigures | null {
  const status = readText(`/proc/${pid}/status`);
  if (status === null) return null;
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  const name = /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '?';
  return { name, rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
}

/** A readable name: the executable, plus the script for Node processes. */
function describe(pid: number, fallback: string): string {
  const cmdline = readText(`/proc/${pid}/cmdline`);
  if (!cmdline) return fallback;
  const [executable = fallback, ...args] = cmdline.split('\0').filter(Boolean);
  const base = executable.split('/').pop() ?? executable;
  if (base !== 'node') return base;
  const script = args.find((arg) => !arg.startsWith('-') && /\.(?:m?[jt]s|cjs)$/.test(arg));
  return script ? `node ${script.split('/').slice(-2).join('/')}` : 'node';
}

export function runMonitored(command: string, args: readonly string[], options: RunOptions): Promise<MonitoredRun> {
  const markers = options.phases ?? [];
  const busyBefore = machineBusyMs();
  const cpuBefore = ownCpuMs();
  const started = performance.now();
  const child = spawn(command, [...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: MonitoredRun['lines'] = [];
  const phaseStarts: { name: string; atMs: number }[] = [{ name: options.firstPhase ?? 'start', atMs: 0 }];
  const phasePeaks = new Map<string, { process: number; total: number }>();
  const processes = new Map<number, { name: string; hwmKb: number }>();
  let nextMarker = 0;
  let peakTotalKb = 0;
  let samples = 0;

  const onText = (text: string) => {
    const atMs = performance.now() - started;
    lines.push({ atMs, text });
    options.onLine?.(text);
    const marker = markers[nextMarker];
    if (marker?.startsAt.test(text)) {
      phaseStarts.push({ name: marker.name, atMs });
      nextMarker++;
    }
  };
  const lineReader = () => {
    let rest = '';
    return {
      push: (chunk: Buffer) => {
        const text = rest + chunk.toString('utf8');
        const parts = text.split(/\r?\n/);
        rest = parts.pop() ?? '';
        for (const part of parts) onText(part.replace(ANSI, ''));
      },
      end: () => {
        if (rest) onText(rest.replace(ANSI, ''));
        rest = '';
      },
    };
  };
  const out = lineReader();
  const err = lineReader();
  child.stdout.on('data', out.push);
  child.stderr.on('data', err.push);

  const sample = () => {
    if (child.pid === undefined) return;
    samples++;
    let totalKb = 0;
    let largestKb = 0;
    for (const pid of processTree(child.pid)) {
      const status = processStatus(pid);
      if (status === null) continue;
      totalKb += status.rssKb;
      largestKb = Math.max(largestKb, status.rssKb);
      const known = processes.get(pid);
      if (known) known.hwmKb = Math.max(known.hwmKb, status.hwmKb);
      else processes.set(pid, { name: describe(pid, status.name), hwmKb: status.hwmKb });
    }
    peakTotalKb = Math.max(peakTotalKb, totalKb);
    const phase = phaseStarts[phaseStarts.length - 1]!.name;
    const peaks = phasePeaks.get(phase) ?? { process: 0, total: 0 };
    phasePeaks.set(phase, { process: Math.max(peaks.process, largestKb), total: Math.max(peaks.total, totalKb) });
  };
  const timer = setInterval(sample, options.sampleEveryMs ?? 20);
  sample();

  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearInterval(timer);
      reject(new Error(`could not run ${command}: ${error.message}`));
    });
    child.on('close', (exitCode, signal) => {
      clearInterval(timer);
      out.end();
      err.end();
      const wallMs = performance.now() - started;
      const cpuAfter = ownCpuMs();
      const cpuMs = cpuAfter.children - cpuBefore.children;
      const othersCpuMs = Math.max(0, machineBusyMs() - busyBefore - cpuMs - (cpuAfter.self - cpuBefore.self));
      const phases = phaseStarts.map((phase, index) => {
        const peaks = phasePeaks.get(phase.name) ?? { process: 0, total: 0 };
        return {
          name: phase.name,
          ms: (phaseStarts[index + 1]?.atMs ?? wallMs) - phase.atMs,
          peakProcessMb: peaks.process / KB_PER_MB,
          peakTotalMb: peaks.total / KB_PER_MB,
        };
      });
      const processList = [...processes]
        .map(([pid, { name, hwmKb }]) => ({ pid, name, peakMb: hwmKb / KB_PER_MB }))
        .sort((a, b) => b.peakMb - a.peakMb);
      resolve({
        exitCode,
        signal,
        wallMs,
        lines,
        phases,
        processes: processList,
        peakProcessMb: Math.max(0, ...processList.map((entry) => entry.peakMb)),
        peakTotalMb: peakTotalKb / KB_PER_MB,
        samples,
        cpuMs,
        othersCpuMs,
      });
    });
  });
}

/** The tail of a run's output, for error messages. */
export function outputTail(run: MonitoredRun, count = 40): string {
  return run.lines
    .slice(-count)
    .map((line) => line.text)
    .join('\n');
}
