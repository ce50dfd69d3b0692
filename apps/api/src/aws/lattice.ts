/** VPC Lattice reads for discovery, as plain domain records. */
import {
  GetAuthPolicyCommand,
  GetResourceConfigurationCommand,
  GetServiceNetworkResourceAssociationCommand,
  GetServiceNetworkServiceAssociationCommand,
  GetServiceNetworkVpcAssociationCommand,
  ListAccessLogSubscriptionsCommand,
  ListDomainVerificationsCommand,
  ListRulesCommand,
  ListListenersCommand,
  ListResourceConfigurationsCommand,
  ListResourceGatewaysCommand,
  ListServiceNetworkResourceAssociationsCommand,
  ListServiceNetworkServiceAssociationsCommand,
  ListServiceNetworkVpcAssociationsCommand,
  ListServiceNetworkVpcEndpointAssociationsCommand,
  ListServiceNetworksCommand,
  ListServicesCommand,
  ListTargetGroupsCommand,
  ListTargetsCommand,
  type DnsEntry,
  type ResourceConfigurationDefinition,
  type VPCLatticeClient,
} from "@aws-sdk/client-vpc-lattice";
import type {
  DefinitionInput,
  NetworkEndpointInput,
  ResourceAssociationInput,
  ResourceConfigurationInput,
  ResourceGatewayInput,
  ServiceAssociationInput,
  ServiceInput,
  ServiceNetworkInput,
  TargetGroupInput,
  VpcAssociationInput,
} from "../topology/inputs.js";
import type { AccessLogSubscription, DomainVerification, StatusDnsEntry } from "@lattice-atlas/shared";
import type { ResourceStatus } from "./results.js";
import { collectPages } from "./pagination.js";
import type { CallRunner } from "./runner.js";

const iso = (d: Date | undefined): string | undefined => d?.toISOString();

function dnsOf(entry: DnsEntry | undefined, isPrivate: boolean, reaches?: string): StatusDnsEntry[] {
  if (!entry?.domainName) return [];
  return [
    {
      name: entry.domainName,
      ...(entry.hostedZoneId ? { hostedZoneId: entry.hostedZoneId } : {}),
      private: isPrivate,
      ...(reaches ? { reaches } : {}),
    },
  ];
}

function definitionOf(definition: ResourceConfigurationDefinition | undefined): DefinitionInput | undefined {
  if (!definition) return undefined;
  if (definition.dnsResource?.domainName) return { kind: "dns", values: [definition.dnsResource.domainName] };
  if (definition.ipResource?.ipAddress) return { kind: "ip", values: [definition.ipResource.ipAddress] };
  if (definition.arnResource?.arn) return { kind: "arn", values: [definition.arnResource.arn] };
  if (definition.cidrResource?.cidrRanges) return { kind: "cidr", values: definition.cidrResource.cidrRanges };
  return undefined;
}

/** The id in a Lattice identifier: lists may be asked by ARN (a network shared from another account). */
const idOfReference = (reference: string): string =>
  reference.startsWith("arn:") ? (reference.split("/").pop() ?? reference) : reference;

