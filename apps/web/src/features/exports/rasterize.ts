/**
 * PNG from the exported SVG: the SVG drawn into a canvas through an <img> of a
 * Blob URL (no foreignObject, so the canvas stays readable), on white, at up
 * to twice its size for sharp text, within what a browser canvas can hold.
 */

/** Chromium, Firefox and Safari all hold a canvas of 16,384 px a side; the area limit is lower on phones. */
const MAX_SIDE = 16_384;
const MAX_AREA = 60_000_000;
const SHARP = 2;

/** The scale a PNG of a width × height SVG is drawn at: 2 when it fits, else the most that does. */
export function pngScale(width: number, height: number): number {
  if (!(width > 0 && height > 0)) throw new Error(`pngScale: the drawing has no size (${width} × ${height})`);
  return Math.min(SHARP, MAX_SIDE / Math.max(width, height), Math.sqrt(MAX_AREA / (width * height)));
}

export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const scale = pngScale(width, height);
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("The browser could not read the exported SVG to draw the PNG."));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.floor(width * scale));
    canvas.height = Math.max(1, Math.floor(height * scale));
    const context = canvas.getContext("2d");
    if (!context) throw new Error("The browser gave no canvas to draw the PNG on.");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) =>
          blob
            ? resolve(blob)
            : reject(new Error(`The browser could not make a ${canvas.width} × ${canvas.height} PNG.`)),
        "image/png",
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
