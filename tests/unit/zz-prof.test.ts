// @vitest-environment happy-dom
import { it } from 'vitest';
import { readDossierTables } from '../../lib/reader';
it('prof', () => {
  const N = 5000;
  const rows: string[] = [];
  for (let i = 0; i < N; i++) rows.push(`<tr><td>${i}</td><td><a>000.00.23.H34-210726-${String(i).padStart(4,'0')}</a><br><span>Trực tuyến</span></td><td>Đăng ký</td><td>26/07/2021 08:00</td><td>02/08/2021</td><td></td><td>Đang xử lý</td></tr>`);
  let t = performance.now();
  const c = document.createElement('div');
  c.innerHTML = `<table><thead><tr><th>STT</th><th>Mã hồ sơ</th><th>Thủ tục</th><th>Ngày nhận</th><th>Ngày hẹn trả</th><th>Ngày kết thúc</th><th>Trạng thái</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  document.body.append(c);
  console.log('build', performance.now() - t);
  const tbody = c.querySelector('tbody')!;
  t = performance.now(); let n = 0;
  for (let r = tbody.firstElementChild; r; r = r.nextElementSibling) n++;
  console.log('nextElementSibling rows', performance.now() - t, n);
  t = performance.now(); n = 0;
  const ch = tbody.children; for (let i = 0; i < ch.length; i++) { if (ch[i]) n++; }
  console.log('children idx', performance.now() - t, n);
  t = performance.now(); n = 0;
  const cn = tbody.childNodes; for (let i = 0; i < cn.length; i++) { if (cn[i]) n++; }
  console.log('childNodes idx', performance.now() - t, n);
  const cells = Array.from(c.querySelectorAll('td'));
  t = performance.now(); n = 0;
  for (const cell of cells) n += (cell.textContent ?? '').length;
  console.log('textContent', performance.now() - t);
  t = performance.now(); n = 0;
  for (const cell of cells) n += cell.getAttribute('colspan') ? 1 : 0;
  console.log('getAttribute', performance.now() - t);
  t = performance.now(); n = 0;
  for (const cell of cells) n += cell.localName.length;
  console.log('localName', performance.now() - t);
  t = performance.now(); n = 0;
  for (const cell of cells) for (let k = cell.firstChild; k; k = k.nextSibling) n++;
  console.log('firstChild/nextSibling cells', performance.now() - t);
  t = performance.now();
  readDossierTables(document);
  console.log('read', performance.now() - t);
});
import { parsePortalDate } from '../../lib/portal-date';
import { normalizeText } from '../../lib/text';
import { extractDossierCode } from '../../lib/dossier-code';
import { cellText } from '../../lib/reader';
it('pure', () => {
  let t = performance.now();
  for (let i = 0; i < 5000; i++) { parsePortalDate('26/07/2021 08:00'); parsePortalDate('02/08/2021'); parsePortalDate(''); }
  console.log('dates', performance.now() - t);
  t = performance.now();
  for (let i = 0; i < 5000; i++) for (let k = 0; k < 7; k++) normalizeText('Đăng ký khai sinh ' + k);
  console.log('norm', performance.now() - t);
  t = performance.now();
  for (let i = 0; i < 5000; i++) extractDossierCode('000.00.23.H34-210726-0001\nTrực tuyến');
  console.log('code', performance.now() - t);
  const td = document.createElement('td'); td.innerHTML = '<a>000.00.23.H34-210726-0001</a><br><span>Trực tuyến</span>';
  t = performance.now();
  for (let i = 0; i < 5000; i++) cellText(td);
  console.log('cellText code', performance.now() - t);
  const td2 = document.createElement('td'); td2.textContent = '02/08/2021';
  t = performance.now();
  for (let i = 0; i < 35000; i++) cellText(td2);
  console.log('cellText plain x35000', performance.now() - t);
  t = performance.now();
  for (let i = 0; i < 35000; i++) td2.textContent;
  console.log('textContent plain x35000', performance.now() - t);
});
