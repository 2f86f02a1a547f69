import * as fontkit from 'fontkit';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';

/**
 * Sarabun, the Thai government's document typeface family (the open Google Fonts cut of TH Sarabun
 * New), from the npm package `@expo-google-fonts/sarabun`: complete TrueType files with Thai, Latin
 * and digits in one font and the OpenType tables (GSUB/GPOS) that place tone marks above vowels.
 * Never a system font: the build copies the two files next to main.js (`fonts/`, see
 * webpack.config.js), so the production image needs no font package; from the source tree (tests,
 * ts-node) they resolve from the npm package. Wrapping text (thai-text.ts) measures with the same
 * files the PDF embeds.
 */
export type SarabunStyle = 'normal' | 'bold';

const FILES: Record<SarabunStyle, string> = {
  normal: '@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf',
  bold: '@expo-google-fonts/sarabun/700Bold/Sarabun_700Bold.ttf',
};

// `createRequire` rather than `require.resolve`: webpack would turn the latter into a module id.
const resolveFrom = createRequire(__filename);

function locate(style: SarabunStyle): string {
  const bundled = join(__dirname, 'fonts', basename(FILES[style]));
  return existsSync(bundled) ? bundled : resolveFrom.resolve(FILES[style]);
}

let paths: Record<SarabunStyle, string> | undefined;
const fonts = new Map<SarabunStyle, fontkit.Font>();

/** Absolute paths of the font files, as pdfmake's font dictionary takes them. */
export function sarabunFiles(): Record<SarabunStyle, string> {
  paths ??= { normal: locate('normal'), bold: locate('bold') };
  return paths;
}

/** The parsed font, for measuring text exactly as the PDF will set it. */
export function sarabunFont(style: SarabunStyle): fontkit.Font {
  let font = fonts.get(style);
  if (!font) {
    const parsed = fontkit.create(readFileSync(sarabunFiles()[style]));
    if (!('layout' in parsed)) throw new Error(`${FILES[style]} is a font collection, expected one font`);
    font = parsed;
    fonts.set(style, font);
  }
  return font;
}
