import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../lib/i18n/problem';
import { CATALOGS, createTranslator, en, formatNumberVi, renderProblem, vi, type Language, type MessageKey } from '../../../lib/i18n/translate';

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
 * The codes of lib/i18n/problem.ts and the fields of each, read from its source: the interface is the one
 * declaration of the codes, and types leave nothing to compare at run time.
 */
function problemFields(): Map<string, string[]> {
  const path = join(import.meta.dirname, '..', '..', '..', 'lib', 'i18n', 'problem.ts');
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const fields = new Map<string, string[]>();
  file.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'ProblemFields') return;
    for (const member of node.members) {
      if (!ts.isPropertySignature(member) || !member.type || !ts.isStringLiteral(member.name)) throw new Error(`unexpected member ${member.getText(file)}`);
      const type = member.type;
      if (ts.isTypeLiteralNode(type)) {
        fields.set(member.name.text, type.members.map((field) => (field.name as ts.Identifier).text).sort());
      } else if (type.getText(file) === 'Record<never, never>') {
        fields.set(member.name.text, []);
      } else {
        throw new Error(`${member.name.text}: write its fields as { name: type }`);
      }
    }
  });
  return fields;
}

describe('problem codes', () => {
  const codes = problemFields();

  it('reads the codes of lib/i18n/problem.ts', () => {
    expect(codes.size).toBeGreaterThan(10);
    expect(codes.get('real-date-before-receipt')).toEqual(['day', 'received']);
    expect(codes.get('real-date-empty')).toEqual([]);
  });

  it.each([...codes.keys()])('%s: an entry in every catalog whose placeholders are exactly its fields', (code) => {
    for (const catalog of Object.values(CATALOGS)) {
      const text = (catalog as Record<string, string>)[`problem.${code}`];
      expect(text, `problem.${code}`).toBeTypeOf('string');
      expect([...new Set(placeholders(text!))].sort()).toEqual(codes.get(code));
    }
  });

  it('every problem.* entry is a code', () => {
    const entries = Object.keys(vi).filter((key) => key.startsWith('problem.'));
    expect(entries.map((key) => key.slice('problem.'.length)).sort()).toEqual([...codes.keys()].sort());
  });

  it('renderProblem words a problem in the translator\'s language, numbers formatted as the catalogs do', () => {
    const problem: Problem = { code: 'override-repeated', line: 1200, day: '02/01/2026', other: 3 };
    expect(renderProblem(createTranslator('vi'), problem)).toBe('Dòng 1.200: ngày 02/01/2026 đã có ở dòng 3.');
    expect(renderProblem(createTranslator('en'), problem)).toBe('Line 1200: 02/01/2026 is already on line 3.');
  });
});
