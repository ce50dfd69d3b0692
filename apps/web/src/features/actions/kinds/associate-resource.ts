/** A resource configuration added to a service network (CreateServiceNetworkResourceAssociation). */
import { edgeOf, fields, idOf, shortId } from "./parts";
import type { ActionKind } from "./types";

export const associateResource = {
  type: "associate-resource",
  label: "Resource association",
  confirm: "Create association",
  confirming: "Creating…",
  removal: false,
  subject: (a) => `${shortId(a.serviceNetworkId)} → ${shortId(a.resourceConfigurationId)}`,
  undoneBy: "remove-resource-association",
  create: {
    title: "Add the resource configuration to a service network",
    fields: fields({ network: true, configuration: true, privateDns: true }),
    startsFrom: {
      serviceNetwork: { label: "Add a resource configuration…", end: "serviceNetworkId" },
      resourceConfiguration: { label: "Add to a service network…", end: "resourceConfigurationId" },
    },
    draggedFrom: "resourceConfiguration",
    privateDnsByDefault: false,
    toAction: (form, _parts, index) => {
      // Private DNS is always on for ARN (RDS) configurations: AWS ignores the flag, so it is not sent.
      const arnType = index?.get(form.resourceConfigurationId, "resourceConfiguration")?.data.type === "ARN";
      return {
        type: "associate-resource",
        serviceNetworkId: form.serviceNetworkId,
        resourceConfigurationId: form.resourceConfigurationId,
        ...(arnType ? {} : { privateDnsEnabled: form.privateDnsEnabled }),
      };
    },
    toForm: (action, base) => ({
      ...base,
      serviceNetworkId: idOf(action.serviceNetworkId),
      resourceConfigurationId: idOf(action.resourceConfigurationId),
      privateDnsEnabled: action.privateDnsEnabled ?? true,
    }),
    pendingNode: (change, index) => {
      const { action, id, status } = change;
      const network = idOf(action.serviceNetworkId);
      const configuration = idOf(action.resourceConfigurationId);
      const publicNames = change.dnsEntries.filter((e) => !e.private);
      const privateNames = change.dnsEntries.filter((e) => e.private);
      return {
        node: {
          id,
          kind: "resourceAssociation",
          label: index.byId.get(configuration)?.label ?? "resource association",
          status,
          data: {
            id,
            arn: change.arn ?? "",
            status,
            serviceNetworkId: network,
            resourceConfigurationId: configuration,
            isManaged: false,
            privateDnsEnabled: action.privateDnsEnabled ?? true,
            // A GROUP/ARN configuration's names belong to its children: the parent shows one only when there is one.
            ...(publicNames.length === 1 ? { dnsName: publicNames[0]!.name } : {}),
            ...(privateNames.length === 1 ? { privateDnsName: privateNames[0]!.name } : {}),
            ...(change.failureCode ? { failureCode: change.failureCode } : {}),
          },
        },
        edges: [
          edgeOf("resource-association", network, id, status),
          edgeOf("resource-association", id, configuration, status),
        ],
      };
    },
    recreate: (node) =>
      node.kind === "resourceAssociation" && !node.data.isManaged
        ? {
            type: "associate-resource",
            serviceNetworkId: node.data.serviceNetworkId,
            resourceConfigurationId: node.data.resourceConfigurationId,
          }
        : undefined,
  },
} satisfies ActionKind<"associate-resource">;
