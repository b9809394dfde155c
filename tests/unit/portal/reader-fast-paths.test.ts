// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cellText, readDossierTables } from '../../../lib/portal/reader';

/**
 * The reader's fast paths (a cell without element children or made of leaves read by textContent, the
 * lines of a composite cell joined in one replace, labels found from the character before each colon)
 * give what the general walk gives.
 */
afterEach(() => {
  document.body.replaceChildren();
});

function cell(html: string): Element {
  document.body.innerHTML = `<table><tbody><tr><td>${html}</td></tr></tbody></table>`;
  return document.querySelector('td')!;
}

describe('cellText: leaves read by textContent', () => {
  it.each([
    ['text only', 'a b', 'a b'],
    ['text and a comment', 'a<!-- x -->b', 'ab'],
    ['block leaves', '<div>a</div><div>b</div>', '\na\n\nb\n'],
    ['block leaves as nested as the walk sees them', '<div><span>a</span></div><div><span>b</span></div>', '\na\n\nb\n'],
    ['an inline leaf between blocks', '<div>a</div><b>c</b><div>b</div>', '\na\nc\nb\n'],
    ['a block leaf with a comment', '<div>a<!-- x -->b</div>', '\nab\n'],
    ['an empty block leaf', '<div></div>x', '\n\nx'],
    ['a skipped leaf', '<div>a</div><script>var x;</script><style>p{}</style>', '\na\n'],
    ['line breaks', 'a<br>b<div>c<br>d</div>', 'a\nb\nc\nd\n'],
  ])('%s', (_name, html, text) => {
    expect(cellText(cell(html))).toBe(text);
  });
});

describe('composite cells: the same fields with and without line-break elements', () => {
  const HEAD = '<table><thead><tr><th>STT</th><th>Thông tin hồ sơ</th><th>Chủ hồ sơ</th></tr></thead><tbody>';
  const code = (n: number) => `000.00.23.H34-240312-000${n}`;
  const read = (info: (n: number) => string) => {
    document.body.innerHTML = `${HEAD}${[1, 2].map((n) => `<tr><td>${n}</td><td>${info(n)}</td><td>Nguyễn Văn An</td></tr>`).join('')}</tbody></table>`;
    const [table] = readDossierTables(document);
    return table?.dossiers.map((d) => d.dossier);
  };
  const lines = (n: number) => [`${code(n)}`, '- Trạng thái hồ sơ : Đang xử lý', '- Tiếp nhận trực tiếp: 12/03/2024 08:15, hẹn trả: 15/03/2024 17:00'];
  const variants: [string, (n: number) => string][] = [
    ['divs', (n) => lines(n).map((line) => `<div>${line}</div>`).join('')],
    ['divs around inline elements', (n) => lines(n).map((line) => `<div><span>${line}</span></div>`).join('')],
    ['<br>', (n) => lines(n).join('<br>')],
    ['<br> with spaces and empty lines', (n) => ` ${lines(n).join(' <br><br> ')} `],
    ['paragraphs and a bold code', (n) => `<p><b>${code(n)}</b></p>${lines(n).slice(1).map((line) => `<p>${line}</p>`).join('')}`],
    ['full-width colons', (n) => lines(n).map((line) => line.replace(' :', '：').replace('tiếp:', 'tiếp：').replace('trả:', 'trả：')).join('<br>')],
  ];

  it('reads one text with no line breaks the same: a value runs to the next label, without trailing separators', () => {
    const flat = read((n) => lines(n).join(' '));
    expect(flat?.[0]).toMatchObject({
      code: code(1),
      status: 'Đang xử lý',
      received: { day: '2024-03-12', time: '08:15' },
      due: { day: '2024-03-15', time: '17:00' },
    });
  });

  it.each(variants)('%s', (_name, info) => {
    const dossiers = read(info);
    expect(dossiers).toHaveLength(2);
    expect(dossiers?.[1]).toMatchObject({
      code: code(2),
      status: 'Đang xử lý',
      applicant: 'Nguyễn Văn An',
      received: { day: '2024-03-12', time: '08:15' },
      due: { day: '2024-03-15', time: '17:00' },
    });
    expect(dossiers).toEqual(read(variants[0]![1]));
  });
});
