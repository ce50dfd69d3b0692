/**
 * Input constraints of the VPC Lattice model (lengths, patterns, ranges, enums).
 * The JS SDK does not validate, so the emulator answers as AWS does: a
 * ValidationException naming every failing field. Constraints are keyed by
 * member name, which the model uses consistently across operations.
 */
import { validationException, type FieldProblem } from "./errors.js";

const ID = "[0-9a-z]{17}";
const HEX_ID = "[0-9a-f]{17}";
const ARN_PREFIX = "arn:aws[a-z0-9-]*:vpc-lattice:[a-z0-9-]+:\\d{12}:";

/** Identifier member → accepted id pattern and ARN resource path. */
export const IDENTIFIERS: Record<string, { id: RegExp; arn: RegExp; min: number; prefix: string }> = {};

function identifier(member: string, prefix: string, arnPath: string, min = 3, hex = false): void {
  const idPattern = `${prefix}-${hex ? HEX_ID : ID}`;
  IDENTIFIERS[member] = {
    id: new RegExp(`^${idPattern}$`),
    arn: new RegExp(`^${ARN_PREFIX}${arnPath.replace("{id}", idPattern)}$`),
    min,
    prefix,
  };
}

identifier("serviceNetworkIdentifier", "sn", "servicenetwork/{id}");
identifier("serviceIdentifier", "svc", "service/{id}", 17);
identifier("listenerIdentifier", "listener", `service/svc-${ID}/listener/{id}`, 20);
identifier("ruleIdentifier", "rule", `service/svc-${ID}/listener/listener-${ID}/rule/{id}`, 20);
identifier("targetGroupIdentifier", "tg", "targetgroup/{id}", 17);
identifier("resourceGatewayIdentifier", "rgw", "resourcegateway/{id}", 17);
identifier("resourceConfigurationIdentifier", "rcfg", "resourceconfiguration/{id}", 20);
identifier("resourceConfigurationGroupIdentifier", "rcfg", "resourceconfiguration/{id}", 20);
identifier("serviceNetworkVpcAssociationIdentifier", "snva", "servicenetworkvpcassociation/{id}", 17);
identifier("serviceNetworkServiceAssociationIdentifier", "snsa", "servicenetworkserviceassociation/{id}", 17);
identifier("serviceNetworkResourceAssociationIdentifier", "snra", "servicenetworkresourceassociation/{id}", 22, true);
identifier("resourceEndpointAssociationIdentifier", "rea", "resourceendpointassociation/{id}", 21, true);
identifier("accessLogSubscriptionIdentifier", "als", "accesslogsubscription/{id}", 17);

const VPC_ID = /^vpc-(([0-9a-z]{8})|([0-9a-z]{17}))$/;
const SG_ID = /^sg-(([0-9a-z]{8})|([0-9a-z]{17}))$/;
const SUBNET_ID = /^subnet-(([0-9a-z]{8})|([0-9a-z]{17}))$/;
const VPCE_ID = /^vpce-[0-9a-f]{17}$/;
const RESOURCE_ARN = new RegExp(`^${ARN_PREFIX}[a-z]+/[0-9a-z-/]+$`);
const CLIENT_TOKEN = /^[!-~]+$/;
const PORT_RANGE = /^((\d{1,5}-\d{1,5})|(\d+))$/;
const LATTICE_NAME = /^(?!-)(?!.*-$)(?!.*--)[a-z0-9-]+$/;

export const ENUMS: Record<string, readonly string[]> = {
  authType: ["NONE", "AWS_IAM"],
  ipAddressType: ["IPV4", "IPV6", "DUALSTACK"],
  resourceConfigDnsResolution: ["PUBLIC", "IN_VPC"],
  privateDnsPreference: [
    "VERIFIED_DOMAINS_ONLY",
    "ALL_DOMAINS",
    "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS",
    "SPECIFIED_DOMAINS_ONLY",
  ],
};

/** Name rules differ per resource: [min, max, reserved prefix]. */
const NAME_RULES: Record<string, [number, number, string | undefined]> = {
  CreateServiceNetwork: [3, 63, undefined],
  CreateService: [3, 40, "svc-"],
  CreateListener: [3, 63, "listener-"],
  CreateRule: [3, 63, "rule-"],
  CreateTargetGroup: [3, 128, "tg-"],
  CreateResourceGateway: [3, 40, "rgw-"],
  CreateResourceConfiguration: [3, 40, "rcfg-"],
};

class Problems {
  readonly list: FieldProblem[] = [];
  add(name: string, message: string): void {
    this.list.push({ name, message });
  }
}

function checkString(p: Problems, name: string, value: unknown, min: number, max: number): value is string {
  if (typeof value !== "string") {
    p.add(name, "Member must be a string");
    return false;
  }
  if (value.length < min || value.length > max) {
    p.add(name, `Member must have length between ${min} and ${max}`);
    return false;
  }
  return true;
}

