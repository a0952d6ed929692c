import fs from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux everywhere it matters). */
const TICKS_PER_SECOND = 100;

/**
 * CPU milliseconds used so far by the calling thread. `process.cpuUsage()` counts the whole
 * process, so on a worker thread it would charge a season with its neighbours' work; Linux gives
 * each thread's own in /proc/thread-self/stat. Elsewhere, the process's (right with one thread).
 */
export function threadCpuMs(): number {
  try {
    const stat = fs.readFileSync('/proc/thread-self/stat', 'utf8');
    // fields after the command name (in parentheses, which may hold spaces): utime and stime are the 12th and 13th
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
}
