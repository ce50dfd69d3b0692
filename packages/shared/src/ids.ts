/** Identifier and region patterns shared by the routes (validation) and the UI (search). */
export const PATTERNS = {
  vpcId: "^vpc-([0-9a-f]{8}|[0-9a-f]{17})$",
  securityGroupId: "^sg-([0-9a-f]{8}|[0-9a-f]{17})$",
  subnetId: "^subnet-([0-9a-f]{8}|[0-9a-f]{17})$",
  vpcEndpointId: "^vpce-([0-9a-f]{8}|[0-9a-f]{17})$",
  /** VPC Lattice ids (API reference patterns); networks, configurations and services also by ARN. */
  serviceNetworkRef: "^(sn-[0-9a-z]{17}|arn:aws[a-z-]*:vpc-lattice:[a-z0-9-]+:\\d{12}:servicenetwork/sn-[0-9a-z]{17})$",
  resourceConfigurationRef:
    "^(rcfg-[0-9a-z]{17}|arn:aws[a-z-]*:vpc-lattice:[a-z0-9-]+:\\d{12}:resourceconfiguration/rcfg-[0-9a-z]{17})$",
  serviceRef: "^(svc-[0-9a-z]{17}|arn:aws[a-z-]*:vpc-lattice:[a-z0-9-]+:\\d{12}:service/svc-[0-9a-z]{17})$",
  vpcAssociationId: "^snva-[0-9a-z]{17}$",
  resourceAssociationId: "^snra-[0-9a-f]{17}$",
  serviceAssociationId: "^snsa-[0-9a-z]{17}$",
  /** Lattice clientToken and EC2 ClientToken: 1–64 printable ASCII characters. */
  clientToken: "^[!-~]{1,64}$",
  ipv4Cidr: "^(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}/(3[0-2]|[12]?\\d)$",
  /** EC2 security group rule descriptions: up to 255 of these characters. */
  ruleDescription: "^[A-Za-z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]{0,255}$",
  region: "^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1}$",
  /** emulator, default, profile:<name>, an estate (estate, estate:emulator) or a snapshot (snapshot:<id>). */
  sourceId: "^(emulator|default|estate|estate:emulator|profile:[A-Za-z0-9_.@+-]{1,64}|snapshot:s[0-9a-z]{9})$",
  /** Any node id of the graph: an AWS id, an ARN, or a DNS name. */
  nodeId: "^[A-Za-z0-9:/._@+-]{3,2048}$",
} as const;

/** Regions where VPC Lattice is offered (and the others the SDK knows), for input checks. */
export const KNOWN_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "af-south-1",
  "ap-east-1",
  "ap-south-1",
  "ap-south-2",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-7",
  "ca-central-1",
  "ca-west-1",
  "eu-central-1",
  "eu-central-2",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-north-1",
  "eu-south-1",
  "eu-south-2",
  "il-central-1",
  "me-central-1",
  "me-south-1",
  "mx-central-1",
  "sa-east-1",
  "us-gov-east-1",
  "us-gov-west-1",
] as const;

export function isKnownRegion(region: string): boolean {
  return (KNOWN_REGIONS as readonly string[]).includes(region);
}

/** The kind of thing an identifier names, from its shape. */
export function identifierKind(value: string): string | undefined {
  const v = value.trim();
  if (v.startsWith("arn:")) return "arn";
  const prefix = /^([a-z]+)-[0-9a-f]{8,17}\b/.exec(v)?.[1];
  if (prefix) return prefix;
  if (/\.on\.aws\.?$/.test(v) || /\.amazonaws\.com\.?$/.test(v)) return "dns";
  return undefined;
}

/** The short-link ids of a saved view (/v/<id>) and a snapshot (/s/<id>). Here, not in views.ts, so that the UI
 * can use them without the schemas (and the schema library) that views.ts builds. */
export const VIEW_ID = "^v[0-9a-z]{9}$";
export const SNAPSHOT_ID = "^s[0-9a-z]{9}$";
