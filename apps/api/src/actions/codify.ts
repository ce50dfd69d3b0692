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

/** Everything a plan shows about how the change is made. */
export function codify(resolved: ResolvedAction, clientToken?: string) {
  const kind = kindOf(resolved.action);
  const action = resolved.action;
  return {
    calls: kind.calls(action, resolved, clientToken),
    cli: kind.cli(action, resolved, clientToken),
    terraform: kind.terraform(action, resolved),
    cloudformation: kind.cloudformation(action, resolved),
    idempotency: idempotencyNote(action),
  };
}
