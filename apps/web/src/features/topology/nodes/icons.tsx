/** One simple 20×20 line glyph per node kind (inline SVG, currentColor). */
import type { NodeKind } from "@lattice-atlas/shared";
import { memo, type ReactElement } from "react";

const PATHS: Record<NodeKind, ReactElement> = {
  account: (
    <>
      <circle cx="10" cy="7" r="3" />
      <path d="M4 17c0-3.3 2.7-5 6-5s6 1.7 6 5" />
    </>
  ),
  resourceShare: <path d="M6 10a2 2 0 110-.1M14 5a2 2 0 110-.1M14 15a2 2 0 110-.1M8 9l4-3M8 11l4 3" />,
  stub: <path d="M4 4h12v12H4z M4 4l12 12" />,
  vpc: <path d="M3 5h14v10H3zM3 8h14" />,
  securityGroup: <path d="M10 2.5l6 2.5v4.5c0 4-2.7 6.6-6 8-3.3-1.4-6-4-6-8V5z" />,
  vpcEndpoint: (
    <>
      <circle cx="10" cy="10" r="3" />
      <path d="M2 10h5M13 10h5M15 7l3 3-3 3" />
    </>
  ),
  serviceNetwork: (
    <>
      <circle cx="10" cy="4" r="2" />
      <circle cx="4" cy="15" r="2" />
      <circle cx="16" cy="15" r="2" />
      <path d="M9 6l-4 7M11 6l4 7M6 15h8" />
    </>
  ),
  vpcAssociation: <path d="M7 7a3 3 0 010 6H5a3 3 0 010-6M13 7a3 3 0 010 6h2a3 3 0 000-6M7 10h6" />,
  resourceAssociation: <path d="M7 7a3 3 0 010 6H5a3 3 0 010-6M13 7a3 3 0 010 6h2a3 3 0 000-6M7 10h6" />,
  serviceAssociation: <path d="M7 7a3 3 0 010 6H5a3 3 0 010-6M13 7a3 3 0 010 6h2a3 3 0 000-6M7 10h6" />,
  resourceGateway: <path d="M3 17V8l7-5 7 5v9M7 17v-6h6v6" />,
  resourceConfiguration: (
    <>
      <path d="M4 4h12v12H4z" />
      <path d="M7 8h6M7 12h4" />
    </>
  ),
  dbCluster: (
    <>
      <ellipse cx="10" cy="5" rx="6" ry="2.5" />
      <path d="M4 5v10c0 1.4 2.7 2.5 6 2.5s6-1.1 6-2.5V5M4 10c0 1.4 2.7 2.5 6 2.5s6-1.1 6-2.5" />
    </>
  ),
  dbEndpoint: (
    <>
      <ellipse cx="8" cy="6" rx="5" ry="2" />
      <path d="M3 6v7c0 1.1 2.2 2 5 2M13 6v3M12 15h6M15 12l3 3-3 3" />
    </>
  ),
  resourceTarget: (
    <>
      <circle cx="10" cy="10" r="7" />
      <circle cx="10" cy="10" r="3" />
    </>
  ),
  service: <path d="M3 6l7-3 7 3v8l-7 3-7-3zM3 6l7 3 7-3M10 9v8" />,
  targetGroup: (
    <>
      <rect x="3" y="3" width="6" height="6" />
      <rect x="11" y="3" width="6" height="6" />
      <rect x="3" y="11" width="6" height="6" />
      <rect x="11" y="11" width="6" height="6" />
    </>
  ),
  target: <path d="M5 17l4-14h2l-2 7h6l-4 7" />,
};

export const KindIcon = memo(function KindIcon({ kind, size = 18 }: { kind: NodeKind; size?: number }) {
  return (
    <svg
      className="kind-icon"
      width={size}
      height={size}
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[kind]}
    </svg>
  );
});