export function createLatticeReader(lattice: VPCLatticeClient, runner: CallRunner) {
  const call = <T>(operation: string, fn: (signal: AbortSignal) => Promise<T>) =>
    runner.call("vpc-lattice", operation, fn);
  const MAX = 100;
  return {
    listServiceNetworks: (): Promise<Omit<ServiceNetworkInput, "authType" | "authPolicy">[]> =>
      collectPages("vpc-lattice", "ListServiceNetworks", async (token) => {
        const out = await call("ListServiceNetworks", (abortSignal) =>
          lattice.send(new ListServiceNetworksCommand({ maxResults: MAX, nextToken: token }), { abortSignal }),
        );
        return {
          items: (out.items ?? []).map((s) => ({
            id: s.id!,
            arn: s.arn!,
            name: s.name ?? s.id!,
            associatedVpcs: s.numberOfAssociatedVPCs ?? 0,
            associatedServices: s.numberOfAssociatedServices ?? 0,
            associatedResourceConfigurations: s.numberOfAssociatedResourceConfigurations ?? 0,
          })),
          next: out.nextToken,
        };
      }),

    listVpcAssociations: (serviceNetworkId: string): Promise<VpcAssociationInput[]> =>
      collectPages("vpc-lattice", "ListServiceNetworkVpcAssociations", async (token) => {
        const out = await call("ListServiceNetworkVpcAssociations", (abortSignal) =>
          lattice.send(
            new ListServiceNetworkVpcAssociationsCommand({
              serviceNetworkIdentifier: serviceNetworkId,
              maxResults: MAX,
              nextToken: token,
            }),
            { abortSignal },
          ),
        );
        return {
          items: (out.items ?? []).map((a) => ({
            id: a.id!,
            arn: a.arn!,
            status: a.status ?? "UNKNOWN",
            serviceNetworkId: idOfReference(a.serviceNetworkId ?? serviceNetworkId),
            vpcId: a.vpcId!,
            ...(a.createdBy ? { createdBy: a.createdBy } : {}),
            securityGroupIds: null,
            privateDnsEnabled: Boolean(a.privateDnsEnabled),
            ...(a.dnsOptions
              ? {
                  dnsOptions: {
                    ...(a.dnsOptions.privateDnsPreference
                      ? { privateDnsPreference: a.dnsOptions.privateDnsPreference }
                      : {}),
                    ...(a.dnsOptions.privateDnsSpecifiedDomains
                      ? { privateDnsSpecifiedDomains: a.dnsOptions.privateDnsSpecifiedDomains }
                      : {}),
                  },
                }
              : {}),
            ...(a.lastUpdatedAt ? { lastUpdatedAt: iso(a.lastUpdatedAt)! } : {}),
          })),
          next: out.nextToken,
        };
      }),

    /** The fields only the Get carries: security groups and the failure. */
    getVpcAssociation: async (
      id: string,
    ): Promise<Pick<VpcAssociationInput, "securityGroupIds" | "failureCode" | "failureMessage">> => {
      const out = await call("GetServiceNetworkVpcAssociation", (abortSignal) =>
        lattice.send(new GetServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: id }), {
          abortSignal,
        }),
      );
      return {
        securityGroupIds: out.securityGroupIds ?? [],
        ...(out.failureCode ? { failureCode: out.failureCode } : {}),
        ...(out.failureMessage ? { failureMessage: out.failureMessage } : {}),
      };
    },

    listResourceAssociations: (serviceNetworkId: string): Promise<ResourceAssociationInput[]> =>
      collectPages("vpc-lattice", "ListServiceNetworkResourceAssociations", async (token) => {
        const out = await call("ListServiceNetworkResourceAssociations", (abortSignal) =>
          lattice.send(
            new ListServiceNetworkResourceAssociationsCommand({
              serviceNetworkIdentifier: serviceNetworkId,
              includeChildren: true,
              maxResults: MAX,
              nextToken: token,
            }),
            { abortSignal },
          ),
        );
        return {
          items: (out.items ?? []).map((a) => ({
            id: a.id!,
            arn: a.arn!,
            status: a.status ?? "UNKNOWN",
            serviceNetworkId: idOfReference(a.serviceNetworkId ?? serviceNetworkId),
            resourceConfigurationId: a.resourceConfigurationId!,
            ...(a.resourceConfigurationArn ? { resourceConfigurationArn: a.resourceConfigurationArn } : {}),
            isManaged: Boolean(a.isManagedAssociation),
            privateDnsEnabled: Boolean(a.privateDnsEnabled),
            ...(a.dnsEntry?.domainName ? { dnsName: a.dnsEntry.domainName } : {}),
            ...(a.dnsEntry?.hostedZoneId ? { hostedZoneId: a.dnsEntry.hostedZoneId } : {}),
            ...(a.privateDnsEntry?.domainName ? { privateDnsName: a.privateDnsEntry.domainName } : {}),
            ...(a.failureCode ? { failureCode: a.failureCode } : {}),
          })),
          next: out.nextToken,
        };
      }),

    listServiceAssociations: (serviceNetworkId: string): Promise<ServiceAssociationInput[]> =>
      collectPages("vpc-lattice", "ListServiceNetworkServiceAssociations", async (token) => {
        const out = await call("ListServiceNetworkServiceAssociations", (abortSignal) =>
          lattice.send(
            new ListServiceNetworkServiceAssociationsCommand({
              serviceNetworkIdentifier: serviceNetworkId,
              maxResults: MAX,
              nextToken: token,
            }),
            { abortSignal },
          ),
        );
        return {
          items: (out.items ?? []).map((a) => ({
            id: a.id!,
            arn: a.arn!,
            status: a.status ?? "UNKNOWN",
            serviceNetworkId: idOfReference(a.serviceNetworkId ?? serviceNetworkId),
            serviceId: a.serviceId!,
            ...(a.serviceArn ? { serviceArn: a.serviceArn } : {}),
            ...(a.dnsEntry?.domainName ? { dnsName: a.dnsEntry.domainName } : {}),
            ...(a.customDomainName ? { customDomainName: a.customDomainName } : {}),
          })),
          next: out.nextToken,
        };
      }),

    listNetworkEndpoints: (serviceNetworkId: string): Promise<NetworkEndpointInput[]> =>
      collectPages("vpc-lattice", "ListServiceNetworkVpcEndpointAssociations", async (token) => {
        const out = await call("ListServiceNetworkVpcEndpointAssociations", (abortSignal) =>
          lattice.send(
            new ListServiceNetworkVpcEndpointAssociationsCommand({
              serviceNetworkIdentifier: serviceNetworkId,
              maxResults: MAX,
              nextToken: token,
            }),
            { abortSignal },
          ),
        );
        return {
          items: (out.items ?? []).map((e) => ({
            serviceNetworkId: idOfReference(serviceNetworkId),
            vpcEndpointId: e.vpcEndpointId!,
            ...(e.vpcId ? { vpcId: e.vpcId } : {}),
            ...(e.vpcEndpointOwnerId ? { ownerId: e.vpcEndpointOwnerId } : {}),
            ...(e.state ? { state: e.state } : {}),
          })),
          next: out.nextToken,
        };
      }),

    listResourceGateways: (): Promise<ResourceGatewayInput[]> =>
      collectPages("vpc-lattice", "ListResourceGateways", async (token) => {
        const out = await call("ListResourceGateways", (abortSignal) =>
          lattice.send(new ListResourceGatewaysCommand({ maxResults: MAX, nextToken: token }), { abortSignal }),
        );
        return {
          items: (out.items ?? []).map((g) => ({
            id: g.id!,
            arn: g.arn!,
            name: g.name ?? g.id!,
            status: g.status ?? "UNKNOWN",
            vpcId: g.vpcIdentifier ?? "",
            subnetIds: g.subnetIds ?? [],
            securityGroupIds: g.securityGroupIds ?? [],
            ...(g.ipAddressType ? { ipAddressType: g.ipAddressType } : {}),
            ...(g.resourceConfigDnsResolution ? { dnsResolution: g.resourceConfigDnsResolution } : {}),
            ...(g.ipv4AddressesPerEni !== undefined ? { ipv4AddressesPerEni: g.ipv4AddressesPerEni } : {}),
          })),
          next: out.nextToken,
        };
      }),

    /** Summaries, page by page: `onPage` lets the caller start the Gets while the next page loads. */
    listResourceConfigurations: (
      onPage: (items: ResourceConfigurationInput[]) => void,
    ): Promise<ResourceConfigurationInput[]> =>
      collectPages(
        "vpc-lattice",
        "ListResourceConfigurations",
        async (token) => {
          const out = await call("ListResourceConfigurations", (abortSignal) =>
            lattice.send(new ListResourceConfigurationsCommand({ maxResults: MAX, nextToken: token }), { abortSignal }),
          );
          return {
            items: (out.items ?? []).map((c) => ({
              id: c.id!,
              arn: c.arn!,
              name: c.name ?? c.id!,
              type: c.type ?? "SINGLE",
              status: c.status ?? "UNKNOWN",
              ...(c.resourceGatewayId ? { gatewayId: c.resourceGatewayId } : {}),
              ...(c.resourceConfigurationGroupId ? { groupId: c.resourceConfigurationGroupId } : {}),
              amazonManaged: Boolean(c.amazonManaged),
              ...(c.customDomainName ? { customDomainName: c.customDomainName } : {}),
              ...(c.groupDomain ? { groupDomain: c.groupDomain } : {}),
              ...(c.lastUpdatedAt ? { lastUpdatedAt: iso(c.lastUpdatedAt)! } : {}),
            })),
            next: out.nextToken,
          };
        },
        onPage,
      ),

    getResourceConfiguration: async (id: string): Promise<NonNullable<ResourceConfigurationInput["details"]>> => {
      const out = await call("GetResourceConfiguration", (abortSignal) =>
        lattice.send(new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: id }), { abortSignal }),
      );
      const definition = definitionOf(out.resourceConfigurationDefinition);
      return {
        portRanges: out.portRanges ?? [],
        ...(out.protocol ? { protocol: out.protocol } : {}),
        ...(definition ? { definition } : {}),
        ...(out.domainVerificationId ? { domainVerificationId: out.domainVerificationId } : {}),
        ...(out.domainVerificationStatus ? { domainVerificationStatus: out.domainVerificationStatus } : {}),
        ...(out.allowAssociationToShareableServiceNetwork !== undefined
          ? { allowAssociationToShareableServiceNetwork: out.allowAssociationToShareableServiceNetwork }
          : {}),
        ...(out.failureReason ? { failureReason: out.failureReason } : {}),
      };
    },

    listServices: (): Promise<Omit<ServiceInput, "authType" | "authPolicy" | "listeners">[]> =>
      collectPages("vpc-lattice", "ListServices", async (token) => {
        const out = await call("ListServices", (abortSignal) =>
          lattice.send(new ListServicesCommand({ maxResults: MAX, nextToken: token }), { abortSignal }),
        );
        return {
          items: (out.items ?? []).map((s) => ({
            id: s.id!,
            arn: s.arn!,
            name: s.name ?? s.id!,
            status: s.status ?? "UNKNOWN",
            ...(s.dnsEntry?.domainName ? { dnsName: s.dnsEntry.domainName } : {}),
            ...(s.customDomainName ? { customDomainName: s.customDomainName } : {}),
          })),
          next: out.nextToken,
        };
      }),

    listListeners: (serviceId: string): Promise<ServiceInput["listeners"]> =>
      collectPages("vpc-lattice", "ListListeners", async (token) => {
        const out = await call("ListListeners", (abortSignal) =>
          lattice.send(new ListListenersCommand({ serviceIdentifier: serviceId, maxResults: MAX, nextToken: token }), {
            abortSignal,
          }),
        );
        return {
          items: (out.items ?? []).map((l) => ({
            id: l.id!,
            name: l.name ?? l.id!,
            protocol: l.protocol ?? "HTTPS",
            port: l.port ?? (l.protocol === "HTTP" ? 80 : 443),
          })),
          next: out.nextToken,
        };
      }),

    listTargetGroups: (): Promise<Omit<TargetGroupInput, "targets">[]> =>
      collectPages("vpc-lattice", "ListTargetGroups", async (token) => {
        const out = await call("ListTargetGroups", (abortSignal) =>
          lattice.send(new ListTargetGroupsCommand({ maxResults: MAX, nextToken: token }), { abortSignal }),
        );
        return {
          items: (out.items ?? []).map((t) => ({
            id: t.id!,
            arn: t.arn!,
            name: t.name ?? t.id!,
            type: t.type ?? "IP",
            status: t.status ?? "UNKNOWN",
            ...(t.port !== undefined ? { port: t.port } : {}),
            ...(t.protocol ? { protocol: t.protocol } : {}),
            ...(t.vpcIdentifier ? { vpcId: t.vpcIdentifier } : {}),
            serviceArns: t.serviceArns ?? [],
          })),
          next: out.nextToken,
        };
      }),

    listTargets: (targetGroupId: string): Promise<TargetGroupInput["targets"]> =>
      collectPages("vpc-lattice", "ListTargets", async (token) => {
        const out = await call("ListTargets", (abortSignal) =>
          lattice.send(
            new ListTargetsCommand({ targetGroupIdentifier: targetGroupId, maxResults: MAX, nextToken: token }),
            { abortSignal },
          ),
        );
        return {
          items: (out.items ?? []).map((t) => ({
            id: t.id!,
            ...(t.port !== undefined ? { port: t.port } : {}),
            ...(t.status ? { status: t.status } : {}),
            ...(t.reasonCode ? { reasonCode: t.reasonCode } : {}),
          })),
          next: out.nextToken,
        };
      }),

    /** One VPC association's state for a change's status poll (no DNS: names come from the resource and service associations). */
    vpcAssociationStatus: async (id: string): Promise<ResourceStatus> => {
      const out = await call("GetServiceNetworkVpcAssociation", (abortSignal) =>
        lattice.send(new GetServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: id }), {
          abortSignal,
        }),
      );
      return {
        status: out.status ?? "UNKNOWN",
        ...(out.failureCode ? { failureCode: out.failureCode } : {}),
        ...(out.failureMessage ? { failureReason: out.failureMessage } : {}),
        dns: [],
      };
    },

    /**
     * One resource association with its names. A GROUP or ARN configuration's
     * association has none of its own: the names are on the managed child
     * associations (writer, reader …), read with one List once the parent is ACTIVE.
     */
    resourceAssociationStatus: async (id: string): Promise<ResourceStatus> => {
      const out = await call("GetServiceNetworkResourceAssociation", (abortSignal) =>
        lattice.send(
          new GetServiceNetworkResourceAssociationCommand({ serviceNetworkResourceAssociationIdentifier: id }),
          { abortSignal },
        ),
      );
      const dns = [
        ...dnsOf(out.dnsEntry, false, out.resourceConfigurationArn),
        ...dnsOf(out.privateDnsEntry, true, out.resourceConfigurationArn),
      ];
      if (dns.length === 0 && out.status === "ACTIVE" && out.serviceNetworkId && out.resourceConfigurationId) {
        const children = await call("ListServiceNetworkResourceAssociations", (abortSignal) =>
          lattice.send(
            new ListServiceNetworkResourceAssociationsCommand({
              serviceNetworkIdentifier: out.serviceNetworkId,
              resourceConfigurationIdentifier: out.resourceConfigurationId,
              includeChildren: true,
              maxResults: 100,
            }),
            { abortSignal },
          ),
        );
        for (const child of children.items ?? []) {
          if (!child.isManagedAssociation) continue;
          dns.push(
            ...dnsOf(child.dnsEntry, false, child.resourceConfigurationArn),
            ...dnsOf(child.privateDnsEntry, true, child.resourceConfigurationArn),
          );
        }
      }
      return {
        status: out.status ?? "UNKNOWN",
        ...(out.failureCode ? { failureCode: out.failureCode } : {}),
        ...(out.failureReason ? { failureReason: out.failureReason } : {}),
        dns,
      };
    },

    serviceAssociationStatus: async (id: string): Promise<ResourceStatus> => {
      const out = await call("GetServiceNetworkServiceAssociation", (abortSignal) =>
        lattice.send(
          new GetServiceNetworkServiceAssociationCommand({ serviceNetworkServiceAssociationIdentifier: id }),
          { abortSignal },
        ),
      );
      return {
        status: out.status ?? "UNKNOWN",
        ...(out.failureCode ? { failureCode: out.failureCode } : {}),
        ...(out.failureMessage ? { failureReason: out.failureMessage } : {}),
        dns: [
          ...dnsOf(out.dnsEntry, false, out.serviceArn),
          ...(out.customDomainName
            ? [{ name: out.customDomainName, private: true, ...(out.serviceArn ? { reaches: out.serviceArn } : {}) }]
            : []),
        ],
      };
    },

    /** One call gives all three facts: whether IAM auth is on (state), whether a policy is set, and its text. */
    getAuthPolicy: async (
      identifier: string,
    ): Promise<{ authType: string; authPolicy: "present" | "absent"; authPolicyText?: string }> => {
      const out = await call("GetAuthPolicy", (abortSignal) =>
        lattice.send(new GetAuthPolicyCommand({ resourceIdentifier: identifier }), { abortSignal }),
      );
      return {
        authType: out.state === "Active" ? "AWS_IAM" : "NONE",
        authPolicy: out.policy ? "present" : "absent",
        ...(out.policy ? { authPolicyText: out.policy } : {}),
      };
    },

    /** Where a network, service or configuration sends its access logs (read on demand, for the details). */
    listAccessLogSubscriptions: (resourceIdentifier: string): Promise<AccessLogSubscription[]> =>
      collectPages("vpc-lattice", "ListAccessLogSubscriptions", async (token) => {
        const out = await call("ListAccessLogSubscriptions", (abortSignal) =>
          lattice.send(
            new ListAccessLogSubscriptionsCommand({ resourceIdentifier, maxResults: MAX, nextToken: token }),
            {
              abortSignal,
            },
          ),
        );
        return {
          items: (out.items ?? []).map((a) => ({
            id: a.id!,
            destinationArn: a.destinationArn ?? "",
            ...(a.serviceNetworkLogType ? { logType: a.serviceNetworkLogType } : {}),
          })),
          next: out.nextToken,
        };
      }),

    /** A listener's rules, by priority, the default last (read on demand, for the details). */
    listRules: (
      serviceIdentifier: string,
      listenerIdentifier: string,
    ): Promise<Array<{ name: string; priority?: number; isDefault: boolean }>> =>
      collectPages("vpc-lattice", "ListRules", async (token) => {
        const out = await call("ListRules", (abortSignal) =>
          lattice.send(
            new ListRulesCommand({ serviceIdentifier, listenerIdentifier, maxResults: MAX, nextToken: token }),
            { abortSignal },
          ),
        );
        return {
          items: (out.items ?? []).map((r) => ({
            name: r.name ?? r.id!,
            ...(r.priority !== undefined ? { priority: r.priority } : {}),
            isDefault: Boolean(r.isDefault),
          })),
          next: out.nextToken,
        };
      }),

    /** The account's domain verifications; the List carries the TXT record, so no Get is needed. */
    listDomainVerifications: (): Promise<DomainVerification[]> =>
      collectPages("vpc-lattice", "ListDomainVerifications", async (token) => {
        const out = await call("ListDomainVerifications", (abortSignal) =>
          lattice.send(new ListDomainVerificationsCommand({ maxResults: MAX, nextToken: token }), { abortSignal }),
        );
        return {
          items: (out.items ?? []).map((v) => ({
            id: v.id!,
            domainName: v.domainName ?? "",
            status: v.status ?? "UNKNOWN",
            ...(v.txtMethodConfig?.name ? { txtName: v.txtMethodConfig.name } : {}),
            ...(v.txtMethodConfig?.value ? { txtValue: v.txtMethodConfig.value } : {}),
            ...(v.lastVerifiedTime ? { lastVerifiedAt: iso(v.lastVerifiedTime)! } : {}),
          })),
          next: out.nextToken,
        };
      }),
  };
}

export type LatticeReader = ReturnType<typeof createLatticeReader>;
