/**
 * Which reader a loaded file goes to, from its name and its first bytes: a workbook (an Office Open XML
 * zip, or a name that says Excel) goes to the workbook reader, which refuses what it cannot or must not
 * read with a clear message; anything else is read as a CSV. Kept free of any library, so that the page
 * and its worker can decide without loading the workbook reader.
 */

/** Excel's names: the workbook itself, its macro-enabled and template forms, the binary and old formats. */
const EXCEL_NAME = /\.(xlsx|xlsm|xltx|xltm|xlam|xlsb|xls)$/i;

/** A zip's local file header (`PK\x03\x04`), which every .xlsx starts with. */
function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** An OLE compound file: an old .xls, or an .xlsx that Excel encrypted with a password. */
function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

export function isWorkbookFile(name: string, bytes: Uint8Array): boolean {
  return EXCEL_NAME.test(name) || isZip(bytes) || isCompoundFile(bytes);
}
