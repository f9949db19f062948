import { existsSync, readFileSync } from 'node:fs';

/** Linux's clock ticks a second for /proc times (USER_HZ: 100 on every mainstream kernel). */
const TICKS_PER_SECOND = 100;

/**
 * CPU milliseconds (user + system) a process has used so far, from /proc; undefined where
 * there is no /proc. Dividing a load's share by its requests gives the server's CPU cost
 * per request, a figure that a busy machine skews far less than throughput.
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return undefined;
  // Fields after the command name (which may hold spaces) start at state, field 3.
  const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Starts counting a process's CPU; `perRequest(n)` gives the ms per request since then. */
export function cpuMeter(pid: number | undefined): { perRequest: (requests: number) => number } {
  const start = processCpuMs(pid);
  return {
    perRequest(requests) {
      const end = processCpuMs(pid);
      if (start === undefined || end === undefined || requests === 0) return Number.NaN;
      return Math.round(((end - start) / requests) * 100) / 100;
    },
  };
}
