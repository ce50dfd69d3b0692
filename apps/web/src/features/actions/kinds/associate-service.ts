/** A Lattice service added to a service network (CreateServiceNetworkServiceAssociation). */
import { edgeOf, fields, idOf, shortId } from "./parts";
import type { ActionKind } from "./types";

export const associateService = {
  type: "associate-service",
  label: "Service association",
  confirm: "Create association",
  confirming: "Creating…",
  removal: false,
  subject: (a) => `${shortId(a.serviceNetworkId)} → ${shortId(a.serviceId)}`,
  undoneBy: "remove-service-association",
  create: {
    title: "Add the service to a service network",
    fields: fields({ network: true, service: true }),
    startsFrom: {
      serviceNetwork: { label: "Add a Lattice service…", end: "serviceNetworkId" },
      service: { label: "Add to a service network…", end: "serviceId" },
    },
    draggedFrom: "service",
    privateDnsByDefault: false,
    toAction: (form) => ({
      type: "associate-service",
      serviceNetworkId: form.serviceNetworkId,
      serviceId: form.serviceId,
    }),
    toForm: (action, base) => ({
      ...base,
      serviceNetworkId: idOf(action.serviceNetworkId),
      serviceId: idOf(action.serviceId),
    }),
    pendingNode: (change) => {
      const { action, id, status } = change;
      const network = idOf(action.serviceNetworkId);
      const service = idOf(action.serviceId);
      const publicName = change.dnsEntries.find((e) => !e.private);
      return {
        node: {
          id,
          kind: "serviceAssociation",
          label: "service association",
          status,
          data: {
            id,
            arn: change.arn ?? "",
            status,
            serviceNetworkId: network,
            serviceId: service,
            ...(publicName ? { dnsName: publicName.name } : {}),
          },
        },
        edges: [edgeOf("service-association", network, id, status), edgeOf("service-association", id, service, status)],
      };
    },
    recreate: (node) =>
      node.kind === "serviceAssociation"
        ? { type: "associate-service", serviceNetworkId: node.data.serviceNetworkId, serviceId: node.data.serviceId }
        : undefined,
  },
} satisfies ActionKind<"associate-service">;
