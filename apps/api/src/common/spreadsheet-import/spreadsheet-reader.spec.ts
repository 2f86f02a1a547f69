import { Workbook } from 'exceljs';
import { ApiError } from '../api-error';
import { buildZip, letters, manyRows, padding, rowXml, workbookOf } from '../../testing/xlsx-files';
import { MAX_XML_TEXT_RUN } from './zip-entries';
import { RESULTS_SHEET } from '../../modules/kpis/import/results-sheet';
import { GFMIS_SHEET } from '../../modules/projects/import/gfmis-sheet';
import { columnLabel, SheetDefinition } from './sheet-definition';
import { newReadStats, readTable, ReadStats } from './spreadsheet-reader';

const HEADER = ['รหัสตัวชี้วัด', 'งวด', 'ค่า'];
const dataRow = (r: number) => ['K1.2.1', '2569-M01', r];

/** The limit a read stopped at (the error's message key), or the table it read. */
async function refusal<K extends string>(file: Buffer, def: SheetDefinition<K>, stats: ReadStats): Promise<string> {
  try {
    await readTable(file, def, stats);
  } catch (e) {
    if (e instanceof ApiError) return `${e.getStatus()} ${e.key}`;
    throw e;
  }
  throw new Error('the file was read whole');
}

describe('readTable: the shared spreadsheet reader', () => {
  it('reads an Excel workbook: the first sheet with a header, shared strings, rich text, dates and an English second header row', async () => {
    const wb = new Workbook();
    wb.addWorksheet('ปก').addRow(['รายงานผลการดำเนินงาน ปี 2569']);
    const ws = wb.addWorksheet('ข้อมูล');
    ws.addRow(['ผลการดำเนินงาน จังหวัดเชียงใหม่']);
    ws.addRow(HEADER);
    ws.addRow(['KPI code', 'period', 'value']);
    ws.addRow([{ richText: [{ text: 'K1.' }, { text: '2.1' }] }, '2569-M01', 12.5]);
    ws.addRow([]);
    ws.addRow(['K1.2.1', new Date(Date.UTC(2025, 11, 15)), { formula: '1+1', result: 2 }]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());

    const stats = newReadStats();
    const table = await readTable(file, RESULTS_SHEET, stats);
    expect(table.columns).toEqual({ kpiCode: 0, period: 1, value: 2 });
    expect(table.rows).toEqual([
      { row: 4, cells: ['K1.2.1', '2569-M01', 12.5] },
      { row: 6, cells: ['K1.2.1', new Date(Date.UTC(2025, 11, 15)), 2] },
    ]);
    expect(stats.unpackedBytes).toBeGreaterThan(0);
    // The first test pays for loading exceljs and writing a workbook: seconds on a busy machine.
  }, 30_000);

  it('reads CSV as before: title rows skipped, semicolons, quoted narratives over two lines', async () => {
    const csv = Buffer.from(
      '\ufeffรายงาน\r\nรหัสตัวชี้วัด;งวด;ค่า;คำอธิบาย\r\nK1;2569-M01;1,5;"บรรทัด 1\r\nบรรทัด 2"\r\n',
    );
    const table = await readTable(csv, RESULTS_SHEET);
    expect(table.rows).toEqual([{ row: 3, cells: ['K1', '2569-M01', '1,5', 'บรรทัด 1\r\nบรรทัด 2'] }]);
  });

  it("a sheet without the header answers the kind's own message", async () => {
    const file = workbookOf([rowXml(1, ['a', 'b']), rowXml(2, [1, 2])]);
    expect(await refusal(file, RESULTS_SHEET, newReadStats())).toBe('400 import.noHeader');
    expect(await refusal(file, GFMIS_SHEET, newReadStats())).toBe('400 gfmis.noHeader');
  });

  it("names a definition's column in the response language, for row errors", () => {
    expect(columnLabel(GFMIS_SHEET, 'committed', 'th')).toBe('ก่อหนี้ผูกพัน (PO)');
    expect(columnLabel(GFMIS_SHEET, 'committed', 'en')).toBe('committed');
    expect(columnLabel(RESULTS_SHEET, 'value', 'th')).toBe('ค่า');
  });

  describe('limits, each checked while reading', () => {
    it('a zip bomb whose headers lie about its size is inflated only up to the unpacked limit', async () => {
      // 300 MB of sheet that deflates to some 300 kB, its headers claiming 1 kB: the old reader
      // believed the header and let exceljs inflate it all.
      const file = workbookOf([rowXml(1, HEADER), ...padding(300 * 1024 * 1024)], { declaredSize: 1024 });
      expect(file.length).toBeLessThan(1024 * 1024);
      const stats = newReadStats();
      expect(await refusal(file, RESULTS_SHEET, stats)).toBe('400 import.limitUnpacked');
      // Stopped at the limit (plus at most the one zlib chunk that crossed it), not at 300 MB.
      const limit = RESULTS_SHEET.limits.maxUnpackedBytes;
      expect(stats.unpackedBytes).toBeGreaterThan(limit);
      expect(stats.unpackedBytes).toBeLessThanOrEqual(limit + 64 * 1024);
    }, 60_000);

    it('one cell of 300 MB of text stops at the text limit, before exceljs gathers it into one string', async () => {
      const cell = ['<row r="2"><c r="A2" t="inlineStr"><is><t>', ...letters(300 * 1024 * 1024), '</t></is></c></row>'];
      const file = workbookOf([rowXml(1, HEADER), ...cell], { declaredSize: 1024 });
      const stats = newReadStats();
      expect(await refusal(file, RESULTS_SHEET, stats)).toBe('400 import.limitCellText');
      expect(stats.unpackedBytes).toBeLessThanOrEqual(MAX_XML_TEXT_RUN + 64 * 1024);
    }, 60_000);

    it('a CSV field of over a million characters is refused by the same limit', async () => {
      const csv = Buffer.from('รหัสตัวชี้วัด,งวด,ค่า,คำอธิบาย\nK1,2569-M01,1,"' + 'x'.repeat(1_100_000) + '"\n');
      expect(await refusal(csv, RESULTS_SHEET, newReadStats())).toBe('400 import.limitCellText');
    });

    it('an honest file with too many rows stops at the first row over the limit', async () => {
      const rows = 30_000;
      const file = workbookOf([rowXml(1, HEADER), ...manyRows(2, rows, dataRow)]);
      const bytes = (parts: Iterable<string>) => [...parts].reduce((n, p) => n + Buffer.byteLength(p), 0);
      const whole = bytes(manyRows(2, rows, dataRow));
      const upToTheLimit = bytes([rowXml(1, HEADER), ...manyRows(2, RESULTS_SHEET.limits.maxRows + 1, dataRow)]);
      const stats = newReadStats();
      expect(await refusal(file, RESULTS_SHEET, stats)).toBe('400 import.tooManyRows');
      // The header, the 5,000 rows allowed and the one over: nothing after it was parsed…
      expect(stats.rowsRead).toBe(1 + RESULTS_SHEET.limits.maxRows + 1);
      // …and no more was inflated than those rows and the zlib chunk holding the last of them.
      expect(stats.unpackedBytes).toBeLessThanOrEqual(upToTheLimit + 64 * 1024);
      expect(stats.unpackedBytes).toBeLessThan(whole / 4);
    }, 60_000);

    it('the same for CSV: 430,000 lines stop after the 5,000 allowed', async () => {
      const lines = ['รหัสตัวชี้วัด,งวด,ค่า'];
      for (let i = 0; i < 430_000; i++) lines.push(`K1.2.1,2569-M01,${i}`);
      const stats = newReadStats();
      expect(await refusal(Buffer.from(lines.join('\n')), RESULTS_SHEET, stats)).toBe('400 import.tooManyRows');
      expect(stats.rowsRead).toBe(1 + RESULTS_SHEET.limits.maxRows + 1);
    }, 60_000);

    it('rows reaching far to the right count their whole width against the cell limit', async () => {
      // A cell at XFD, Excel's last column: each such row is 16,384 cells wide.
      const wide = (r: number) =>
        `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>K1</t></is></c><c r="XFD${r}"><v>1</v></c></row>`;
      const body = [rowXml(1, HEADER)];
      for (let r = 2; r < 1000; r++) body.push(wide(r));
      const stats = newReadStats();
      expect(await refusal(workbookOf(body), RESULTS_SHEET, stats)).toBe('400 import.limitCells');
      expect(stats.rowsRead).toBe(1 + Math.ceil(RESULTS_SHEET.limits.maxCells / 16_384));
    });

    it('a CSV line wider than any sheet is refused before it becomes a record', async () => {
      const csv = Buffer.from('รหัสตัวชี้วัด,งวด,ค่า\n' + ','.repeat(2_000_000) + '\n');
      const stats = newReadStats();
      expect(await refusal(csv, RESULTS_SHEET, stats)).toBe('400 import.limitCells');
      expect(stats.rowsRead).toBe(0);
    });

    it('a zip of too many entries is refused before any is inflated', async () => {
      const junk = Array.from({ length: 1500 }, (_, i) => ({ name: `xl/media/${i}.bin`, parts: [Buffer.from('x')] }));
      const file = workbookOf([rowXml(1, HEADER), rowXml(2, dataRow(2))], { extra: junk });
      const stats = newReadStats();
      expect(await refusal(file, RESULTS_SHEET, stats)).toBe('400 import.limitEntries');
      expect(stats.unpackedBytes).toBe(0);
    });

    it('entries the import does not read are never inflated, however big they claim or are', async () => {
      const bomb = { name: 'xl/media/image1.png', parts: padding(50 * 1024 * 1024) };
      const stats = newReadStats();
      const table = await readTable(
        workbookOf([rowXml(1, HEADER), rowXml(2, dataRow(2))], { extra: [bomb] }),
        RESULTS_SHEET,
        stats,
      );
      expect(table.rows).toEqual([{ row: 2, cells: ['K1.2.1', '2569-M01', 2] }]);
      expect(stats.unpackedBytes).toBeLessThan(10_000);
    });

    it('too many shared strings count against the cell limit before any row is read', async () => {
      const small: SheetDefinition<'kpiCode' | 'period' | 'value'> = {
        ...RESULTS_SHEET,
        limits: { ...RESULTS_SHEET.limits, maxCells: 100 },
      } as SheetDefinition<'kpiCode' | 'period' | 'value'>;
      const strings = Array.from({ length: 500 }, (_, i) => `<si><t>s${i}</t></si>`).join('');
      const shared = {
        name: 'xl/sharedStrings.xml',
        parts: [Buffer.from(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings}</sst>`)],
      };
      const stats = newReadStats();
      expect(await refusal(workbookOf([rowXml(1, HEADER)], { extra: [shared] }), small, stats)).toBe(
        '400 import.limitCells',
      );
      expect(stats.rowsRead).toBe(0);
    });

    it('damaged zips are unreadable, not a server error', async () => {
      const good = workbookOf([rowXml(1, HEADER), rowXml(2, dataRow(2))]);
      const corrupt = Buffer.from(good);
      // Scribble over the start of the first entry's deflated data.
      corrupt.fill(0xff, 30 + 'xl/workbook.xml'.length, 30 + 'xl/workbook.xml'.length + 8);
      expect(await refusal(corrupt, RESULTS_SHEET, newReadStats())).toBe('400 import.unreadable');
      expect(await refusal(good.subarray(0, good.length - 30), RESULTS_SHEET, newReadStats())).toBe(
        '400 import.unreadable',
      );
      const noWorkbook = buildZip([{ name: 'word/document.xml', parts: [Buffer.from('<w/>')] }]);
      expect(await refusal(noWorkbook, RESULTS_SHEET, newReadStats())).toBe('400 import.unreadable');
    });
  });
});
