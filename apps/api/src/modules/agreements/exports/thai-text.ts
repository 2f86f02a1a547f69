/// <reference lib="es2022.intl" />
import { sarabunFont, SarabunStyle } from './sarabun';

/**
 * Line breaking for Thai in the PDF. Thai writes words without spaces, and the Unicode line
 * breaker that pdfmake (and pdfkit) use treats a Thai run as one unbreakable word, so an indicator
 * name would overflow its table cell. The fix is to break it ourselves: the ICU dictionary word
 * segmenter bundled with Node (`Intl.Segmenter('th')`) gives the word boundaries, the font's own
 * advances give the widths, and each line is handed to pdfmake already broken with "\n". A zero
 * width space would let pdfmake do the breaking, but Sarabun has no glyph for U+200B: pdfkit would
 * draw `.notdef` boxes.
 */

const WORDS = new Intl.Segmenter('th', { granularity: 'word' });
const GRAPHEMES = new Intl.Segmenter('th', { granularity: 'grapheme' });

/** pdfmake's widths and ours may differ by rounding; keep this much clear of the edge. */
const SLACK = 0.75;

/**
 * Width in points of one line of text, as pdfkit measures it: shaped run by run, each run ending
 * at a space or tab, so tone marks and ligatures count exactly as they will be drawn.
 */
export function textWidth(text: string, size: number, style: SarabunStyle = 'normal'): number {
  const font = sarabunFont(style);
  let units = 0;
  for (const run of text.match(/[^ \t]*[ \t]?/g) ?? []) {
    if (run) units += font.layout(run).advanceWidth;
  }
  return (units * size) / font.unitsPerEm;
}

/** Breaks a word wider than a line between grapheme clusters, so no mark is parted from its base. */
function splitLongWord(word: string, fits: (s: string) => boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const { segment } of GRAPHEMES.segment(word)) {
    if (line && !fits(line + segment)) {
      lines.push(line);
      line = segment;
    } else {
      line += segment;
    }
  }
  return line ? [...lines, line] : lines;
}

/** Opening brackets and quotes: never the last thing on a line. */
const OPENING = /^[([{\u201C\u2018\u00AB"']+$/;
/** Closing brackets, punctuation, %, and Thai repetition/abbreviation marks: never the first. */
const CLOSING = /^[)\]}\u201D\u2019\u00BB,.:;!?%\u0E46\u0E2F]+$/;

/**
 * The units a line may break between: the segmenter's words, with an opening bracket glued to the
 * word after it and closing punctuation to the word before it ("(บาท)" stays whole, "ร้อยละ 74.8%"
 * never leaves "%" on a line of its own).
 */
export function breakUnits(paragraph: string): string[] {
  const units: string[] = [];
  let opening = '';
  for (const { segment } of WORDS.segment(paragraph)) {
    if (OPENING.test(segment)) {
      opening += segment;
      continue;
    }
    const last = units.length - 1;
    if (!opening && CLOSING.test(segment) && last >= 0 && !/\s$/.test(units[last])) {
      units[last] += segment;
      continue;
    }
    units.push(opening + segment);
    opening = '';
  }
  if (opening) units.push(opening);
  return units;
}

/**
 * The text broken into lines no wider than `width` points at `size`, at Thai word boundaries (and
 * spaces), never after an opening bracket nor before closing punctuation; existing line breaks are
 * kept. Lines are joined with "\n".
 */
export function wrapText(text: string, width: number, size: number, style: SarabunStyle = 'normal'): string {
  const fits = (s: string) => textWidth(s, size, style) <= width - SLACK;
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const segment of breakUnits(paragraph)) {
      const candidate = line + segment;
      if (fits(candidate.trimEnd())) {
        line = candidate;
        continue;
      }
      if (line.trim()) out.push(line.trimEnd());
      const word = segment.trimStart();
      if (fits(word)) {
        line = word;
      } else {
        const pieces = splitLongWord(word, fits);
        out.push(...pieces.slice(0, -1));
        line = pieces[pieces.length - 1] ?? '';
      }
    }
    out.push(line.trimEnd());
  }
  return out.join('\n');
}
