/**
 * A header cell's heading as a user reads it (docs/domain.md, "Header cells as they really are"): its
 * text without what only looks like text in the markup. Grid libraries put more than the heading in a
 * header cell: an icon font's ligature name ("arrow_downward" is how a Material icon is written), a
 * tooltip's content, sort and filter buttons, hidden elements. Header cells are few, so this walks each
 * one fully; body cells never come here.
 */
import { normalizeText } from '../text';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Elements whose text is never shown. */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'template', 'noscript', 'mat-icon', 'svg']);
/** Inline elements: no word break around them. */
const INLINE_ELEMENTS = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'em', 'font', 'i', 'small', 'span', 'strong', 'sub', 'sup', 'u']);
/**
 * Class names of icon fonts, tooltips' content, and sort and filter controls of the grid libraries
 * portals use (Material icons, Vuetify, Element Plus, Ant Design, Angular Material). A class name is the
 * only mark these carry; each entry is a whole class name.
 */
const SKIPPED_CLASSES = new Set([
  'material-icons', 'material-icons-outlined', 'material-icons-round', 'material-icons-sharp', 'material-symbols-outlined',
  'material-symbols-rounded', 'material-symbols-sharp', 'v-icon', 'mdi', 'fa', 'el-icon', 'anticon', 'glyphicon',
  'v-tooltip__content', 'el-tooltip__popper', 'el-popper', 'ant-tooltip', 'mat-tooltip', 'mat-mdc-tooltip', 'tooltip',
  'ant-table-column-sorter', 'ant-table-filter-trigger', 'caret-wrapper', 'mat-sort-header-arrow', 'sort-icon',
  'v-data-table-header__icon', 'el-table__column-filter-trigger', 'ag-header-icon', 'ag-sort-indicator-container',
  'ag-header-cell-menu-button', 'dt-column-order', 'sr-only', 'visually-hidden', 'cdk-visually-hidden',
]);
const DISPLAY_NONE = /(?:^|;)\s*display\s*:\s*none\b/i;

function hiddenOrDecoration(element: Element): boolean {
  if (SKIPPED_ELEMENTS.has(element.localName)) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  if (element.getAttribute('role') === 'tooltip') return true;
  const style = element.getAttribute('style');
  if (style !== null && DISPLAY_NONE.test(style)) return true;
  const classes = element.classList;
  for (let i = 0; i < classes.length; i++) if (SKIPPED_CLASSES.has(classes[i]!)) return true;
  return false;
}

/** The cell's text without hidden elements and decorations; buttons left out when `buttons` is false. */
function visibleText(node: Node, buttons: boolean, out: string[]): void {
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    const type = child.nodeType;
    if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
      out.push((child as CharacterData).data);
    } else if (type === ELEMENT_NODE) {
      const element = child as Element;
      if (hiddenOrDecoration(element)) continue;
      if (!buttons && (element.localName === 'button' || element.getAttribute('role') === 'button')) continue;
      const inline = INLINE_ELEMENTS.has(element.localName);
      if (!inline) out.push(' ');
      visibleText(element, buttons, out);
      if (!inline) out.push(' ');
    }
  }
}

/**
 * The heading a header cell shows, normalised (not lower-cased). A button inside the cell is a sort or
 * filter control when the cell has other text; where the button holds the only text (a sortable heading
 * drawn as a button), it is the heading.
 */
export function headingText(cell: Element): string {
  const parts: string[] = [];
  visibleText(cell, false, parts);
  const withoutButtons = normalizeText(parts.join(''));
  if (withoutButtons) return withoutButtons;
  parts.length = 0;
  visibleText(cell, true, parts);
  return normalizeText(parts.join(''));
}
