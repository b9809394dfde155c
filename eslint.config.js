import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from './tests/support/eslint-globals.js';
import noHardCodedText from './eslint-rules/no-hard-coded-text.js';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/artifacts/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/grids/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Every UI string comes from the catalogs in lib/i18n/.
    files: ['components/**/*.tsx', 'entrypoints/**/*.tsx'],
    plugins: { motcua: { rules: { 'no-hard-coded-text': noHardCodedText } } },
    rules: { 'motcua/no-hard-coded-text': 'error' },
  },
  {
    // The content script shows no text: it loads no catalog (types from them are fine, they are erased).
    files: ['entrypoints/content/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        ...['@/lib/i18n/translate', '@/lib/i18n/vi', '@/lib/i18n/en'].map((name) => ({
          name,
          allowTypeImports: true,
          message: 'The content script loads no catalog: pass a problem or a key to the panel, which words it.',
        })),
      ],
    },
  },
  {
    // Playwright fixtures take `{}` when they need no other fixture.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // The product's code: page text is only ever text, and dates are parsed explicitly.
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Page text is text: use textContent.' },
        { property: 'outerHTML', message: 'Page text is text: use textContent.' },
        { property: 'insertAdjacentHTML', message: 'Page text is text: use textContent.' },
        { object: 'Date', property: 'parse', message: 'Parse dates explicitly (lib/portal/portal-date.ts).' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Page text is text.' },
        { selector: "NewExpression[callee.name='Date'][arguments.0.type='Literal']", message: 'Parse dates explicitly (lib/portal/portal-date.ts).' },
        { selector: "NewExpression[callee.name='Date'][arguments.0.type='TemplateLiteral']", message: 'Parse dates explicitly (lib/portal/portal-date.ts).' },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals },
  },
);
