/**
 * The diagram's colours on a dark background: each ink of lib/node-kinds.ts (chosen to read on white) is mixed with
 * white, in small steps, until its text reaches 4.5:1 (WCAG AA) on the dark theme's backgrounds. Hue is kept, so a
 * kind is the same colour in both schemes, only lighter; an ink that already reads on dark is left as it is.
 */

/**
 * The lightest dark background a kind's or pattern's colour is written on: lighter than the dark theme's surfaces
 * (app/theme-dark.css `--surface` #111827, `--surface-2`) and its tinted badges and highlights, so an ink that reads
 * here reads on each of them.
 */
export const DARK_SURFACE = "#1e293b";
/** The contrast a text colour needs on its background (WCAG 2.1 AA, normal text). */
export const AA_TEXT = 4.5;

function channels(hex: string): [number, number, number] {
  const h = hex.replace("#", "");
  const full = h.length === 3 ? [...h].map((c) => c + c).join("") : h;
  if (!/^[0-9a-f]{6}$/i.test(full)) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG relative luminance of an sRGB colour. */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The ink, lightened towards white just enough to read on the dark surface. */
export function inkOnDark(ink: string, surface: string = DARK_SURFACE): string {
  const base = channels(ink);
  for (let step = 0; step <= 20; step++) {
    const t = step / 20;
    const mixed = toHex(base.map((c) => c + (255 - c) * t) as [number, number, number]);
    if (contrast(mixed, surface) >= AA_TEXT) return mixed;
  }
  return "#ffffff";
}
