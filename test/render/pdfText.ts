// Test helper: the text of each page of a PDF as Chromium (Skia) writes it, read without a PDF library: objects are
// found by `n 0 obj`, Flate streams inflated, each font's ToUnicode map applied to the strings its text operators show.
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = text.indexOf('endobj', m.index);
    const body = text.slice(m.index + m[0].length, end);
    const s = /stream\r?\n/.exec(body);
    if (!s) {
      out.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, s.index);
    const start = m.index + m[0].length + s.index + s[0].length;
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const raw = pdf.subarray(start, start + length);
    out.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
    re.lastIndex = end;
  }
  return out;
}

/** Code (hex) → text, from a ToUnicode CMap's bfchar and bfrange entries. */
function toUnicode(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([^]*?)endbfchar/g)) {
    for (const [, code = '', uni = ''] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(code.toUpperCase(), utf16(uni));
  }
  for (const block of cmap.matchAll(/beginbfrange([^]*?)endbfrange/g)) {
    for (const [, lo = '', hi = '', uni = ''] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      for (let c = parseInt(lo, 16), k = 0; c <= parseInt(hi, 16); c++, k++) {
        map.set(c.toString(16).toUpperCase().padStart(lo.length, '0'), String.fromCharCode(parseInt(uni, 16) + k));
      }
    }
  }
  return map;
}

const ref = (dict: string, key: string): number | null => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
};

/** The text each page shows, in drawing order (glyphs of one text object run together; objects on new lines). */
export function pdfPageTexts(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const cmaps = new Map<number, Map<string, string>>();
  const cmapOfFont = (fontId: number): Map<string, string> => {
    const font = objs.get(fontId);
    const tu = font ? ref(font.dict, 'ToUnicode') : null;
    if (tu === null) return new Map();
    if (!cmaps.has(tu)) cmaps.set(tu, toUnicode(objs.get(tu)?.stream?.toString('latin1') ?? ''));
    return cmaps.get(tu) ?? new Map<string, string>();
  };
  /** Name → font object id, from a resources dictionary (inline or a reference). */
  const fontsOf = (resources: string): Map<string, number> => {
    const fontRef = ref(resources, 'Font');
    const fontDict = fontRef !== null ? (objs.get(fontRef)?.dict ?? '') : (/\/Font\s*<<([^]*?)>>/.exec(resources)?.[1] ?? '');
    return new Map([...fontDict.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)].map(([, n = '', id = '']) => [n, Number(id)]));
  };
  const resourcesOf = (dict: string): string => {
    const r = ref(dict, 'Resources');
    return r !== null ? (objs.get(r)?.dict ?? '') : (/\/Resources\s*<<([^]*)>>/.exec(dict)?.[1] ?? '');
  };
  const show = (content: string, resources: string): string => {
    const fonts = fontsOf(resources);
    const xobjects = new Map([...(/\/XObject\s*<<([^]*?)>>/.exec(resources)?.[1] ?? '').matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)].map(([, n = '', id = '']) => [n, Number(id)]));
    let cmap = new Map<string, string>();
    let out = '';
    const decode = (hex: string) => (hex.match(/.{4}/g) ?? []).map((c) => cmap.get(c.toUpperCase()) ?? '').join('');
    for (const op of content.matchAll(/\/([\w.+-]+)\s+[\d.]+\s+Tf|\[((?:[^\]\\]|\\.)*)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj|\bET\b|\/([\w.+-]+)\s+Do\b/g)) {
      if (op[1] !== undefined) cmap = cmapOfFont(fonts.get(op[1]) ?? -1);
      else if (op[2] !== undefined) out += [...op[2].matchAll(/<([0-9A-Fa-f]*)>/g)].map((h) => decode(h[1] ?? '')).join('');
      else if (op[3] !== undefined) out += decode(op[3]);
      else if (op[4] !== undefined) {
        const form = objs.get(xobjects.get(op[4]) ?? -1);
        if (form?.stream && /\/Subtype\s*\/Form/.test(form.dict)) out += show(form.stream.toString('latin1'), resourcesOf(form.dict) || resources);
      } else out += '\n';
    }
    return out;
  };
  const pages = [...objs.values()].filter((o) => /\/Type\s*\/Page(?![a-z])/.test(o.dict));
  return pages.map((page) => {
    const contents = /\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? `${ref(page.dict, 'Contents') ?? ''} 0 R`;
    const streams = [...contents.matchAll(/(\d+) 0 R/g)].map(([, id = '']) => objs.get(Number(id))?.stream?.toString('latin1') ?? '');
    return show(streams.join('\n'), resourcesOf(page.dict));
  });
}
