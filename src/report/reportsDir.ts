// Where report definitions live: `reports/` under the working directory when it has one, else the installed package's own.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function reportsDir(cwd = process.cwd()): string {
  const local = resolve(cwd, 'reports');
  if (existsSync(join(local, 'nms-26-4', 'report.yaml')) || existsSync(join(local, 'nms-25-7', 'report.yaml'))) return local;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'reports'))) return join(dir, 'reports');
    const up = dirname(dir);
    if (up === dir) return local;
    dir = up;
  }
}
