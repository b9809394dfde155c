import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { APPENDIX_HEADINGS, buildAppendixRows } from '@/lib/appendix/rows';
import { appendixCsv } from '@/lib/appendix/csv';
import type { StoredDossier } from '@/lib/dossier/model';

/**
 * The exported appendix read back by a real spreadsheet program: LibreOffice (headless) opens the CSV
 * with either delimiter, every column as text, and writes it out again; every cell must be what was
 * exported, Vietnamese intact, formulas never evaluated.
 *
 * LibreOffice comes from Debian (`apt-get install libreoffice-calc-nogui`, done by .ci/run). Where it
 * is missing this suite fails under CI and is skipped, with a message, on a developer's machine.
 */
const SOFFICE = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((path) => existsSync(path));
const REQUIRED = process.env.CI === 'true' || process.env.CI === '1';
if (!SOFFICE && !REQUIRED) console.warn('libreoffice.test.ts skipped: no LibreOffice (apt-get install libreoffice-calc-nogui)');

const TODAY = '2026-11-27';
const HOSTILE = [
  '=HYPERLINK("http://evil","x")',
  '+1+1',
  '-2+3',
  '@SUM(1;2)',
  '\tTab đầu',
  '\nXuống dòng đầu',
  'Có "ngoặc kép", dấu phẩy; chấm phẩy',
  'Dòng 1\r\nDòng 2 trong ghi chú',
  'Tiếng Việt gõ kiểu tổ hợp: Nguyễn Văn Ánh'.normalize('NFD'),
];

function dossier(index: number): StoredDossier {
  const text = HOSTILE[index % HOSTILE.length]!;
  return {
    code: `000.00.23.H34-261101-${String(index + 1).padStart(4, '0')}`,
    procedure: index % 2 ? text : 'Đăng ký khai sinh',
    sector: index % 3 ? 'Hộ tịch' : text,
    applicant: text,
    received: { day: '2026-11-01', time: `08:${String(index).padStart(2, '0')}` },
    due: { day: '2026-11-10' },
    closed: index % 2 ? { day: '2026-11-12' } : null,
    status: 'Đang xử lý',
    unit: index % 4 ? 'UBND xã Đắk Cấm' : text,
    firstSeen: 0,
    lastSeen: 0,
    pageUrl: 'https://dichvucong.kontum.gov.vn/vi/dossier/search',
    tag: { realReturn: index % 2 ? '2026-11-10' : '2026-11-09', reason: text, note: HOSTILE[(index + 3) % HOSTILE.length]!, by: 'An', at: 1 },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'appendix-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every column imported as Text (format 2), so LibreOffice keeps dates and codes exactly as written. */
const TEXT_COLUMNS = APPENDIX_HEADINGS.map((_, index) => `${index + 1}/2`).join('/');

function roundTrip(csv: string, delimiter: ',' | ';', name: string): string[][] {
  const input = join(dir, `${name}.csv`);
  writeFileSync(input, csv, 'utf8');
  const separator = delimiter.charCodeAt(0);
  execFileSync(
    SOFFICE!,
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      `--infilter=CSV:${separator},34,76,1,${TEXT_COLUMNS},0,false,false,false,false,false`,
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,false,false,false',
      '--outdir',
      join(dir, 'out'),
      input,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const output = readFileSync(join(dir, 'out', `${name}.csv`), 'utf8');
  return Papa.parse<string[]>(output.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

describe.skipIf(!SOFFICE && !REQUIRED)('the appendix CSV read back by LibreOffice', () => {
  const rows = buildAppendixRows(Array.from({ length: 18 }, (_, index) => dossier(index)), { today: TODAY });

  it.each([
    [',', 'comma'],
    [';', 'semicolon'],
  ] as const)('with the %s delimiter every cell matches what was exported', (delimiter, name) => {
    if (!SOFFICE) throw new Error('LibreOffice is required under CI: apt-get install libreoffice-calc-nogui');
    const csv = appendixCsv(rows, { delimiter });
    const exported = Papa.parse<string[]>(csv.slice(1), { delimiter, skipEmptyLines: true }).data;
    const readBack = roundTrip(csv, delimiter, name);
    expect(readBack[0]).toEqual([...APPENDIX_HEADINGS]);
    expect(readBack).toHaveLength(rows.length + 1);
    // LibreOffice stores a line break inside a cell as LF.
    expect(readBack).toEqual(exported.map((row) => row.map((cell) => cell.replace(/\r\n?/g, '\n'))));
    // Vietnamese is intact and in NFC; formulas stayed text with their apostrophe.
    const flat = readBack.flat();
    expect(flat).toContain('Tiếng Việt gõ kiểu tổ hợp: Nguyễn Văn Ánh');
    expect(flat).toContain(`'=HYPERLINK("http://evil","x")`);
    expect(flat.some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
    expect(flat).toContain('Dòng 1\nDòng 2 trong ghi chú');
    // A cold LibreOffice start takes longer than Vitest's default 5 s on a loaded machine.
  }, 120_000);
});
