import { breakUnits, textWidth, wrapText } from './thai-text';

describe('Thai line breaking for the PDFs', () => {
  it('keeps brackets and closing punctuation with their words', () => {
    expect(breakUnits('งบที่ได้รับจัดสรร (บาท)')).toContain('(บาท)');
    expect(breakUnits('ร้อยละ 74.8% ของเป้า')).toContain('74.8%');
    expect(breakUnits('ร้อยละของเป้า').join('|')).toContain('เป้า');
  });

  it('never ends a line with "(" nor starts one with ")" however narrow the column', () => {
    const text = 'งบประมาณที่ได้รับจัดสรร (บาท) และอัตราการเบิกจ่ายสะสม (ร้อยละของงบที่ได้รับจัดสรร)';
    for (let width = 40; width <= 200; width += 4) {
      const lines = wrapText(text, width, 9, 'bold').split('\n');
      for (const line of lines) {
        expect(line.endsWith('(')).toBe(false);
        expect(line.startsWith(')')).toBe(false);
      }
      // Nothing lost or reordered: only spaces at a break go.
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    }
  });

  it('breaks "ร้อยละของเป้า" between words, never inside "เป้า"', () => {
    for (let width = 30; width <= 80; width += 2) {
      const lines = wrapText('ร้อยละของเป้า', width, 9, 'bold').split('\n');
      expect(lines.join('')).toBe('ร้อยละของเป้า');
      expect(lines.some((l) => l.includes('เป้า'))).toBe(true);
      for (const l of lines) expect(/[เแโใไ]$/.test(l)).toBe(false);
      for (const l of lines) if (l.length > 4) expect(textWidth(l, 9, 'bold')).toBeLessThanOrEqual(width);
    }
  });
});
