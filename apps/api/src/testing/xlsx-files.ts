import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One file of a hand-built zip: its bytes as parts (so a huge entry is never whole in memory). */
export interface ZipPart {
  name: string;
  parts: Iterable<Buffer | string>;
  /** The unpacked size the headers claim; the real size when absent. A liar's field. */
  declaredSize?: number;
}

/**
 * Deflates the parts one by one into one raw deflate stream: each part is its own compressor
 * run ended by a sync flush (no final bit), the last an empty final block, so the result is what
 * a single run would inflate to while the test holds one part at a time.
 */
function deflateParts(parts: Iterable<Buffer | string>): { data: Buffer; size: number; crc: number } {
  const out: Buffer[] = [];
  let size = 0;
  let crc = 0;
  for (const text of parts) {
    const part = Buffer.from(text);
    out.push(deflateRawSync(part, { finishFlush: constants.Z_SYNC_FLUSH, level: 9 }));
    size += part.length;
    crc = crc32(part, crc);
  }
  out.push(deflateRawSync(Buffer.alloc(0)));
  return { data: Buffer.concat(out), size, crc };
}

/** A zip as Excel writes one (deflated entries, a central directory), built byte by byte for hostile tests. */
export function buildZip(files: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const { data, size, crc } = deflateParts(f.parts);
    const declared = f.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(data.length, 20);
    record.writeUInt32LE(declared, 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(record, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(files.length, 0xfffe), 8);
  end.writeUInt16LE(Math.min(files.length, 0xfffe), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const column = (i: number) => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** A worksheet row of inline strings (numbers as numbers), as sheet XML. */
export function rowXml(r: number, cells: (string | number)[]): string {
  const cs = cells
    .map((v, i) =>
      typeof v === 'number'
        ? `<c r="${column(i)}${r}"><v>${v}</v></c>`
        : `<c r="${column(i)}${r}" t="inlineStr"><is><t>${xmlText(v)}</t></is></c>`,
    )
    .join('');
  return `<row r="${r}">${cs}</row>`;
}

/**
 * A one-sheet workbook with the sheet XML given in parts: the least Excel and exceljs need
 * (workbook, its relations, the sheet). `declaredSize` makes the sheet's headers lie.
 */
export function workbookOf(
  sheetBody: Iterable<string>,
  opts: { declaredSize?: number; extra?: ZipPart[] } = {},
): Buffer {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  function* sheet(): Generator<string> {
    yield `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData>`;
    yield* sheetBody;
    yield '</sheetData></worksheet>';
  }
  return buildZip([
    {
      name: 'xl/workbook.xml',
      parts: [
        Buffer.from(
          `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        ),
      ],
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      parts: [
        Buffer.from(
          `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
        ),
      ],
    },
    { name: 'xl/worksheets/sheet1.xml', parts: sheet(), declaredSize: opts.declaredSize },
    ...(opts.extra ?? []),
  ]);
}

/** `count` data rows of `cells`, in XML parts of 1,000 rows, numbered from `first`. */
export function* manyRows(first: number, count: number, cells: (r: number) => (string | number)[]): Generator<string> {
  for (let i = 0; i < count; i += 1000) {
    let out = '';
    for (let r = first + i; r < first + Math.min(count, i + 1000); r++) out += rowXml(r, cells(r));
    yield out;
  }
}

/**
 * `bytes` of XML that means nothing (an empty element every kilobyte, blanks between) and deflates
 * a thousandfold, in 1 MB parts.
 */
export function* padding(bytes: number): Generator<string> {
  const mb = ('<a/>' + ' '.repeat(1020)).repeat(1024);
  for (let left = bytes; left > 0; left -= mb.length) yield left >= mb.length ? mb : mb.slice(0, left);
}

/** `bytes` of one letter in 1 MB parts: the text of a single cell, as large as one likes. */
export function* letters(bytes: number): Generator<string> {
  const mb = 'x'.repeat(1024 * 1024);
  for (let left = bytes; left > 0; left -= mb.length) yield left >= mb.length ? mb : mb.slice(0, left);
}
