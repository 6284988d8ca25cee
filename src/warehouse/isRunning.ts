// Whether a process still runs: how raa tells a killed process's leftovers (scratch folders, partial exports) from a
// live one's, as the warehouse's lock tells who holds the file.

/** True when process `pid` exists (ours included; one we may not signal still exists). */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