export function validateLatticeInput(operation: string, input: Record<string, unknown>): void {
  const p = new Problems();
  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const ident = IDENTIFIERS[name];
    if (ident) {
      if (checkString(p, name, value, ident.min, 2048) && !ident.id.test(value) && !ident.arn.test(value)) {
        p.add(name, `Value must be a ${ident.prefix}- identifier or its ARN`);
      }
      continue;
    }
    switch (name) {
      case "vpcIdentifier":
        if (checkString(p, name, value, 5, 50) && !VPC_ID.test(value)) {
          p.add(name, "Member must satisfy regular expression pattern: vpc-(([0-9a-z]{8})|([0-9a-z]{17}))");
        }
        break;
      case "securityGroupIds":
        checkList(p, name, value, 0, 5, (item) => SG_ID.test(item), "sg-(([0-9a-z]{8})|([0-9a-z]{17}))");
        break;
      case "subnetIds":
        checkList(p, name, value, 0, 20, (item) => SUBNET_ID.test(item), "subnet-(([0-9a-z]{8})|([0-9a-z]{17}))");
        break;
      case "vpcEndpointId":
        if (checkString(p, name, value, 22, 22) && !VPCE_ID.test(value))
          p.add(name, "Member must satisfy regular expression pattern: vpce-[0-9a-f]{17}");
        break;
      case "maxResults":
        if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 100) {
          p.add(name, "Member must have value between 1 and 100");
        }
        break;
      case "nextToken":
        checkString(p, name, value, 1, 2048);
        break;
      case "clientToken":
        if (checkString(p, name, value, 1, 64) && !CLIENT_TOKEN.test(value))
          p.add(name, "Member must satisfy regular expression pattern: [!-~]+");
        break;
      case "resourceArn":
        if (checkString(p, name, value, 20, 2048) && !RESOURCE_ARN.test(value))
          p.add(name, "Member must be a VPC Lattice ARN");
        break;
      case "tags":
        checkTags(p, value);
        break;
      case "portRanges":
        checkList(
          p,
          name,
          value,
          0,
          11,
          (item) => PORT_RANGE.test(item) && portRangeValid(item),
          "a port (1-65535) or a range lo-hi",
        );
        break;
      case "port":
        if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 65535)
          p.add(name, "Member must have value between 1 and 65535");
        break;
      case "policy":
        if (checkString(p, name, value, 1, 10_000)) {
          try {
            JSON.parse(value);
          } catch {
            p.add(name, "Member must be a valid JSON policy document");
          }
        }
        break;
      case "name": {
        const rule = NAME_RULES[operation];
        if (!rule) break;
        const [min, max, reserved] = rule;
        if (checkString(p, name, value, min, max)) {
          if (!LATTICE_NAME.test(value)) {
            p.add(
              name,
              "Member must contain only lower-case letters, numbers and single hyphens, and must not start or end with a hyphen",
            );
          } else if (reserved && value.startsWith(reserved)) {
            p.add(name, `Member must not start with "${reserved}"`);
          }
        }
        break;
      }
      case "dnsOptions":
        checkDnsOptions(p, value);
        break;
      case "customDomainName":
      case "groupDomain":
        checkString(p, name, value, 3, 255);
        break;
      default:
        if (ENUMS[name] && !ENUMS[name].includes(String(value))) {
          p.add(name, `Member must satisfy enum value set: [${ENUMS[name].join(", ")}]`);
        }
    }
  }
  if (p.list.length > 0) throw validationException(p.list);
}

function checkList(
  p: Problems,
  name: string,
  value: unknown,
  min: number,
  max: number,
  itemOk: (item: string) => boolean,
  pattern: string,
): void {
  if (!Array.isArray(value)) {
    p.add(name, "Member must be a list");
    return;
  }
  if (value.length < min || value.length > max) {
    p.add(name, `Member must have length less than or equal to ${max}`);
    return;
  }
  value.forEach((item, index) => {
    if (typeof item !== "string" || !itemOk(item))
      p.add(`${name}.${index + 1}`, `Member must satisfy constraint: ${pattern}`);
  });
}

function portRangeValid(range: string): boolean {
  const [lo, hi = lo] = range.split("-").map(Number);
  return lo !== undefined && hi !== undefined && lo >= 1 && hi <= 65535 && lo <= hi;
}

function checkTags(p: Problems, value: unknown): void {
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    p.add("tags", "Member must be a map of strings");
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 200) p.add("tags", "Member must have at most 200 entries");
  for (const [key, tagValue] of entries) {
    if (key.length < 1 || key.length > 128)
      p.add("tags", `Tag key "${key.slice(0, 20)}" must have length between 1 and 128`);
    if (typeof tagValue !== "string" || tagValue.length > 256)
      p.add("tags", `Tag value for "${key.slice(0, 20)}" must be a string of at most 256 characters`);
  }
}

function checkDnsOptions(p: Problems, value: unknown): void {
  if (!value || typeof value !== "object") return;
  const options = value as { privateDnsPreference?: unknown; privateDnsSpecifiedDomains?: unknown };
  if (
    options.privateDnsPreference !== undefined &&
    !ENUMS.privateDnsPreference!.includes(String(options.privateDnsPreference))
  ) {
    p.add(
      "dnsOptions.privateDnsPreference",
      `Member must satisfy enum value set: [${ENUMS.privateDnsPreference!.join(", ")}]`,
    );
  }
  const domains = options.privateDnsSpecifiedDomains;
  if (domains !== undefined) {
    if (!Array.isArray(domains) || domains.length < 1 || domains.length > 10) {
      p.add("dnsOptions.privateDnsSpecifiedDomains", "Member must have between 1 and 10 items");
    } else if (domains.some((d) => typeof d !== "string" || d.length < 1 || d.length > 255)) {
      p.add("dnsOptions.privateDnsSpecifiedDomains", "Each domain must have length between 1 and 255");
    }
  }
}
