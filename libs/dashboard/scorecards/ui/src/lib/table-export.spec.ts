import { Workbook } from 'exceljs';
import { csvBlob, type ExportTable, toCsv, UTF8_BOM, xlsxBuffer } from './table-export';

const table: ExportTable = {
  sheet: 'อัตราการเบิกจ่าย',
  header: ['อันดับ', 'รหัสจังหวัด', 'จังหวัด', 'อัตราการเบิกจ่าย', 'งบประมาณจัดสรร (บาท)', 'สถานะ'],
  rows: [
    [1, '60', 'นครสวรรค์', 96.12, 213276000, 'บรรลุเป้าหมาย'],
    [2, '50', 'เชียงใหม่, "นครพิงค์"', 72.5, 1234567.89, 'ใกล้เป้าหมาย'],
    [null, '10', 'กรุงเทพมหานคร\nบรรทัดสอง', null, 0, 'ไม่ประเมิน'],
    [3, '52', '=HYPERLINK("http://x")', -4.25, 1, '@sum'],
  ],
};

describe('toCsv', () => {
  const csv = toCsv(table);

  it('starts with a UTF-8 byte-order mark so Excel reads the Thai as Thai', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('writes the header and the Thai text as they are, rows ending in CRLF', () => {
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('อันดับ,รหัสจังหวัด,จังหวัด,อัตราการเบิกจ่าย,งบประมาณจัดสรร (บาท),สถานะ');
    expect(lines[1]).toBe('1,60,นครสวรรค์,96.12,213276000,บรรลุเป้าหมาย');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes cells with commas, quotes or line breaks, doubling the quotes inside', () => {
    expect(csv).toContain('2,50,"เชียงใหม่, ""นครพิงค์""",72.5,1234567.89,ใกล้เป้าหมาย\r\n');
    expect(csv).toContain(',10,"กรุงเทพมหานคร\nบรรทัดสอง",,0,ไม่ประเมิน\r\n');
  });

  it('writes numbers plain, blanks empty, and text a spreadsheet would run as a formula as text', () => {
    expect(csv).toContain('\r\n,10,');
    expect(csv).toContain(`3,52,"'=HYPERLINK(""http://x"")",-4.25,1,'@sum\r\n`);
  });

  it('reads back to the same cells', () => {
    // A small RFC 4180 reader: what a spreadsheet does with the file.
    const text = csv.slice(1);
    const rows: string[][] = [[]];
    let cell = '';
    let quoted = false;
    const endCell = () => {
      rows[rows.length - 1].push(cell);
      cell = '';
    };
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') endCell();
      else if (ch === '\r' && text[i + 1] === '\n') {
        endCell();
        rows.push([]);
        i++;
      } else cell += ch;
    }
    rows.pop();
    expect(rows).toHaveLength(5);
    expect(rows[2][2]).toBe('เชียงใหม่, "นครพิงค์"');
    expect(rows[3][2]).toBe('กรุงเทพมหานคร\nบรรทัดสอง');
    expect(rows.every((r) => r.length === 6)).toBe(true);
  });

  it('is typed as UTF-8 CSV for the download', () => {
    expect(csvBlob(table).type).toBe('text/csv;charset=utf-8');
  });
});

describe('xlsxBuffer', () => {
  it('writes a workbook with the header in bold, Thai text and real numbers', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load(await xlsxBuffer(table));
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('อัตราการเบิกจ่าย');
    expect(sheet.getRow(1).getCell(3).value).toBe('จังหวัด');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(3).value).toBe('นครสวรรค์');
    expect(sheet.getRow(2).getCell(4).value).toBe(96.12);
    expect(sheet.getRow(3).getCell(5).value).toBe(1234567.89);
    expect(sheet.getRow(4).getCell(1).value).toBeNull();
    expect(sheet.rowCount).toBe(5);
  });
});
