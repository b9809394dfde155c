import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CATALOGS, createTranslator, en, formatNumberVi, vi, type Language, type MessageKey } from '../../../lib/i18n/translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const keysOf = (catalog: Record<string, string>) => Object.keys(catalog).sort();

describe('catalogs', () => {
  it('vi and en have exactly the same keys', () => {
    expect(keysOf(en)).toEqual(keysOf(vi));
    expect(keysOf(CATALOGS.vi)).toEqual(keysOf(CATALOGS.en));
  });

  const keys = Object.keys(vi) as MessageKey[];

  it.each(keys)('%s: same placeholders in vi and en', (key) => {
    expect(placeholders(en[key])).toEqual(placeholders(vi[key]));
  });

  it.each(keys)('%s: no empty message, no stray brace', (key) => {
    for (const text of [vi[key], en[key]]) {
      expect(typeof text).toBe('string');
      expect(text.trim()).not.toBe('');
      // Every '{' opens a well-formed placeholder.
      expect(text.replace(/\{\w+\}/g, '')).not.toMatch(/[{}]/);
    }
  });
});

describe('formatNumberVi writes numbers as Intl.NumberFormat("vi-VN") does', () => {
  const intl = new Intl.NumberFormat('vi-VN');
  const fixed = [
    0, -0, 1, 7, 12.5, 999, 1000, 1234, 9999, 10000, 123456, 1234567, 1e9, 1234567.891, -1234.5678, 0.0005,
    0.0004, 0.0015, 2.5e-7, 999.9995, 1.0005, 0.1 + 0.2, 100.1, 1000.5, -0.0001, 1e20, 2 ** 53, 1e21, 1.5e22,
    Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity,
  ];
  it.each(fixed.map((value) => [String(value), value]))('%s', (_name, value) => {
    expect(formatNumberVi(value)).toBe(intl.format(value));
  });

  it('agrees on 5,000 pseudo-random counts, rates and fractions', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 5_000; i++) {
      const scale = 10 ** Math.floor(random() * 10 - 3);
      const value = (random() - 0.2) * scale;
      const rounded = i % 3 === 0 ? Math.round(value) : i % 3 === 1 ? Math.round(value * 10) / 10 : value;
      expect(formatNumberVi(rounded), String(rounded)).toBe(intl.format(rounded));
    }
  });

  it('groups counts with dots, which the panel-count hook reads as one number', () => {
    expect(createTranslator('vi')('panel.count', { count: 12345 })).toContain('12.345');
    expect(createTranslator('en')('panel.count', { count: 12345 })).toContain('12345');
  });
});

describe('createTranslator', () => {
  it.each<[Language, MessageKey, Record<string, string | number> | undefined, string]>([
    ['vi', 'panel.count', { count: 12345 }, '12.345 hồ sơ trễ hạn trên trang này'],
    ['en', 'panel.count', { count: 12345 }, '12345 late dossiers on this page'],
    ['vi', 'panel.count', { count: 7 }, '7 hồ sơ trễ hạn trên trang này'],
    ['vi', 'popup.countLate', { count: 1234567 }, '1.234.567 hồ sơ trễ hạn trên Hệ thống'],
    ['en', 'popup.countLate', { count: 1234567 }, '1234567 dossiers late on the system'],
    ['vi', 'panel.tables', { rows: 1500, tables: 2 }, 'Đã đọc 1.500 hồ sơ trong 2 bảng'],
    ['en', 'panel.tables', { rows: 1500, tables: 2 }, 'Read 1500 dossiers in 2 tables'],
    ['en', 'row.lateByWorking', { days: 10, working: 6 }, '10 days late (6 working days)'],
    ['vi', 'panel.noMatch', { filter: 'H12' }, 'Không có hồ sơ nào khớp với “H12”.'],
    // Strings are never reformatted, even when they look like numbers.
    ['vi', 'panel.noMatch', { filter: '12345' }, 'Không có hồ sơ nào khớp với “12345”.'],
    ['en', 'panel.selectRow', { code: '000.00.12.H34-260105-0001' }, 'Select dossier 000.00.12.H34-260105-0001'],
    // A parameter that the message does not use changes nothing; a missing one stays as is.
    ['en', 'panel.count', { other: 3 }, '{count} late dossiers on this page'],
    ['vi', 'row.lateByWorking', { days: 2 }, 'trễ 2 ngày ({working} ngày làm việc)'],
    ['en', 'panel.count', undefined, '{count} late dossiers on this page'],
    ['en', 'panel.saved', { count: 1 }, 'Saved'],
    // A value that itself looks like a placeholder is not expanded again.
    ['en', 'error.unknown', { message: '{message}' }, 'Something went wrong: {message}'],
  ])('%s %s %j', (language, key, params, expected) => {
    expect(createTranslator(language)(key, params)).toBe(expected);
  });
});

