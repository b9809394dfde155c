/**
 * No hard-coded user-visible text in the UI: every JSX text with a letter, every string literal given as a
 * JSX child, and every string literal given to placeholder / title / aria-label / alt must come from the
 * catalogs in lib/i18n/ (`t('key')`). Symbols and numbers (`×`, `·`, `12`) are not words and pass.
 */

// Any letter, Vietnamese included. (The range [A-Za-zÀ-ỹ] would also take '×' U+00D7 and '÷' U+00F7.)
const LETTER = /\p{L}/u;
const TEXT_ATTRIBUTES = new Set(['placeholder', 'title', 'aria-label', 'alt']);
/** The options page shows a syntax example as a placeholder: `field: name | name`. */
const PLACEHOLDER_EXAMPLE = /^[a-z]+: /;

/** The text of a string literal or of a template literal without expressions; null for anything else. */
function literalText(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked ?? '';
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'UI text comes from the catalogs in lib/i18n/, not from string literals in JSX' },
    schema: [],
    messages: {
      text: 'Hard-coded UI text {{text}}: put it in the catalogs (lib/i18n/vi.ts, lib/i18n/en.ts) and use t().',
      attribute: 'Hard-coded {{name}} {{text}}: put it in the catalogs (lib/i18n/vi.ts, lib/i18n/en.ts) and use t().',
    },
  },
  create(context) {
    return {
      JSXText(node) {
        if (LETTER.test(node.value)) context.report({ node, messageId: 'text', data: { text: JSON.stringify(node.value.trim()) } });
      },
      JSXExpressionContainer(node) {
        if (node.parent.type !== 'JSXElement' && node.parent.type !== 'JSXFragment') return;
        const text = literalText(node.expression);
        if (text !== null && LETTER.test(text)) context.report({ node, messageId: 'text', data: { text: JSON.stringify(text) } });
      },
      JSXAttribute(node) {
        if (node.name.type !== 'JSXIdentifier' || !TEXT_ATTRIBUTES.has(node.name.name)) return;
        const value = node.value?.type === 'JSXExpressionContainer' ? node.value.expression : node.value;
        const text = literalText(value);
        if (text === null || text.trim() === '') return;
        if (node.name.name === 'placeholder' && PLACEHOLDER_EXAMPLE.test(text)) return;
        context.report({ node, messageId: 'attribute', data: { name: node.name.name, text: JSON.stringify(text) } });
      },
    };
  },
};
