// A large, deterministic `support` extract for benchmarks: `rows` rows, about 2% of them with one planted fault.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { support } from '../schemas/index.js';

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const uk = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

export async function generateSupport(path: string, rows: number, seed = 42): Promise<void> {
  const r = mulberry32(seed);
  const out = createWriteStream(path);
  const requesters = support.columns.find((c) => c.field === 'requester')!.type;
  const types = support.columns.find((c) => c.field === 'request_type')!.type;
  const providers = support.columns.find((c) => c.field === 'provider')!.type;
  const closures = support.columns.find((c) => c.field === 'closure_reason')!.type;
  const codes = (t: typeof requesters) => (t.kind === 'code' ? t.codes.codes.map((c) => c.code) : []);
  const [rq, ty, pv, cl] = [codes(requesters), codes(types), codes(providers), codes(closures)];
  const start = Date.UTC(2022, 0, 1);
  let buf = `${support.columns.map((c) => c.header).join(',')}\n`;
  for (let i = 1; i <= rows; i++) {
    const received = new Date(start + Math.floor(r() * 1640) * 86_400_000);
    const allocated = r() < 0.8 ? addDays(received, Math.floor(r() * 60)) : null;
    const assessed = allocated && r() < 0.6 ? addDays(allocated, Math.floor(r() * 90)) : null;
    const asf = r() < 0.25;
    const closed = r() < 0.5 ? addDays(received, 30 + Math.floor(r() * 120)) : null;
    const cells = [
      `R${i}`,
      r() < 0.7 ? `F${Math.floor(r() * rows)}` : '',
      pick(r, rq),
      pick(r, ty),
      uk(received),
      allocated ? uk(allocated) : '',
      assessed ? uk(assessed) : '',
      asf ? uk(addDays(received, 5)) : '',
      asf ? String(r() < 0.02 ? 3000 + 50 * Math.ceil(r() * 20) : 50 * Math.ceil(r() * 60)) : '',
      r() < 0.6 ? pick(r, pv) : '',
      closed ? uk(closed) : '',
      closed ? pick(r, cl) : '',
      r() < 0.5 ? String(Math.floor(r() * 11)) : '',
      closed && r() < 0.5 ? String(Math.floor(r() * 11)) : '',
    ];
    if (r() < 0.02) {
      const fault = Math.floor(r() * 4);
      if (fault === 0) cells[4] = '31/02/2024';
      else if (fault === 1) cells[2] = 'grandparent';
      else if (fault === 2) cells[0] = '';
      else cells[12] = 'eleven';
    }
    buf += `${cells.join(',')}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}
