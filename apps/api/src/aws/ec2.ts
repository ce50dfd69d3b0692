/** EC2 reads for discovery: VPCs, subnets, security groups, Lattice-type VPC endpoints and their association rows. */
import {
  DescribeManagedPrefixListsCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointAssociationsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  type EC2Client,
  GetManagedPrefixListEntriesCommand,
  type IpPermission,
  type Tag,
} from "@aws-sdk/client-ec2";
import type { PrefixList, SecurityGroupRule, StatusDnsEntry } from "@lattice-atlas/shared";
import type {
  EndpointAssociationInput,
  NetworkAclInput,
  RouteTableInput,
  SecurityGroupInput,
  SubnetInput,
  VpcEndpointInput,
  VpcInput,
} from "../topology/inputs.js";
import { toAwsFailure } from "./failures.js";
import type { ResourceStatus } from "./results.js";
import { collectPages } from "./pagination.js";
import type { CallRunner } from "./runner.js";

const tagMap = (tags: Tag[] | undefined): Record<string, string> =>
  Object.fromEntries((tags ?? []).filter((t) => t.Key).map((t) => [t.Key!, t.Value ?? ""]));

function rulesOf(permissions: IpPermission[] | undefined): SecurityGroupRule[] {
  const rules: SecurityGroupRule[] = [];
  for (const p of permissions ?? []) {
    const base = {
      protocol: p.IpProtocol ?? "-1",
      ...(p.FromPort !== undefined && p.IpProtocol !== "-1" ? { fromPort: p.FromPort } : {}),
      ...(p.ToPort !== undefined && p.IpProtocol !== "-1" ? { toPort: p.ToPort } : {}),
    };
    for (const r of p.IpRanges ?? [])
      rules.push({ ...base, cidr: r.CidrIp!, ...(r.Description ? { description: r.Description } : {}) });
    for (const r of p.Ipv6Ranges ?? [])
      rules.push({ ...base, ipv6Cidr: r.CidrIpv6!, ...(r.Description ? { description: r.Description } : {}) });
    for (const r of p.PrefixListIds ?? [])
      rules.push({ ...base, prefixListId: r.PrefixListId!, ...(r.Description ? { description: r.Description } : {}) });
    for (const r of p.UserIdGroupPairs ?? [])
      rules.push({ ...base, sourceGroupId: r.GroupId!, ...(r.Description ? { description: r.Description } : {}) });
  }
  return rules;
}

