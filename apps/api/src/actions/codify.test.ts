import type { Action } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { codify } from "./codify.js";
import {
  API_MEMBERS,
  CLI_GLOBAL_OPTIONS,
  CLI_OPTIONS,
  CLOUDFORMATION_PROPERTIES,
  TERRAFORM_ARGUMENTS,
  type Documented,
} from "./documented-arguments.js";
import type { ResolvedAction } from "./preflight.js";

const REGION = "ap-northeast-1";
const ACCOUNT = "111122223333";
const SN = "sn-0b615c0ed1ca34177";
const RCFG = "rcfg-0d3f5b7a9c1e2f486";
const latticeArn = (path: string) => `arn:aws:vpc-lattice:${REGION}:${ACCOUNT}:${path}`;

function resolved(action: Action): ResolvedAction {
  return {
    action,
    accountId: ACCOUNT,
    region: REGION,
    summary: "",
    serviceNetworkIdentifier: SN,
    serviceNetworkArn: latticeArn(`servicenetwork/${SN}`),
    resourceConfigurationIdentifier: RCFG,
    resourceConfigurationArn: latticeArn(`resourceconfiguration/${RCFG}`),
    serviceIdentifier: "svc-0a836c24f4bc2c8ea",
  };
}

const dns = {
  privateDnsPreference: "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS" as const,
  privateDnsSpecifiedDomains: ["*.example.com", "db.example.com"],
};

/** Every action, with every option it takes (and a few bare ones). */
const ACTIONS: Action[] = [
  {
    type: "associate-vpc",
    vpcId: "vpc-023cb195488e7d121",
    serviceNetworkId: SN,
    securityGroupIds: ["sg-0ba37e309b4a5fb94"],
    privateDnsEnabled: true,
    dnsOptions: dns,
  },
  { type: "associate-vpc", vpcId: "vpc-023cb195488e7d121", serviceNetworkId: SN },
  { type: "associate-resource", serviceNetworkId: SN, resourceConfigurationId: RCFG, privateDnsEnabled: false },
  { type: "associate-resource", serviceNetworkId: SN, resourceConfigurationId: RCFG },
  { type: "associate-service", serviceNetworkId: SN, serviceId: "svc-0a836c24f4bc2c8ea" },
  {
    type: "create-resource-endpoint",
    vpcId: "vpc-0a03953771bed5895",
    resourceConfigurationId: RCFG,
    subnetIds: ["subnet-0e810cf38892d8df9", "subnet-03f2e783e953bcce0"],
    securityGroupIds: ["sg-0a56b13a32342e90a"],
    privateDnsEnabled: true,
    dnsOptions: dns,
  },
  {
    type: "create-service-network-endpoint",
    vpcId: "vpc-0a03953771bed5895",
    serviceNetworkId: SN,
    subnetIds: ["subnet-0e810cf38892d8df9"],
    privateDnsEnabled: false,
  },
  { type: "remove-vpc-association", associationId: "snva-0c7568464798463a6" },
  { type: "remove-resource-association", associationId: "snra-0258ae5ca1fffbb4a" },
  { type: "remove-service-association", associationId: "snsa-0c7568464798463a6" },
  { type: "remove-endpoint", endpointId: "vpce-00c3d5450f87e1973" },
  {
    type: "add-ingress-rule",
    groupId: "sg-00902c1ef600630a9",
    protocol: "tcp",
    port: 5432,
    sourceGroupId: "sg-01d181db43be1daaa",
    description: "Lattice Atlas: TCP 5432 from resource gateway",
  },
  { type: "add-ingress-rule", groupId: "sg-0a56b13a32342e90a", protocol: "tcp", port: 443, cidr: "10.3.0.0/16" },
  {
    type: "update-vpc-association-dns",
    associationId: "snva-0c7568464798463a6",
    privateDnsEnabled: true,
    dnsOptions: dns,
  },
  { type: "start-domain-verification", domainName: "orders.example.com" },
];

/* ------------------------- readers of the four forms ------------------------ */

