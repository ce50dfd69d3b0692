/** The overview map, closed until asked for: a button in the bottom right opens and closes it. */
import { Panel } from "@xyflow/react";
import { memo, useState, type ReactNode } from "react";

export const MapToggle = memo(function MapToggle({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Panel position="bottom-right" className="map-toggle">
        <button
          type="button"
          className="button button--small"
          aria-expanded={open}
          data-testid="map-toggle"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? "Hide map" : "Overview map"}
        </button>
      </Panel>
      {open ? children : null}
    </>
  );
});
