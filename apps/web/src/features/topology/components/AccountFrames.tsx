/**
 * An estate's accounts as frames behind the diagram: each around the block of what its account owns, its name and
 * id in the header. Drawn in the flow's coordinates (they pan and zoom with it) and never in the way of a click.
 */
import { ViewportPortal } from "@xyflow/react";
import { memo } from "react";
import type { AccountFrame } from "../layout/account-blocks";

export const AccountFrames = memo(function AccountFrames({ frames }: { frames: readonly AccountFrame[] }) {
  if (frames.length === 0) return null;
  return (
    <ViewportPortal>
      {frames.map((frame) => (
        <div
          key={frame.accountId}
          className="account-frame"
          data-testid="account-frame"
          data-account={frame.accountId}
          style={{
            transform: `translate(${frame.rect.x}px, ${frame.rect.y}px)`,
            width: frame.rect.width,
            height: frame.rect.height,
          }}
        >
          <span className="account-frame__label">{frame.label}</span>
        </div>
      ))}
    </ViewportPortal>
  );
});
