/**
 * How wide a line of text comes out, without a browser: the exported SVG is
 * written in pure code (and unit-tested in Node), so its boxes are sized from
 * character widths rather than measured. Monospace lines (ids, DNS names) are
 * exact up to the font's advance (0.6 em in DejaVu Sans Mono, Menlo, Consolas,
 * SF Mono); proportional lines use Helvetica/Arial advances widened by 15 %,
 * which covers DejaVu Sans and Segoe UI, so a box is never narrower than its
 * text in the fonts the SVG names.
 */

/** Advances of Helvetica/Arial in 1/1000 em for ASCII 32–126. */
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];
/** Proportional fonts other than Helvetica run wider (DejaVu Sans by ~12 %). */
const SANS_MARGIN = 1.15;
const BOLD_FACTOR = 1.1;
const MONO_ADVANCE = 0.6;
/** Outside ASCII: a full em (CJK is 1 em; most accented Latin is less). */
const OTHER_ADVANCE = 1;

export type TextStyle = { font: "sans" | "mono"; size: number; bold?: boolean };

export function textWidth(text: string, style: TextStyle): number {
  let ems = 0;
  for (const char of text) {
    if (style.font === "mono") {
      ems += char.charCodeAt(0) < 0x2e80 ? MONO_ADVANCE : OTHER_ADVANCE;
      continue;
    }
    const code = char.charCodeAt(0);
    ems += code >= 32 && code <= 126 ? (HELVETICA[code - 32]! / 1000) * SANS_MARGIN : OTHER_ADVANCE;
  }
  return ems * style.size * (style.bold && style.font === "sans" ? BOLD_FACTOR : 1);
}
