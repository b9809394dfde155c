/**
 * Benchmark 7 — bundle sizes of the built extension: raw bytes and gzip (zlib level 9, what a store or a
 * proxy would send) of every JavaScript and CSS file in .output/chrome-mv3, and the total of the
 * extension. Informational: no target; the numbers show how much each entry point costs to load.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fmt, result } from './common.mjs';

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function benchSizes({ extensionDir, log = console.log } = {}) {
  const files = walk(extensionDir)
    .map((path) => {
      const bytes = readFileSync(path);
      return { file: relative(extensionDir, path), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => b.raw - a.raw);
  const code = files.filter((f) => /\.(m?js|css)$/.test(f.file));
  const total = files.reduce((s, f) => ({ raw: s.raw + f.raw, gzip: s.gzip + f.gzip }), { raw: 0, gzip: 0 });
  const kb = (n) => `${fmt(n / 1024)} KiB`;
  const rows = code.map((f) =>
    result({ bench: '7. Bundle size', figure: f.file, value: `${kb(f.raw)} (gzip ${kb(f.gzip)})`, unit: '', target: 'info' }),
  );
  rows.push(
    result({
      bench: '7. Bundle size',
      figure: `total, all ${files.length} files of the extension`,
      value: `${kb(total.raw)} (gzip ${kb(total.gzip)})`,
      unit: '',
      target: 'info',
    }),
  );
  log(`  sizes: ${code.length} code files, total ${kb(total.raw)} raw, ${kb(total.gzip)} gzip`);
  return { rows, files, total };
}
