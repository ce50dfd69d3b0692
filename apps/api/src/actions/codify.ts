/**
 * Codify: the same change four ways, before it is made. The AWS calls are
 * what execution sends (API member names, byte for byte); the AWS CLI
 * command, the Terraform resource block and the CloudFormation snippet use
 * only the argument names their documentation lists (documented-arguments.ts,
 * checked by the tests), so a user can make the change by hand or keep it as
 * code. Each kind writes its own forms (kinds/*.ts).
 */
import type { Action, AwsCall } from "@lattice-atlas/shared";
import { kindOf } from "./kinds/index.js";
import type { ResolvedAction } from "./kinds/kind.js";

/** Which operations take a client token at AWS; the others rely on Atlas's record of executed tokens. */
export const TOKEN_MEMBER: Readonly<Record<string, string>> = {
  CreateServiceNetworkVpcAssociation: "clientToken",
  CreateServiceNetworkResourceAssociation: "clientToken",
  CreateServiceNetworkServiceAssociation: "clientToken",
  CreateVpcEndpoint: "ClientToken",
  StartDomainVerification: "clientToken",
};

export function awsCalls(resolved: ResolvedAction, clientToken?: string): AwsCall[] {
  return kindOf(resolved.action).calls(resolved.action, resolved, clientToken);
}

export function idempotencyNote(action: Action): string {
  const [call] = awsCalls({ action, accountId: "", region: "", summary: "" });
  const member = call ? TOKEN_MEMBER[call.operation] : undefined;
  return member
    ? `${call!.operation} takes the request's client token as ${member}: a retry with the same token returns the same resource instead of creating a second. Atlas also records the token and answers a repeat from that record.`
    : `${call?.operation ?? "This call"} takes no client token at AWS: Atlas records each executed token with its result and answers a repeat from that record, without calling AWS again.`;
}

/** The named profile a person would use for a member account (a suggestion the CLI form spells out). */
export const profileFor = (accountId: string): string => `atlas-${accountId}`;

/**
 * In an estate, the same forms made in the account that owns the change: the
 * CLI with that account's profile, Terraform through a provider alias that
 * assumes the change role, CloudFormation with where to deploy it.
 */
function inAccount(forms: { cli: string; terraform: string; cloudformation: string }, resolved: ResolvedAction) {
  const role = resolved.estateRole;
  if (!role) return forms;
  const { accountId, region } = resolved;
  const roleArn = `arn:aws:iam::${accountId}:role/${role}`;
  const alias = `account_${accountId}`;
  const cli = [
    `# In account ${accountId}: a profile (here ${profileFor(accountId)}) that assumes ${roleArn}`,
    forms.cli.replace(/ \\\n {2}--region (\S+)$/, ` \\\n  --profile ${profileFor(accountId)} \\\n  --region $1`),
  ].join("\n");
  const terraform = forms.terraform.includes("resource ")
    ? [
        `provider "aws" {`,
        `  alias  = "${alias}"`,
        `  region = "${region}"`,
        "",
        "  assume_role {",
        `    role_arn = "${roleArn}"`,
        "  }",
        "}",
        "",
        forms.terraform.replace(/^(resource "[^"]+" "[^"]+" \{)$/m, `$1\n  provider = aws.${alias}`),
      ].join("\n")
    : `# In account ${accountId} (${region}).\n${forms.terraform}`;
  const cloudformation = `# Deploy in account ${accountId}, region ${region} (a stack there, or a StackSet instance for it).\n${forms.cloudformation}`;
  return { cli, terraform, cloudformation };
}

/** Everything a plan shows about how the change is made. */
export function codify(resolved: ResolvedAction, clientToken?: string) {
  const kind = kindOf(resolved.action);
  const action = resolved.action;
  return {
    calls: kind.calls(action, resolved, clientToken),
    ...inAccount(
      {
        cli: kind.cli(action, resolved, clientToken),
        terraform: kind.terraform(action, resolved),
        cloudformation: kind.cloudformation(action, resolved),
      },
      resolved,
    ),
    idempotency: idempotencyNote(action),
  };
}
