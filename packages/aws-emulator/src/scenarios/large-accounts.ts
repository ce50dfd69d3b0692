/**
 * The `large` scenario spread over accounts (`accounts` > 1): the generated
 * document split into an estate. Account 0 (the emulator's default account,
 * the organization's management account) owns the service networks and their
 * resource and service associations; the VPCs go round-robin to accounts
 * 1…N−1, each taking what lives in its VPCs (Aurora, gateways,
 * configurations, services and their targets) and what its consumer VPCs
 * made (VPC associations, endpoints). Account 0 shares its networks with the
 * organization, each member shares its configurations and services with it;
 * organization sharing is on, so no invitations. Every member has the estate's
 * read-only role (the same name and external id as the `estate` scenario), so
 * a hub client reads them the same way.
 */
import type {
  EndpointDocument,
  ResourceConfigurationDocument,
  ScenarioDocument,
  ServiceDocument,
  VpcDocument,
} from "./document.js";
import type { EstateDocument, EstateStep } from "./estate-loader.js";
import { ESTATE_EXTERNAL_ID, ESTATE_ROLE } from "./estate.js";

export const LARGE_NETWORKING_ACCOUNT = "111122223333";

/** Member account k (1…49): 200000000001, 200000000002 … */
export const largeMemberAccount = (k: number): string => `2000000000${String(k).padStart(2, "0")}`;

export function largeEstate(doc: ScenarioDocument, accounts: number): EstateDocument {
  const members = accounts - 1;
  const accountOfVpc = new Map<string, string>();
  doc.vpcs.forEach((vpc, i) => accountOfVpc.set(vpc.name, largeMemberAccount(1 + (i % members))));
  const ofVpc = (name: string): string => accountOfVpc.get(name)!;

  const gatewayAccount = new Map((doc.resourceGateways ?? []).map((g) => [g.name, ofVpc(g.vpc)]));
  const configAccount = new Map<string, string>();
  for (const c of doc.resourceConfigurations ?? []) {
    configAccount.set(c.name, c.gateway ? gatewayAccount.get(c.gateway)! : configAccount.get(c.group!)!);
  }
  // Services follow their provider VPC (IP targets live there); Lambda services take the n-th provider, as `large` pairs them.
  const providers = doc.vpcs.filter((v) => v.role === "provider").map((v) => v.name);
  const serviceAccount = new Map<string, string>();
  const lambdaAccount = new Map<string, string>();
  (doc.services ?? []).forEach((service, j) => {
    const account = service.targetGroup?.vpc ? ofVpc(service.targetGroup.vpc) : ofVpc(providers[j % providers.length]!);
    serviceAccount.set(service.name, account);
    if (service.targetGroup?.type === "LAMBDA")
      for (const fn of service.targetGroup.targets) lambdaAccount.set(fn, account);
  });

  const remote = (account: string, name: string, home: string): string =>
    account === home ? name : `@${account}/${name}`;
  const steps: EstateStep[] = [
    {
      part: {
        name: `${doc.name}-networking`,
        description: "Service networks.",
        accountId: LARGE_NETWORKING_ACCOUNT,
        region: doc.region,
        vpcs: [],
        serviceNetworks: doc.serviceNetworks ?? [],
      },
    },
    {
      share: {
        accountId: LARGE_NETWORKING_ACCOUNT,
        region: doc.region,
        name: "large-networks",
        serviceNetworks: (doc.serviceNetworks ?? []).map((s) => s.name),
        principals: ["organization"],
      },
    },
  ];
  for (let k = 1; k <= members; k++) {
    const account = largeMemberAccount(k);
    const vpcs: VpcDocument[] = doc.vpcs.filter((v) => ofVpc(v.name) === account);
    const configurations: ResourceConfigurationDocument[] = (doc.resourceConfigurations ?? []).filter(
      (c) => configAccount.get(c.name) === account,
    );
    const services: ServiceDocument[] = (doc.services ?? []).filter((s) => serviceAccount.get(s.name) === account);
    // A Resource endpoint reaches a configuration of its own account (others are not loaded yet when it is made).
    const ownSingles = configurations.filter((c) => c.type === "SINGLE" || c.type === "ARN").map((c) => c.name);
    const endpoints: EndpointDocument[] = [];
    for (const endpoint of doc.endpoints ?? []) {
      if (ofVpc(endpoint.vpc) !== account) continue;
      if (endpoint.serviceNetwork) {
        endpoints.push({ ...endpoint, serviceNetwork: `@${LARGE_NETWORKING_ACCOUNT}/${endpoint.serviceNetwork}` });
      } else if (ownSingles.length > 0) {
        endpoints.push({ ...endpoint, resourceConfiguration: ownSingles[endpoints.length % ownSingles.length]! });
      }
    }
    steps.push({
      part: {
        name: `${doc.name}-member-${k}`,
        description: `Member ${k}: VPCs, resources and services, and what its consumer VPCs reach.`,
        accountId: account,
        region: doc.region,
        vpcs,
        aurora: (doc.aurora ?? []).filter((a) => ofVpc(a.vpc) === account),
        lambdas: (doc.lambdas ?? []).filter((l) => lambdaAccount.get(l.name) === account),
        resourceGateways: (doc.resourceGateways ?? []).filter((g) => gatewayAccount.get(g.name) === account),
        resourceConfigurations: configurations,
        services,
        vpcAssociations: (doc.vpcAssociations ?? [])
          .filter((a) => ofVpc(a.vpc) === account)
          .map((a) => ({ ...a, serviceNetwork: `@${LARGE_NETWORKING_ACCOUNT}/${a.serviceNetwork}` })),
        endpoints,
      },
    });
    const shareable = configurations.filter((c) => c.type !== "CHILD").map((c) => c.name);
    if (shareable.length > 0 || services.length > 0) {
      steps.push({
        share: {
          accountId: account,
          region: doc.region,
          name: `large-member-${k}`,
          resourceConfigurations: shareable,
          services: services.map((s) => s.name),
          principals: ["organization"],
        },
      });
    }
  }
  steps.push({
    part: {
      name: `${doc.name}-networking-associations`,
      description:
        "The networks' resource and service associations, with the members' shared configurations and services.",
      accountId: LARGE_NETWORKING_ACCOUNT,
      region: doc.region,
      vpcs: [],
      resourceAssociations: (doc.resourceAssociations ?? []).map((a) => ({
        ...a,
        resourceConfiguration: remote(
          configAccount.get(a.resourceConfiguration)!,
          a.resourceConfiguration,
          LARGE_NETWORKING_ACCOUNT,
        ),
      })),
      serviceAssociations: (doc.serviceAssociations ?? []).map((a) => ({
        ...a,
        service: remote(serviceAccount.get(a.service)!, a.service, LARGE_NETWORKING_ACCOUNT),
      })),
    },
  });
  return {
    name: doc.name,
    description: `${doc.description} Spread over ${accounts} accounts.`,
    organization: {
      managementAccountId: LARGE_NETWORKING_ACCOUNT,
      ramSharingEnabled: true,
      accounts: [
        { id: LARGE_NETWORKING_ACCOUNT, name: "networking" },
        ...Array.from({ length: members }, (_, i) => ({ id: largeMemberAccount(i + 1), name: `member-${i + 1}` })),
      ],
    },
    roles: Array.from({ length: members }, (_, i) => ({
      accountId: largeMemberAccount(i + 1),
      roleName: ESTATE_ROLE,
      trustedPrincipals: [`arn:aws:iam::${LARGE_NETWORKING_ACCOUNT}:root`],
      externalId: ESTATE_EXTERNAL_ID,
    })),
    steps,
  };
}
