// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cellText, readDossierTables } from '../../../lib/portal/reader';
import { cellPieces } from '../../../lib/portal/reader/cell-text';
import { createLabelReader } from '../../../lib/portal/reader/composite';
import { cellLines } from '../../../lib/portal/text';
import { emptyBodyAfterEach } from './mount';

/**
 * The reader's fast paths (a cell without element children or made of leaves read by textContent, a
 * composite cell read as the pieces between its line breaks, labels found from the character before each
 * colon) give what the general walk gives.
 */
emptyBodyAfterEach();

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
    ['comments among blocks (as frameworks leave them)', '<!-- Mã: 1 --><div>a</div><!--ng-->b<!---->', '\na\nb'],
    ['comments inside a block with children', '<div><!-- x --><b>a</b><!-- y -->c</div>', '\nac\n'],
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

describe('cellPieces: the lines of cellText without the joining', () => {
  /** What the composite-cell reading sees: the normalised lines of a cell's pieces. */
  const piecesAsLines = (element: Element): string[] => {
    const pieces: string[] = [];
    cellPieces(element, pieces);
    return pieces.flatMap((piece) => cellLines(piece));
  };

  it.each([
    ['text only', ' a  b '],
    ['block leaves', '<div>a</div><div>b</div>'],
    ['nested blocks and inline parts', '<div><b>Mã:</b> 1</div><p>x <i>y</i> z</p>tail'],
    ['line breaks, empty lines and spaces', ' a <br><br> b <br>'],
    ['skipped elements and comments', '<div>a<!-- c --></div><script>var x;</script><style>p{}</style>b'],
    ['comments among blocks', '<!-- Mã: 1 --><div>a</div><!--ng-->b<!----><div><!-- x --><b>c</b></div>'],
    ['a text node with its own line break', 'a\nb<div>c\r\nd</div>'],
    ['an inline leaf between blocks', '<div>a</div><b>c</b><div>b</div>'],
    ['an empty block leaf', '<div></div>x<div> </div>'],
    ['invisible controls and wide spaces', '\u200ea\u00a0\u00a0b<div>\u202ec</div>'],
  ])('%s', (_name, html) => {
    const element = cell(html);
    expect(piecesAsLines(element)).toEqual(cellLines(cellText(element)));
  });

  it('agrees with cellText on random markup', () => {
    const parts = ['a', ' ', 'Hẹn trả: 15/03/2024', '<br>', '<div>', '</div>', '<span>', '</span>', '<p>x</p>', '\n', '<b>y</b>', '<!-- c -->'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % parts.length;
    for (let round = 0; round < 300; round++) {
      const html = Array.from({ length: 12 }, () => parts[next()]).join('');
      const element = cell(html);
      expect(piecesAsLines(element), html).toEqual(cellLines(cellText(element)));
    }
  });
});

describe('labels: compared in either case, one value per label', () => {
  const reader = createLabelReader(['received', 'due', 'closed', 'status'], { 'thời hạn': 'due' })!;

  it.each([
    ['upper case', 'HẸN TRẢ: 15/03/2024', { due: '15/03/2024' }],
    ['mixed case', 'hẸn TrẢ : 15/03/2024', { due: '15/03/2024' }],
    ['a label glued to a word is none', 'Lịchhẹn trả: 15/03/2024', {}],
    ['after a dash', '-Hẹn trả: 15/03/2024', { due: '15/03/2024' }],
    ['two labels on a line, separators dropped', 'Tiếp nhận: 12/03/2024 08:00, Hẹn trả: 15/03/2024 –', { received: '12/03/2024 08:00', due: '15/03/2024' }],
    ['the longer label first', 'Tiếp nhận trực tiếp: 12/03/2024', { received: '12/03/2024' }],
    ['the colon of a time is no label', 'Ngày kết thúc 16:30', {}],
    ['a label staff mapped', 'Thời hạn: 15/03/2024', { due: '15/03/2024' }],
    ['the full-width colon', 'Trạng thái hồ sơ：Đang xử lý', { status: 'Đang xử lý' }],
    ['an empty value', 'Hẹn trả: , Trạng thái: Mới', { due: '', status: 'Mới' }],
  ])('%s', (_name, line, expected) => {
    expect(reader.read(line)).toEqual(expected);
  });

  it('keeps the first label of a field, line after line', () => {
    expect(reader.read('Hẹn trả: 15/03/2024\nHạn xử lý: 20/03/2024')).toEqual({ due: '15/03/2024' });
    expect(reader.readLine('Hẹn trả: 15/03/2024, Hạn xử lý: 20/03/2024')).toEqual(['due', '15/03/2024', 'due', '20/03/2024']);
    expect(reader.readLine('Không có nhãn')).toBeNull();
  });
});

describe('dates shared by rows', () => {
  it('reads rows with the same date text to equal dates, each dossier its own fields', () => {
    const rows = [1, 2, 3].map((n) => `<tr><td>000.00.23.H34-240312-000${n}</td><td>15/03/2024 17:00</td><td>${n === 2 ? 'Đã trả kết quả' : 'Đang xử lý'}</td></tr>`);
    document.body.innerHTML = `<table><thead><tr><th>Mã hồ sơ</th><th>Ngày hẹn trả</th><th>Trạng thái</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
    const dossiers = readDossierTables(document)[0]!.dossiers.map((d) => d.dossier);
    expect(dossiers.map((d) => [d.code, d.due, d.status])).toEqual([
      ['000.00.23.H34-240312-0001', { day: '2024-03-15', time: '17:00' }, 'Đang xử lý'],
      ['000.00.23.H34-240312-0002', { day: '2024-03-15', time: '17:00' }, 'Đã trả kết quả'],
      ['000.00.23.H34-240312-0003', { day: '2024-03-15', time: '17:00' }, 'Đang xử lý'],
    ]);
  });

  // Pairs of rows with one text each: the usual shape (cached by key where labelled), other shapes (by
  // text), a day that does not exist in the usual shape, then texts that differ by one digit from the
  // ones before them.
  const texts = ['15/03/2024 17:00', '15/03/2024', '5/3/2024', '15-03-2024 17:00', '31/02/2024', '15/03/2024 17:01', '16/03/2024', '25/03/2024 17:00'];
  const code = (i: number, k: number) => `000.00.23.H34-240312-00${i}${k}`;
  const inCells = texts.flatMap((text, i) => [0, 1].map((k) => `<tr><td>${code(i, k)}</td><td>${text}</td></tr>`));
  const labelled = texts.flatMap((text, i) => [0, 1].map((k) => `<tr><td><div>${code(i, k)}</div><div>- Hẹn trả: ${text}</div></td></tr>`));
  it.each([
    ['in their own column', `<table><thead><tr><th>Mã hồ sơ</th><th>Ngày hẹn trả</th></tr></thead><tbody>${inCells.join('')}</tbody></table>`],
    ['labelled in a composite cell', `<table><thead><tr><th>Thông tin hồ sơ</th></tr></thead><tbody>${labelled.join('')}</tbody></table>`],
  ])('reads every shape of date text the same way, repeated or not, %s', (_name, html) => {
    document.body.innerHTML = html;
    const [table] = readDossierTables(document);
    const dues = table!.dossiers.map((d) => d.dossier.due);
    expect(dues).toEqual([
      { day: '2024-03-15', time: '17:00' },
      { day: '2024-03-15', time: '17:00' },
      { day: '2024-03-15' },
      { day: '2024-03-15' },
      { day: '2024-03-05' },
      { day: '2024-03-05' },
      { day: '2024-03-15', time: '17:00' },
      { day: '2024-03-15', time: '17:00' },
      { day: '2024-03-15', time: '17:01' },
      { day: '2024-03-15', time: '17:01' },
      { day: '2024-03-16' },
      { day: '2024-03-16' },
      { day: '2024-03-25', time: '17:00' },
      { day: '2024-03-25', time: '17:00' },
    ]);
    expect(table!.unreadable.map((row) => [row.code, row.reason])).toEqual([
      ['000.00.23.H34-240312-0040', { kind: 'bad-date', field: 'due', text: '31/02/2024' }],
      ['000.00.23.H34-240312-0041', { kind: 'bad-date', field: 'due', text: '31/02/2024' }],
    ]);
  });
});