/**
 * No hard-coded user-visible text in components/: every JSX text with a letter, and every string literal
 * given to placeholder / title / aria-label / alt, must come from the catalogs. The TypeScript parser finds
 * JSX text exactly (no false hits on `=>` or generics), so the scan stays simple and deterministic.
 */
// Any letter, Vietnamese included. (The range [A-Za-zÀ-ỹ] would also take '×' U+00D7 and '÷' U+00F7.)
const LETTER = /\p{L}/u;
const TEXT_ATTRIBUTES = new Set(['placeholder', 'title', 'aria-label', 'alt']);
/** The options page shows a syntax example as a placeholder: `field: name | name`. */
const PLACEHOLDER_EXAMPLE = /^[a-z]+: /;

function hardCodedStrings(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
    found.push(`${fileName}:${line}: ${JSON.stringify(text.trim())}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && ts.isJsxElement(node.parent) && ts.isStringLiteralLike(node.expression) && LETTER.test(node.expression.text)) {
      report(node, node.expression.text);
    }
    if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(file);
      let value: ts.Expression | undefined = node.initializer;
      if (value && ts.isJsxExpression(value)) value = value.expression;
      if (TEXT_ATTRIBUTES.has(name) && value && ts.isStringLiteralLike(value) && value.text.trim() !== '') {
        if (!(name === 'placeholder' && PLACEHOLDER_EXAMPLE.test(value.text))) report(node, `${name}=${value.text}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('hard-coded string scanner', () => {
  it.each<[string, string, number]>([
    ['translated text', 'const A = () => <p>{t("x")}</p>;', 0],
    ['plain JSX text', 'const A = () => <p>Xin chào</p>;', 1],
    ['Vietnamese-only letters', 'const A = () => <b>Đ</b>;', 1],
    ['symbols only', 'const A = () => <button>× · — 12 ÷</button>;', 0],
    ['Latin letters with diacritics', 'const A = () => <i>Ấn</i>;', 1],
    ['text beside an expression', 'const A = () => <p>{n} hồ sơ</p>;', 1],
    ['text inside a conditional', 'const A = () => <div>{ok && <span>Done</span>}</div>;', 1],
    ['string literal child', 'const A = () => <p>{"Lưu"}</p>;', 1],
    ['arrow and generics are not JSX text', 'const f = (x: Array<string>) => x.length < 3 && x.length > 1; const A = () => <p>{f([]) ? t("a") : t("b")}</p>;', 0],
    ['title literal', 'const A = () => <div title="Close" />;', 1],
    ['aria-label literal', 'const A = () => <button aria-label="×" />;', 1],
    ['aria-label in braces', "const A = () => <button aria-label={'Close'} />;", 1],
    ['alt literal', 'const A = () => <img alt="logo" />;', 1],
    ['placeholder literal', 'const A = () => <input placeholder="Nhập mã" />;', 1],
    ['placeholder syntax example', 'const A = () => <textarea placeholder="due: Ngày hẹn | Hạn trả" />;', 0],
    ['other attributes are code', 'const A = () => <input type="date" className="mcpl-x" data-testid="row-date" />;', 0],
    ['translated attributes', 'const A = () => <input placeholder={t("a")} title={t("b")} aria-label={t("c")} />;', 0],
    ['empty alt', 'const A = () => <img alt="" />;', 0],
  ])('%s', (_label, source, count) => {
    expect(hardCodedStrings('fixture.tsx', source)).toHaveLength(count);
  });
});

const ROOT = join(import.meta.dirname, '..', '..', '..');
const COMPONENTS = join(ROOT, 'components');
function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

describe('components/ have no hard-coded user-visible strings', () => {
  const files = tsxFiles(COMPONENTS).sort();
  it('finds the components', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  it.each(files.map((path) => relative(ROOT, path)))('%s', (name) => {
    expect(hardCodedStrings(name, readFileSync(join(ROOT, name), 'utf8'))).toEqual([]);
  });
});
