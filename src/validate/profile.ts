// RAA_PROFILE=1: how long each validation step took, on stderr (no cell values).
const profiling = process.env.RAA_PROFILE === '1';
let mark = 0;

export function profileStart(): void {
  mark = performance.now();
}

export function profileLap(what: string): void {
  if (!profiling) return;
  const now = performance.now();
  process.stderr.write(`[profile] ${what}: ${Math.round(now - mark)} ms\n`);
  mark = now;
}
