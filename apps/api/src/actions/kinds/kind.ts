/**
 * An action kind is one module: its preflight (findings and the references
 * the calls need), its AWS calls, and the same change as AWS CLI, Terraform
 * and CloudFormation. `kinds/index.ts` registers them in a table the compiler
 * checks for completeness: a new kind is one new file and one table entry.
 */
import type { Action, AwsCall, GraphNodeOf, ResourceKind } from "@lattice-atlas/shared";
import type { GraphIndex } from "../../lattice/graph-index.js";
import { accountOfArn, idOf, latticeArn } from "../arns.js";
import { notFound, type Findings } from "../findings.js";

export interface PreflightContext {
  accountId: string;
  region: string;
  /** false when the source refuses changes: the plan still codifies, execution is refused. */
  mutationsAllowed: boolean;
  /** In an estate: the role changes are made with in the account (shown in the CLI, Terraform and CloudFormation). */
  estate?: { roleName: string } | undefined;
}

/** What the AWS calls need beyond the action itself. */
export interface ResolvedAction {
  action: Action;
  accountId: string;
  region: string;
  summary: string;
  /** In an estate: the role the change is made with in `accountId`. */
  estateRole?: string;
  /** Lattice `serviceNetworkIdentifier`: the id, or the ARN for a network of another account. */
  serviceNetworkIdentifier?: string;
  serviceNetworkArn?: string;
  resourceConfigurationIdentifier?: string;
  resourceConfigurationArn?: string;
  serviceIdentifier?: string;
}

/** What a kind's preflight works with: the topology, the findings it adds to, and the references it resolves. */
export class PreflightScope {
  constructor(
    readonly index: GraphIndex,
    readonly ctx: PreflightContext,
    readonly f: Findings,
    readonly resolved: ResolvedAction,
  ) {}

  /** A service network by id or ARN; resolves the identifier the call needs (the ARN for another account's). */
  network(reference: string): GraphNodeOf<"serviceNetwork"> | undefined {
    const found = this.index.findOf(reference, "serviceNetwork");
    const arn =
      found?.data.arn ??
      (reference.startsWith("arn:")
        ? reference
        : latticeArn(this.ctx.accountId, this.ctx.region, `servicenetwork/${reference}`));
    this.resolved.serviceNetworkArn = arn;
    // Another account's network (shared through RAM) must be named by its ARN.
    this.resolved.serviceNetworkIdentifier = accountOfArn(arn) !== this.ctx.accountId ? arn : idOf(reference);
    if (!found) notFound(this.f, "Service network", reference);
    return found;
  }

  configuration(reference: string): GraphNodeOf<"resourceConfiguration"> | undefined {
    const found = this.index.findOf(reference, "resourceConfiguration");
    const arn =
      found?.data.arn ??
      (reference.startsWith("arn:")
        ? reference
        : latticeArn(this.ctx.accountId, this.ctx.region, `resourceconfiguration/${reference}`));
    this.resolved.resourceConfigurationArn = arn;
    this.resolved.resourceConfigurationIdentifier = accountOfArn(arn) !== this.ctx.accountId ? arn : idOf(reference);
    if (!found) notFound(this.f, "Resource configuration", reference);
    return found;
  }

  service(reference: string): GraphNodeOf<"service"> | undefined {
    const found = this.index.findOf(reference, "service");
    this.resolved.serviceIdentifier =
      found && accountOfArn(found.data.arn) !== this.ctx.accountId ? found.data.arn : idOf(reference);
    if (!found) notFound(this.f, "Service", reference);
    return found;
  }

  vpc(vpcId: string): GraphNodeOf<"vpc"> | undefined {
    const vpc = this.index.get(vpcId, "vpc");
    if (!vpc) notFound(this.f, "VPC", vpcId);
    return vpc;
  }
}

export interface ActionKind<A extends Action> {
  /** What the change creates or removes (status polls, the audit log). */
  resourceKind: ResourceKind;
  /** Findings into `scope.f`, the summary and references into `scope.resolved`. */
  preflight(action: A, scope: PreflightScope): void;
  /** The AWS calls, exactly as execution sends them; `clientToken` goes where the API takes one. */
  calls(action: A, resolved: ResolvedAction, clientToken?: string): AwsCall[];
  cli(action: A, resolved: ResolvedAction, clientToken?: string): string;
  terraform(action: A, resolved: ResolvedAction): string;
  cloudformation(action: A, resolved: ResolvedAction): string;
}

export type KindOf<T extends Action["type"]> = ActionKind<Extract<Action, { type: T }>>;

/** The input of a kind's single call, for the forms that reuse its values. */
export function inputOf<A extends Action>(
  kind: ActionKind<A>,
  action: A,
  resolved: ResolvedAction,
  clientToken?: string,
) {
  return (kind.calls(action, resolved, clientToken)[0]?.input ?? {}) as Record<string, never>;
}
