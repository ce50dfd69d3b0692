/** Builds a small VPC through the real EC2 API, for tests that need one. */
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  type EC2Client,
} from "@aws-sdk/client-ec2";

export interface TestVpc {
  vpcId: string;
  subnetIds: string[];
  groupIds: string[];
}

export async function createTestVpc(
  ec2: EC2Client,
  octet: number,
  options: { zones?: string[]; groups?: number; region?: string } = {},
): Promise<TestVpc> {
  const region = options.region ?? "ap-northeast-1";
  const zones = options.zones ?? [`${region}a`, `${region}c`];
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${octet}.0.0/16` }));
  const vpcId = vpc.Vpc!.VpcId!;
  const subnetIds: string[] = [];
  for (const [i, zone] of zones.entries()) {
    const subnet = await ec2.send(
      new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.${octet}.${i * 16}.0/20`, AvailabilityZone: zone }),
    );
    subnetIds.push(subnet.Subnet!.SubnetId!);
  }
  const groupIds: string[] = [];
  for (let g = 0; g < (options.groups ?? 2); g++) {
    const group = await ec2.send(
      new CreateSecurityGroupCommand({ GroupName: `group-${g}`, Description: `test group ${g}`, VpcId: vpcId }),
    );
    groupIds.push(group.GroupId!);
  }
  return { vpcId, subnetIds, groupIds };
}

export async function allowFrom(ec2: EC2Client, groupId: string, port: number, fromGroupId: string): Promise<void> {
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: groupId,
      IpPermissions: [
        { IpProtocol: "tcp", FromPort: port, ToPort: port, UserIdGroupPairs: [{ GroupId: fromGroupId }] },
      ],
    }),
  );
}