interface Usage {
  /** The command / resource type / operation the snippet names. */
  target: string;
  names: string[];
  nested: Record<string, string[]>;
}

function cliUsage(command: string): Usage {
  const lines = command.split(/ \\\n\s*/);
  const [, service, operation] = lines[0]!.split(" ");
  const names: string[] = [];
  const nested: Record<string, string[]> = {};
  for (const line of lines.slice(1)) {
    const [flag, ...rest] = line.split(" ");
    names.push(flag!);
    const value = rest.join(" ");
    if (value.startsWith("'")) {
      const parsed = JSON.parse(value.slice(1, -1).replace(/'\\''/g, "'")) as unknown;
      for (const item of Array.isArray(parsed) ? parsed : [parsed]) collectKeys(item, flag!, nested);
    }
  }
  return { target: `${service} ${operation}`, names, nested };
}

function collectKeys(value: unknown, holder: string, into: Record<string, string[]>): void {
  if (Array.isArray(value)) return value.forEach((item) => collectKeys(item, holder, into));
  if (!value || typeof value !== "object") return;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    (into[holder] ??= []).push(key);
    if (inner && typeof inner === "object") collectKeys(inner, key, into);
  }
}

function terraformUsage(block: string): Usage | undefined {
  const header = /^resource "([a-z0-9_]+)" "([A-Za-z_][A-Za-z0-9_-]*)" \{$/m.exec(block);
  if (!header) return undefined;
  const names: string[] = [];
  const nested: Record<string, string[]> = {};
  let inBlock: string | undefined;
  for (const line of block.split("\n")) {
    const attribute = /^(\s+)([a-z0-9_]+)\s+=/.exec(line);
    const opening = /^ {2}([a-z0-9_]+) \{$/.exec(line);
    if (opening) {
      inBlock = opening[1]!;
      names.push(inBlock);
    } else if (/^ {2}\}$/.test(line)) inBlock = undefined;
    else if (attribute && attribute[1]!.length === 2) names.push(attribute[2]!);
    else if (attribute && inBlock) (nested[inBlock] ??= []).push(attribute[2]!);
  }
  return { target: header[1]!, names, nested };
}

function cloudFormationUsage(snippet: string): Usage | undefined {
  const type = /^ {4}Type: (\S+)$/m.exec(snippet)?.[1];
  if (!type) return undefined;
  const names: string[] = [];
  const nested: Record<string, string[]> = {};
  let holder: string | undefined;
  for (const line of snippet.split("\n")) {
    const property = /^ {6}([A-Za-z0-9]+):/.exec(line);
    const inner = /^ {8}([A-Za-z0-9]+):/.exec(line);
    if (property) {
      holder = property[1]!;
      names.push(holder);
    } else if (inner && holder) (nested[holder] ??= []).push(inner[1]!);
  }
  return { target: type, names, nested };
}

/** Names outside the documentation, and required names missing. */
function audit(
  usage: Usage,
  table: Record<string, Documented>,
  extra: readonly string[] = [],
): { undocumented: string[]; missing: string[] } {
  const documented = table[usage.target];
  if (!documented) return { undocumented: [`<${usage.target}>`], missing: [] };
  const allowed = new Set<string>([...documented.required, ...documented.optional, ...extra]);
  const undocumented = usage.names.filter((n) => !allowed.has(n));
  for (const [holder, keys] of Object.entries(usage.nested)) {
    const members =
      documented.nested?.[holder] ??
      (holder.startsWith("--") ? documented.nested?.[cliToMember(holder, documented)] : undefined);
    for (const key of keys) if (!members?.includes(key)) undocumented.push(`${holder}.${key}`);
  }
  const missing = documented.required.filter((n) => !usage.names.includes(n));
  return { undocumented, missing };
}

/** --dns-options → dnsOptions / DnsOptions, --ip-permissions → IpPermissions: the API member a JSON option fills. */
function cliToMember(flag: string, documented: Documented): string {
  const camel = flag.replace(/^--/, "").replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return Object.keys(documented.nested ?? {}).find((k) => k.toLowerCase() === camel.toLowerCase()) ?? camel;
}

/** CLI commands are checked against their command table, and JSON values against the API members of the operation. */
function auditCli(command: string, operation: keyof typeof API_MEMBERS): { undocumented: string[]; missing: string[] } {
  const usage = cliUsage(command);
  const flags = audit({ ...usage, nested: {} }, CLI_OPTIONS, CLI_GLOBAL_OPTIONS);
  const api = API_MEMBERS[operation] as Documented;
  const undocumented = [...flags.undocumented];
  for (const [holder, keys] of Object.entries(usage.nested)) {
    const members = holder.startsWith("--") ? api.nested?.[cliToMember(holder, api)] : api.nested?.[holder];
    for (const key of keys) if (!members?.includes(key)) undocumented.push(`${holder}.${key}`);
  }
  return { undocumented, missing: flags.missing };
}

/* ---------------------------------- tests ---------------------------------- */

describe("codify: every form uses only documented names, and all required ones", () => {
  it.each(ACTIONS.map((a) => [a.type, a] as const))("%s", (_type, action) => {
    const code = codify(resolved(action), "3c9c0c5e-6d1a-4e0a-9a7e-1f3a0c2b4d5e");
    expect(code.calls).toHaveLength(1);
    const call = code.calls[0]!;

    const apiUsage: Usage = { target: call.operation, names: Object.keys(call.input), nested: {} };
    for (const [key, value] of Object.entries(call.input))
      if (value && typeof value === "object") collectKeys(value, key, apiUsage.nested);
    expect(audit(apiUsage, API_MEMBERS), "AWS call").toEqual({ undocumented: [], missing: [] });

    expect(code.cli.startsWith("aws ")).toBe(true);
    expect(code.cli).toMatch(new RegExp(`--region ${REGION}$`));
    expect(auditCli(code.cli, call.operation as keyof typeof API_MEMBERS), "CLI").toEqual({
      undocumented: [],
      missing: [],
    });

    const terraform = terraformUsage(code.terraform);
    const cloudformation = cloudFormationUsage(code.cloudformation);
    if (action.type.startsWith("remove-")) {
      expect(terraform).toBeUndefined();
      expect(code.terraform).toMatch(
        /remove the resource block \((aws_vpclattice_service_network_(vpc|resource|service)_association|aws_vpc_endpoint)\)/,
      );
      expect(cloudformation).toBeUndefined();
      expect(code.cloudformation).toMatch(
        /delete the AWS::(VpcLattice::ServiceNetwork(Vpc|Resource|Service)Association|EC2::VPCEndpoint) resource/,
      );
    } else {
      // An update names only what it changes in the resource that already manages the thing.
      const partial = action.type === "update-vpc-association-dns";
      const check = (found: { undocumented: string[]; missing: string[] }) =>
        partial ? { undocumented: found.undocumented, missing: [] } : found;
      expect(terraform, code.terraform).toBeDefined();
      expect(check(audit(terraform!, TERRAFORM_ARGUMENTS)), "Terraform").toEqual({ undocumented: [], missing: [] });
      expect(cloudformation, code.cloudformation).toBeDefined();
      expect(check(audit(cloudformation!, CLOUDFORMATION_PROPERTIES)), "CloudFormation").toEqual({
        undocumented: [],
        missing: [],
      });
    }
  });

  it("the checks catch an undocumented or missing name (they can fail)", () => {
    expect(
      auditCli(
        "aws vpc-lattice create-service-network-vpc-association \\\n  --vpc-identifier vpc-1 \\\n  --private-dns true \\\n  --region x",
        "CreateServiceNetworkVpcAssociation",
      ),
    ).toEqual({
      undocumented: ["--private-dns"],
      missing: ["--service-network-identifier"],
    });
    expect(
      audit(
        terraformUsage('resource "aws_vpc_endpoint" "x" {\n  vpc_id = "v"\n  resource_configuration = "a"\n}')!,
        TERRAFORM_ARGUMENTS,
      ).undocumented,
    ).toEqual(["resource_configuration"]);
    expect(
      audit(
        cloudFormationUsage(
          "Resources:\n  X:\n    Type: AWS::EC2::VPCEndpoint\n    Properties:\n      DnsOptions:\n        PrivateDns: x",
        )!,
        CLOUDFORMATION_PROPERTIES,
      ),
    ).toEqual({
      undocumented: ["DnsOptions.PrivateDns"],
      missing: ["VpcId"],
    });
  });
});

describe("codify: what each form says", () => {
  it("a Resource endpoint: the EC2 call, the CLI with its JSON DNS options, Terraform and CloudFormation", () => {
    const code = codify(resolved(ACTIONS[5]!), "tok-1");
    expect(code.calls[0]).toEqual({
      service: "ec2",
      operation: "CreateVpcEndpoint",
      input: {
        VpcEndpointType: "Resource",
        VpcId: "vpc-0a03953771bed5895",
        ResourceConfigurationArn: latticeArn(`resourceconfiguration/${RCFG}`),
        SubnetIds: ["subnet-0e810cf38892d8df9", "subnet-03f2e783e953bcce0"],
        SecurityGroupIds: ["sg-0a56b13a32342e90a"],
        PrivateDnsEnabled: true,
        DnsOptions: {
          PrivateDnsPreference: "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS",
          PrivateDnsSpecifiedDomains: ["*.example.com", "db.example.com"],
        },
        ClientToken: "tok-1",
      },
    });
    expect(code.cli).toBe(
      [
        "aws ec2 create-vpc-endpoint",
        "--vpc-endpoint-type Resource",
        "--vpc-id vpc-0a03953771bed5895",
        `--resource-configuration-arn ${latticeArn(`resourceconfiguration/${RCFG}`)}`,
        "--subnet-ids subnet-0e810cf38892d8df9 subnet-03f2e783e953bcce0",
        "--security-group-ids sg-0a56b13a32342e90a",
        "--private-dns-enabled",
        `--dns-options '{"PrivateDnsPreference":"VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS","PrivateDnsSpecifiedDomains":["*.example.com","db.example.com"]}'`,
        "--client-token tok-1",
        `--region ${REGION}`,
      ].join(" \\\n  "),
    );
    expect(code.terraform).toContain('resource "aws_vpc_endpoint" "vpc-0a03953771bed5895_resource_endpoint" {');
    expect(code.terraform).toContain('  vpc_endpoint_type          = "Resource"');
    expect(code.terraform).toContain('    private_dns_specified_domains = ["*.example.com", "db.example.com"]');
    expect(code.terraform).toMatch(/^# .*hashicorp\/aws >= 6\.28\.0/);
    expect(code.cloudformation).toContain("      VpcEndpointType: Resource\n");
    // A leading * would start a YAML alias: quoted.
    expect(code.cloudformation).toContain("          - '*.example.com'\n          - db.example.com");
    expect(code.idempotency).toMatch(/ClientToken/);
  });

  it("turns privateDnsEnabled=false into --no-private-dns-enabled, and a removal into a delete command", () => {
    expect(codify(resolved(ACTIONS[6]!)).cli).toContain("--no-private-dns-enabled");
    const removal = codify(resolved(ACTIONS[10]!), "tok");
    expect(removal.cli).toBe(
      `aws ec2 delete-vpc-endpoints \\\n  --vpc-endpoint-ids vpce-00c3d5450f87e1973 \\\n  --region ${REGION}`,
    );
    expect(removal.calls[0]!.input).toEqual({ VpcEndpointIds: ["vpce-00c3d5450f87e1973"] });
    expect(removal.idempotency).toMatch(/takes no client token at AWS/);
  });

  it("an ingress rule: one IpPermission, from a group or a CIDR, with its description", () => {
    const fromGroup = codify(resolved(ACTIONS[11]!));
    expect(fromGroup.calls[0]!.input).toEqual({
      GroupId: "sg-00902c1ef600630a9",
      IpPermissions: [
        {
          IpProtocol: "tcp",
          FromPort: 5432,
          ToPort: 5432,
          UserIdGroupPairs: [
            { GroupId: "sg-01d181db43be1daaa", Description: "Lattice Atlas: TCP 5432 from resource gateway" },
          ],
        },
      ],
    });
    expect(fromGroup.terraform).toContain('referenced_security_group_id = "sg-01d181db43be1daaa"');
    expect(fromGroup.cloudformation).toContain(
      "      SourceSecurityGroupId: sg-01d181db43be1daaa\n      Description: 'Lattice Atlas: TCP 5432 from resource gateway'",
    );
    const fromCidr = codify(resolved(ACTIONS[12]!));
    expect(fromCidr.calls[0]!.input).toEqual({
      GroupId: "sg-0a56b13a32342e90a",
      IpPermissions: [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "10.3.0.0/16" }] }],
    });
    expect(fromCidr.cli).toContain(
      `--ip-permissions '[{"IpProtocol":"tcp","FromPort":443,"ToPort":443,"IpRanges":[{"CidrIp":"10.3.0.0/16"}]}]'`,
    );
    expect(fromCidr.terraform).toContain('cidr_ipv4         = "10.3.0.0/16"');
  });

  it("leaves the client token out of the calls when there is none yet, and out of token-less operations always", () => {
    expect(codify(resolved(ACTIONS[1]!)).calls[0]!.input).toEqual({
      serviceNetworkIdentifier: SN,
      vpcIdentifier: "vpc-023cb195488e7d121",
    });
    expect(codify(resolved(ACTIONS[1]!), "t").calls[0]!.input).toMatchObject({ clientToken: "t" });
    expect(codify(resolved(ACTIONS[7]!), "t").calls[0]!.input).toEqual({
      serviceNetworkVpcAssociationIdentifier: "snva-0c7568464798463a6",
    });
  });

  it("escapes Terraform interpolation and quotes shell arguments", () => {
    const tricky: Action = {
      type: "associate-vpc",
      vpcId: "vpc-023cb195488e7d121",
      serviceNetworkId: SN,
      privateDnsEnabled: true,
      dnsOptions: {
        privateDnsPreference: "SPECIFIED_DOMAINS_ONLY",
        privateDnsSpecifiedDomains: ["${evil}.example.com"],
      },
    };
    const code = codify(resolved(tricky));
    expect(code.terraform).toContain('["$${evil}.example.com"]');
    expect(code.cli).toContain(
      `--dns-options '{"privateDnsPreference":"SPECIFIED_DOMAINS_ONLY","privateDnsSpecifiedDomains":["\${evil}.example.com"]}'`,
    );
  });
});

