import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import rule from '../../../eslint-rules/no-hard-coded-text.js';

// RuleTester writes its cases with the test framework's describe/it; these are Vitest's.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
});

const valid = (name: string, code: string) => ({ name, code, filename: 'fixture.tsx' });
const invalid = (name: string, code: string, messageIds: ('text' | 'attribute')[]) => ({
  name,
  code,
  filename: 'fixture.tsx',
  errors: messageIds.map((messageId) => ({ messageId })),
});

tester.run('no-hard-coded-text', rule, {
  valid: [
    valid('translated text', 'const A = () => <p>{t("x")}</p>;'),
    valid('symbols only', 'const A = () => <button>× · — 12 ÷</button>;'),
    valid('arrow and generics are not JSX text', 'const f = (x: Array<string>) => x.length < 3 && x.length > 1; const A = () => <p>{f([]) ? t("a") : t("b")}</p>;'),
    valid('placeholder syntax example', 'const A = () => <textarea placeholder="due: Ngày hẹn | Hạn trả" />;'),
    valid('other attributes are code', 'const A = () => <input type="date" className="mcpl-x" data-testid="row-date" />;'),
    valid('translated attributes', 'const A = () => <input placeholder={t("a")} title={t("b")} aria-label={t("c")} />;'),
    valid('empty alt', 'const A = () => <img alt="" />;'),
    valid('a string outside JSX is code', 'const kind = "error"; const A = () => <p className={kind}>{t(kind)}</p>;'),
    valid('a string passed to a component prop other than a text attribute', 'const A = () => <Row kind="late" />;'),
  ],
  invalid: [
    invalid('plain JSX text', 'const A = () => <p>Xin chào</p>;', ['text']),
    invalid('Vietnamese-only letters', 'const A = () => <b>Đ</b>;', ['text']),
    invalid('Latin letters with diacritics', 'const A = () => <i>Ấn</i>;', ['text']),
    invalid('text beside an expression', 'const A = () => <p>{n} hồ sơ</p>;', ['text']),
    invalid('text inside a conditional', 'const A = () => <div>{ok && <span>Done</span>}</div>;', ['text']),
    invalid('text in a fragment', 'const A = () => <>Done</>;', ['text']),
    invalid('string literal child', 'const A = () => <p>{"Lưu"}</p>;', ['text']),
    invalid('template literal child', 'const A = () => <p>{`Lưu`}</p>;', ['text']),
    invalid('title literal', 'const A = () => <div title="Close" />;', ['attribute']),
    invalid('aria-label literal', 'const A = () => <button aria-label="×" />;', ['attribute']),
    invalid('aria-label in braces', "const A = () => <button aria-label={'Close'} />;", ['attribute']),
    invalid('alt literal', 'const A = () => <img alt="logo" />;', ['attribute']),
    invalid('placeholder literal', 'const A = () => <input placeholder="Nhập mã" />;', ['attribute']),
    invalid('two at once', 'const A = () => <p title="x">Lưu</p>;', ['attribute', 'text']),
  ],
});
