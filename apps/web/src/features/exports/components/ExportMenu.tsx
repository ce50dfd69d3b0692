/**
 * "Export ▾": the current view or the whole topology (a choice at the top of
 * the menu) as an SVG or PNG diagram for docs (title, source, date, legend,
 * full names and hostnames), the drawn graph as JSON, a Mermaid flowchart or a
 * draw.io diagram. The writers load on the first export.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from "react";
import type { FlowGraph } from "../../topology/to-flow-graph";
import type { OverviewSource } from "../overview-model";
import type { ExportFormat } from "../run-export";
import type { ExportScope } from "../svg-diagram";
import "../exports.css";

const ITEMS: Array<{ format: ExportFormat; label: string; hint: string }> = [
  { format: "svg", label: "SVG diagram", hint: "for docs: title, legend, full names and hostnames as text" },
  { format: "png", label: "PNG diagram", hint: "the same diagram as an image, at twice its size" },
  { format: "json", label: "Graph as JSON", hint: "the nodes and lines drawn, with DNS names" },
  { format: "mermaid", label: "Mermaid flowchart", hint: "paste in a ```mermaid block: GitHub, GitLab, Confluence" },
  { format: "drawio", label: "draw.io diagram", hint: "open in diagrams.net, edit freely" },
];

interface ExportMenuProps {
  graph: FlowGraph | undefined;
  /** At the overview level (no graph is laid out): what the overview is drawn from; every format exports it. */
  overview?: OverviewSource | undefined;
  /** The console's query string of the view. */
  state: string;
  /** The exported diagram's title ("Embedded AWS emulator · ap-northeast-1", "Snapshot …"). */
  title: string;
}

const SCOPES: Array<{ scope: ExportScope; label: string }> = [
  { scope: "view", label: "Current view" },
  { scope: "topology", label: "Whole topology" },
];

/** Menu items, radio items included, in the order arrow keys move through them. */
const MENU_ITEMS = "[role=menuitem],[role=menuitemradio]";

export function ExportMenu({ graph, overview, state, title }: ExportMenuProps) {
  const drawn = graph ? { graph } : overview ? { overview } : undefined;
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<ExportScope>("view");
  const [busy, setBusy] = useState<ExportFormat | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent): void => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === "Escape") {
        event.preventDefault();
        setOpen(false);
        root.current?.querySelector<HTMLButtonElement>("[data-testid=export-button]")?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    root.current?.querySelector<HTMLButtonElement>(MENU_ITEMS)?.focus();
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const run = async (format: ExportFormat): Promise<void> => {
    if (!drawn) return;
    setBusy(format);
    setError(undefined);
    try {
      const { buildExport, saveFile } = await import("../run-export");
      saveFile(await buildExport(format, { drawn, state, title, scope, now: new Date() }));
      setOpen(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(undefined);
    }
  };

  const onMenuKey = (event: ReactKeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const items = [...(root.current?.querySelectorAll<HTMLButtonElement>(MENU_ITEMS) ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = (at + (event.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
    items[next]?.focus();
  };

  return (
    <div className="share-menu" ref={root}>
      <button
        type="button"
        className="button button--small"
        data-testid="export-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={!drawn}
        data-drawn={drawn ? ("overview" in drawn ? "overview" : "diagram") : undefined}
        title={
          graph
            ? "Export the view or the whole topology"
            : overview
              ? "Export the overview: networks and VPC groups with their counts"
              : "Export needs the diagram"
        }
        onClick={() => setOpen((o) => !o)}
      >
        Export ▾
      </button>
      {open ? (
        <div
          className="share-popover share-popover--menu"
          role="menu"
          id={menuId}
          aria-label="Export"
          onKeyDown={onMenuKey}
        >
          <div className="export-scope" role="group" aria-label="What to export">
            {SCOPES.map((option) => (
              <button
                key={option.scope}
                type="button"
                role="menuitemradio"
                aria-checked={scope === option.scope}
                className="export-scope__option"
                data-testid="export-scope"
                data-scope={option.scope}
                disabled={busy !== undefined}
                onClick={() => setScope(option.scope)}
              >
                {option.label}
              </button>
            ))}
          </div>
          {drawn && "overview" in drawn ? (
            <p className="share-menu__note" data-testid="export-overview-note">
              Every format exports the overview as drawn: service networks and VPC groups with their counts, one line
              per pair. For every node, switch to “Every node” first.
            </p>
          ) : null}
          {ITEMS.map((item) => (
            <button
              key={item.format}
              type="button"
              role="menuitem"
              className="share-menu__item"
              data-testid="export-item"
              data-format={item.format}
              disabled={busy !== undefined}
              aria-busy={busy === item.format}
              onClick={() => void run(item.format)}
            >
              <span className="share-menu__label">{busy === item.format ? `${item.label}…` : item.label}</span>
              <span className="share-menu__hint">{item.hint}</span>
            </button>
          ))}
          {error ? (
            <p className="share-popover__error" role="alert" data-testid="export-error">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