describe("codify in an estate: the forms say which account they run in", () => {
  it("the CLI uses that account's profile, Terraform a provider alias that assumes the change role", () => {
    const forms = codify({
      ...resolved({ type: "associate-vpc", vpcId: "vpc-023cb195488e7d121", serviceNetworkId: SN }),
      accountId: "444455556666",
      estateRole: "LatticeAtlasChange",
      serviceNetworkIdentifier: latticeArn(`servicenetwork/${SN}`),
    });
    expect(forms.cli).toContain("# In account 444455556666");
    expect(forms.cli).toMatch(/--profile atlas-444455556666 \\\n {2}--region ap-northeast-1$/);
    expect(forms.cli).toContain(`--service-network-identifier ${latticeArn(`servicenetwork/${SN}`)}`);
    expect(forms.terraform).toContain('alias  = "account_444455556666"');
    expect(forms.terraform).toContain('role_arn = "arn:aws:iam::444455556666:role/LatticeAtlasChange"');
    expect(forms.terraform).toMatch(
      /resource "aws_vpclattice_service_network_vpc_association" "[^"]+" \{\n {2}provider = aws\.account_444455556666/,
    );
    expect(forms.cloudformation).toMatch(/^# Deploy in account 444455556666, region ap-northeast-1/);
  });
});
