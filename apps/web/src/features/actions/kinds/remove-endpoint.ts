/** EC2 DeleteVpcEndpoints for one Resource or ServiceNetwork endpoint. */
import { shortId } from "./parts";
import type { ActionKind } from "./types";

export const removeEndpoint = {
  type: "remove-endpoint",
  label: "Delete VPC endpoint",
  confirm: "Delete endpoint",
  confirming: "Removing…",
  removal: true,
  subject: (a) => shortId(a.endpointId),
  removes: { kind: "vpcEndpoint", action: (id) => ({ type: "remove-endpoint", endpointId: id }) },
} satisfies ActionKind<"remove-endpoint">;