export function createEc2Reader(ec2: EC2Client, runner: CallRunner) {
  const call = <T>(operation: string, fn: (signal: AbortSignal) => Promise<T>) => runner.call("ec2", operation, fn);
  const prefixListEntries = (id: string): Promise<string[]> =>
    collectPages("ec2", "GetManagedPrefixListEntries", async (token) => {
      const out = await call("GetManagedPrefixListEntries", (abortSignal) =>
        ec2.send(new GetManagedPrefixListEntriesCommand({ PrefixListId: id, MaxResults: 100, NextToken: token }), {
          abortSignal,
        }),
      );
      return { items: (out.Entries ?? []).flatMap((e) => (e.Cidr ? [e.Cidr] : [])), next: out.NextToken };
    });
  return {
    describeVpcs: (): Promise<VpcInput[]> =>
      collectPages("ec2", "DescribeVpcs", async (token) => {
        const out = await call("DescribeVpcs", (abortSignal) =>
          ec2.send(new DescribeVpcsCommand({ MaxResults: 1000, NextToken: token }), { abortSignal }),
        );
        return {
          items: (out.Vpcs ?? []).map((v) => ({
            vpcId: v.VpcId!,
            cidr: v.CidrBlock ?? "",
            isDefault: Boolean(v.IsDefault),
            tags: tagMap(v.Tags),
          })),
          next: out.NextToken,
        };
      }),

    describeSubnets: (): Promise<SubnetInput[]> =>
      collectPages("ec2", "DescribeSubnets", async (token) => {
        const out = await call("DescribeSubnets", (abortSignal) =>
          ec2.send(new DescribeSubnetsCommand({ MaxResults: 1000, NextToken: token }), { abortSignal }),
        );
        return {
          items: (out.Subnets ?? []).map((s) => {
            const name = tagMap(s.Tags).Name;
            return {
              subnetId: s.SubnetId!,
              vpcId: s.VpcId!,
              cidr: s.CidrBlock ?? "",
              availabilityZone: s.AvailabilityZone ?? "",
              ...(s.AvailabilityZoneId ? { availabilityZoneId: s.AvailabilityZoneId } : {}),
              ...(name ? { name } : {}),
            };
          }),
          next: out.NextToken,
        };
      }),

    describeSecurityGroups: (): Promise<SecurityGroupInput[]> =>
      collectPages("ec2", "DescribeSecurityGroups", async (token) => {
        // MaxResults keeps the call in the larger throttling bucket.
        const out = await call("DescribeSecurityGroups", (abortSignal) =>
          ec2.send(new DescribeSecurityGroupsCommand({ MaxResults: 1000, NextToken: token }), { abortSignal }),
        );
        return {
          items: (out.SecurityGroups ?? []).map((g) => {
            const name = tagMap(g.Tags).Name;
            return {
              groupId: g.GroupId!,
              groupName: g.GroupName ?? "",
              description: g.Description ?? "",
              vpcId: g.VpcId ?? "",
              ...(name ? { name } : {}),
              ingress: rulesOf(g.IpPermissions),
              egress: rulesOf(g.IpPermissionsEgress),
            };
          }),
          next: out.NextToken,
        };
      }),

    /** Every network ACL with its entries and subnets (hop 8: stateless, both directions). */
    describeNetworkAcls: (): Promise<NetworkAclInput[]> =>
      collectPages("ec2", "DescribeNetworkAcls", async (token) => {
        const out = await call("DescribeNetworkAcls", (abortSignal) =>
          ec2.send(new DescribeNetworkAclsCommand({ MaxResults: 1000, NextToken: token }), { abortSignal }),
        );
        return {
          items: (out.NetworkAcls ?? []).map((a) => ({
            id: a.NetworkAclId!,
            vpcId: a.VpcId ?? "",
            isDefault: Boolean(a.IsDefault),
            subnetIds: (a.Associations ?? []).flatMap((x) => (x.SubnetId ? [x.SubnetId] : [])),
            entries: (a.Entries ?? []).map((e) => ({
              ruleNumber: e.RuleNumber ?? 32767,
              egress: Boolean(e.Egress),
              protocol: e.Protocol ?? "-1",
              action: e.RuleAction === "deny" ? ("deny" as const) : ("allow" as const),
              ...(e.CidrBlock ? { cidr: e.CidrBlock } : {}),
              ...(e.Ipv6CidrBlock ? { ipv6Cidr: e.Ipv6CidrBlock } : {}),
              ...(e.PortRange?.From !== undefined ? { fromPort: e.PortRange.From } : {}),
              ...(e.PortRange?.To !== undefined ? { toPort: e.PortRange.To } : {}),
            })),
          })),
          next: out.NextToken,
        };
      }),

    /** Every route table with its routes and explicit subnet associations (the main one has none). */
    describeRouteTables: (): Promise<RouteTableInput[]> =>
      collectPages("ec2", "DescribeRouteTables", async (token) => {
        const out = await call("DescribeRouteTables", (abortSignal) =>
          ec2.send(new DescribeRouteTablesCommand({ MaxResults: 100, NextToken: token }), { abortSignal }),
        );
        return {
          items: (out.RouteTables ?? []).map((t) => ({
            id: t.RouteTableId!,
            vpcId: t.VpcId ?? "",
            main: (t.Associations ?? []).some((a) => a.Main),
            subnetIds: (t.Associations ?? []).flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])),
            routes: (t.Routes ?? []).map((r) => ({
              destination: r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId ?? "",
              target:
                r.GatewayId ??
                r.NatGatewayId ??
                r.TransitGatewayId ??
                r.VpcPeeringConnectionId ??
                r.NetworkInterfaceId ??
                r.InstanceId ??
                r.CoreNetworkArn ??
                "",
              ...(r.State ? { state: r.State } : {}),
            })),
          })),
          next: out.NextToken,
        };
      }),

    /**
     * The managed prefix lists security-group rules name, with their CIDRs: one Describe for their names,
     * one GetManagedPrefixListEntries per list. Lists no rule names are not read.
     */
    describePrefixLists: async (ids: readonly string[]): Promise<PrefixList[]> => {
      if (ids.length === 0) return [];
      const lists = await collectPages("ec2", "DescribeManagedPrefixLists", async (token) => {
        const out = await call("DescribeManagedPrefixLists", (abortSignal) =>
          ec2.send(new DescribeManagedPrefixListsCommand({ PrefixListIds: [...ids], NextToken: token }), {
            abortSignal,
          }),
        );
        return {
          items: (out.PrefixLists ?? []).map((p) => ({
            id: p.PrefixListId!,
            name: p.PrefixListName ?? p.PrefixListId!,
          })),
          next: out.NextToken,
        };
      });
      return Promise.all(lists.map(async (list) => ({ ...list, cidrs: await prefixListEntries(list.id) })));
    },

    describeLatticeEndpoints: (): Promise<VpcEndpointInput[]> =>
      collectPages("ec2", "DescribeVpcEndpoints", async (token) => {
        const out = await call("DescribeVpcEndpoints", (abortSignal) =>
          ec2.send(
            new DescribeVpcEndpointsCommand({
              MaxResults: 1000,
              NextToken: token,
              Filters: [{ Name: "vpc-endpoint-type", Values: ["Resource", "ServiceNetwork"] }],
            }),
            { abortSignal },
          ),
        );
        return {
          items: (out.VpcEndpoints ?? []).map((e) => {
            const name = tagMap(e.Tags).Name;
            return {
              endpointId: e.VpcEndpointId!,
              endpointType: e.VpcEndpointType ?? "",
              state: e.State ?? "",
              vpcId: e.VpcId!,
              subnetIds: e.SubnetIds ?? [],
              securityGroupIds: (e.Groups ?? []).map((g) => g.GroupId!),
              privateDnsEnabled: Boolean(e.PrivateDnsEnabled),
              ...(e.DnsOptions?.PrivateDnsPreference || e.DnsOptions?.PrivateDnsSpecifiedDomains
                ? {
                    dnsOptions: {
                      ...(e.DnsOptions.PrivateDnsPreference
                        ? { privateDnsPreference: e.DnsOptions.PrivateDnsPreference }
                        : {}),
                      ...(e.DnsOptions.PrivateDnsSpecifiedDomains
                        ? { privateDnsSpecifiedDomains: e.DnsOptions.PrivateDnsSpecifiedDomains }
                        : {}),
                    },
                  }
                : {}),
              ...(e.ResourceConfigurationArn ? { resourceConfigurationArn: e.ResourceConfigurationArn } : {}),
              ...(e.ServiceNetworkArn ? { serviceNetworkArn: e.ServiceNetworkArn } : {}),
              ...(e.IpAddressType ? { ipAddressType: e.IpAddressType } : {}),
              ...(e.CreationTimestamp ? { createdAt: e.CreationTimestamp.toISOString() } : {}),
              ...(e.OwnerId ? { ownerId: e.OwnerId } : {}),
              ...(name ? { name } : {}),
            };
          }),
          next: out.NextToken,
        };
      }),

    /** One call (plus pages) for every endpoint's rows; no waiter or paginator exists, so we loop. */
    describeEndpointAssociations: (): Promise<EndpointAssociationInput[]> =>
      collectPages("ec2", "DescribeVpcEndpointAssociations", async (token) => {
        const out = await call("DescribeVpcEndpointAssociations", (abortSignal) =>
          ec2.send(new DescribeVpcEndpointAssociationsCommand({ MaxResults: 1000, NextToken: token }), { abortSignal }),
        );
        return {
          items: (out.VpcEndpointAssociations ?? []).map((a) => ({
            endpointId: a.VpcEndpointId!,
            id: a.Id!,
            associatedResourceArn: a.AssociatedResourceArn ?? "",
            ...(a.ResourceConfigurationGroupArn
              ? { resourceConfigurationGroupArn: a.ResourceConfigurationGroupArn }
              : {}),
            ...(a.ServiceNetworkArn ? { serviceNetworkArn: a.ServiceNetworkArn } : {}),
            ...(a.AssociatedResourceAccessibility ? { accessibility: a.AssociatedResourceAccessibility } : {}),
            ...(a.DnsEntry?.DnsName ? { dnsName: a.DnsEntry.DnsName } : {}),
            ...(a.PrivateDnsEntry?.DnsName ? { privateDnsName: a.PrivateDnsEntry.DnsName } : {}),
            ...(a.FailureReason ? { failureReason: a.FailureReason } : {}),
          })),
          next: out.NextToken,
        };
      }),

    /**
     * One endpoint's state and names. Right after a create `DnsEntries` is
     * empty; the names arrive with the association rows once it is Available.
     */
    endpointStatus: async (endpointId: string): Promise<ResourceStatus> => {
      const out = await call("DescribeVpcEndpoints", (abortSignal) =>
        ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [endpointId] }), { abortSignal }),
      );
      const endpoint = out.VpcEndpoints?.[0];
      if (!endpoint)
        throw toAwsFailure(
          {
            name: "InvalidVpcEndpointId.NotFound",
            message: `The Vpc Endpoint Id '${endpointId}' does not exist`,
            $metadata: out.$metadata,
          },
          "ec2",
          "DescribeVpcEndpoints",
        );
      const state = endpoint.State ?? "";
      const failure = {
        ...(endpoint.LastError?.Code ? { failureCode: endpoint.LastError.Code } : {}),
        ...(endpoint.FailureReason || endpoint.LastError?.Message
          ? { failureReason: (endpoint.FailureReason ?? endpoint.LastError?.Message)! }
          : {}),
      };
      const dns: StatusDnsEntry[] = [];
      if (state.toLowerCase() === "available") {
        const rows = await call("DescribeVpcEndpointAssociations", (abortSignal) =>
          ec2.send(new DescribeVpcEndpointAssociationsCommand({ VpcEndpointIds: [endpointId] }), { abortSignal }),
        );
        for (const row of rows.VpcEndpointAssociations ?? []) {
          const reaches = row.AssociatedResourceArn ? { reaches: row.AssociatedResourceArn } : {};
          if (row.DnsEntry?.DnsName)
            dns.push({
              name: row.DnsEntry.DnsName,
              ...(row.DnsEntry.HostedZoneId ? { hostedZoneId: row.DnsEntry.HostedZoneId } : {}),
              private: false,
              ...reaches,
            });
          if (row.PrivateDnsEntry?.DnsName) dns.push({ name: row.PrivateDnsEntry.DnsName, private: true, ...reaches });
        }
      }
      if (dns.length === 0) {
        for (const entry of endpoint.DnsEntries ?? []) {
          if (entry.DnsName)
            dns.push({
              name: entry.DnsName,
              ...(entry.HostedZoneId ? { hostedZoneId: entry.HostedZoneId } : {}),
              private: false,
            });
        }
      }
      return { status: state, ...failure, dns };
    },
  };
}

export type Ec2Reader = ReturnType<typeof createEc2Reader>;
