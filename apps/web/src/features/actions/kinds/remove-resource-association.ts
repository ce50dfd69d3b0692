/** DeleteServiceNetworkResourceAssociation. */
import { shortId } from "./parts";
import type { ActionKind } from "./types";

export const removeResourceAssociation = {
  type: "remove-resource-association",
  label: "Remove resource association",
  confirm: "Remove association",
  confirming: "Removing…",
  removal: true,
  subject: (a) => shortId(a.associationId),
  removes: {
    kind: "resourceAssociation",
    action: (id) => ({ type: "remove-resource-association", associationId: id }),
  },
} satisfies ActionKind<"remove-resource-association">;
