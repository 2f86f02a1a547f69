import { forShaping } from './agreement-pdf';
import { contentDisposition, provinceTitle, thaiNumber } from './export-format';
import { textWidth, wrapText } from './thai-text';

describe('thaiNumber', () => {
  it.each([
    ['1234567.891', 0, 2, '1,234,567.89'],
    [20, 2, 2, '20.00'],
    ['20.00', 0, 2, '20'],
    ['82.50', 0, 2, '82.5'],
    ['1.005', 0, 2, '1.01'],
    ['-1234.5', 0, 2, '-1,234.5'],
    ['-0.001', 0, 2, '0'],
    [3.765, 4, 4, '3.7650'],
  ])('%s with %i–%i decimals is %s', (value, min, max, text) => {
    expect(thaiNumber(value, min, max)).toBe(text);
  });
});

describe('contentDisposition', () => {
  it('carries the Thai name as RFC 5987 filename* beside an ASCII fallback', () => {
    const header = contentDisposition('inline', 'agreement-50-2569.pdf', 'คำรับรอง (ร่าง)-เชียงใหม่.pdf');
    expect(header).toMatch(/^inline; filename="agreement-50-2569\.pdf"; filename\*=UTF-8''[A-Za-z0-9%!._~-]+$/);
    expect(header).not.toMatch(/[^\x20-\x7e]/);
    const encoded = header.split("UTF-8''")[1];
    expect(encoded).toContain('%28'); // "(" is not an attr-char
    expect(decodeURIComponent(encoded)).toBe('คำรับรอง (ร่าง)-เชียงใหม่.pdf');
  });

  it('refuses a fallback that is not plain ASCII', () => {
    expect(() => contentDisposition('attachment', 'เชียงใหม่.pdf', 'x.pdf')).toThrow(RangeError);
    expect(() => contentDisposition('attachment', 'a"b.pdf', 'x.pdf')).toThrow(RangeError);
  });
});

describe('provinceTitle', () => {
  it('says จังหวัด except for Bangkok', () => {
    expect(provinceTitle('เชียงใหม่')).toBe('จังหวัดเชียงใหม่');
    expect(provinceTitle('กรุงเทพมหานคร')).toBe('กรุงเทพมหานคร');
  });
});

describe('wrapText (Thai line breaking)', () => {
  const name = 'ร้อยละความพึงพอใจของประชาชนต่อการให้บริการของหน่วยงานภาครัฐ';

  it('breaks a Thai phrase without spaces at word boundaries, every line within the width', () => {
    const lines = wrapText(name, 100, 9).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(name);
    for (const line of lines) expect(textWidth(line, 9)).toBeLessThanOrEqual(100);
    // Word boundaries: no line starts with a mark or a following vowel, which a character break would leave.
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[\u0E31\u0E33-\u0E3A\u0E47-\u0E4E\u0E30\u0E32]/);
    expect(lines[0].startsWith('ร้อยละ')).toBe(true);
  });

  it('keeps what fits on one line, drops spaces at the break, and keeps existing line breaks', () => {
    expect(wrapText('ร้อยละ', 200, 9)).toBe('ร้อยละ');
    expect(wrapText('น้ำหนัก\n(ร้อยละ)', 200, 9, 'bold')).toBe('น้ำหนัก\n(ร้อยละ)');
    const wrapped = wrapText('ตั้งแต่วันที่ 1 ต.ค. 2568 ถึงวันที่ 30 ก.ย. 2569', 120, 11);
    for (const line of wrapped.split('\n')) expect(line).toBe(line.trim());
  });

  it('splits a word longer than the line between characters, never inside a cluster', () => {
    const lines = wrapText('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 40, 11).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  });
});

describe('forShaping', () => {
  it('hands SARA AM to the font as NIKHAHIT + SARA AA, everywhere in a document, NFKC-equal', () => {
    const doc = { text: 'คำรับรอง', table: { body: [['น้ำหนัก', 3]] }, bold: true };
    const shaped = forShaping(doc);
    expect(shaped.text).toBe('ค\u0E4D\u0E32รับรอง');
    expect(shaped.table.body[0]).toEqual(['น\u0E49\u0E4D\u0E32หนัก', 3]);
    expect(shaped.bold).toBe(true);
    expect(shaped.text.normalize('NFKC')).toBe(doc.text.normalize('NFKC'));
  });
});
