/** DeleteServiceNetworkServiceAssociation. */
import { shortId } from "./parts";
import type { ActionKind } from "./types";

export const removeServiceAssociation = {
  type: "remove-service-association",
  label: "Remove service association",
  confirm: "Remove association",
  confirming: "Removing…",
  removal: true,
  subject: (a) => shortId(a.associationId),
  removes: {
    kind: "serviceAssociation",
    action: (id) => ({ type: "remove-service-association", associationId: id }),
  },
} satisfies ActionKind<"remove-service-association">;
