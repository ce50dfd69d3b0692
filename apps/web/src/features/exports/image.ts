/**
 * PNG and SVG images of the diagram with html-to-image (loaded on demand), as
 * React Flow's own example does: the `.react-flow__viewport` rendered at a
 * fixed size with the transform that fits every node. The canvas culls what is
 * out of view, so every node is brought into view for the capture and the
 * camera goes back afterwards.
 */
import { getViewportForBounds } from "@xyflow/react";
import type { DiagramFlow } from "./diagram-handle";
import { slimSvg } from "./slim-svg";

const IMAGE_SIZE = { width: 1600, height: 1000 } as const;
const BACKGROUND = "#ffffff";
/** Controls drawn on nodes for changes: not part of a picture of the topology. */
const LEFT_OUT = ["change-button", "connect-grip"];

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** What the stylesheet gives the parts of an SVG (edges, their labels, markers, icons). */
const SVG_PROPERTIES = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-dashoffset",
  "stroke-linecap",
  "stroke-linejoin",
  "stroke-opacity",
  "opacity",
  "color",
  "font-family",
  "font-size",
  "font-weight",
  "visibility",
] as const;

/**
 * html-to-image copies an <svg> with its children as they are, without the styles the stylesheet gives them, so
 * the lines (styled by class) would come out invisible. Their computed styles are written on them for the capture;
 * the returned function puts the style attributes back.
 */
function inlineSvgStyles(root: HTMLElement): () => void {
  const restore: Array<[Element, string | null]> = [];
  for (const element of root.querySelectorAll<SVGElement>("svg *")) {
    const computed = getComputedStyle(element);
    restore.push([element, element.getAttribute("style")]);
    for (const property of SVG_PROPERTIES) {
      const value = computed.getPropertyValue(property);
      if (value) element.style.setProperty(property, value);
    }
  }
  return () => {
    for (const [element, style] of restore) {
      if (style === null) element.removeAttribute("style");
      else element.setAttribute("style", style);
    }
  };
}

export async function captureDiagram(format: "png" | "svg", flow: DiagramFlow): Promise<Blob> {
  const { toBlob, toSvg } = await import("html-to-image");
  const element = document.querySelector<HTMLElement>(".react-flow__viewport");
  if (!element) throw new Error("The diagram is not on screen: wait for it to be drawn, then export again.");
  const { width, height } = IMAGE_SIZE;
  const bounds = flow.getNodesBounds(flow.getNodes());
  const pane = element.closest<HTMLElement>(".react-flow");
  const saved = flow.getViewport();
  // Everything in view, so that every node and line is in the DOM (onlyRenderVisibleElements). Not fitView: it waits
  // for every node to be measured, which culled nodes never are.
  await flow.setViewport(
    getViewportForBounds(bounds, pane?.clientWidth || width, pane?.clientHeight || height, 0.0001, 2, 0),
    { duration: 0 },
  );
  await nextFrame();
  await nextFrame();
  const restoreStyles = inlineSvgStyles(element);
  try {
    const viewport = getViewportForBounds(bounds, width, height, 0.001, 2, 0.03);
    const options = {
      backgroundColor: BACKGROUND,
      width,
      height,
      canvasWidth: width,
      canvasHeight: height,
      pixelRatio: 1,
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`,
      },
      filter: (node: HTMLElement) => !(node.classList && LEFT_OUT.some((c) => node.classList.contains(c))),
    };
    if (format === "png") {
      const blob = await toBlob(element, options);
      if (!blob) throw new Error("The browser could not draw the diagram as a PNG.");
      return blob;
    }
    const dataUrl = await toSvg(element, options);
    const svg = decodeURIComponent(dataUrl.slice(dataUrl.indexOf(",") + 1));
    // html-to-image writes each element's whole computed style: keep only what changes the picture.
    return new Blob([slimSvg(svg)], { type: "image/svg+xml" });
  } finally {
    restoreStyles();
    await flow.setViewport(saved, { duration: 0 });
  }
}
