/**
 * What the three association removals share: the association must exist, not
 * be on its way already, and not be busy with another change; AWS deletes it
 * asynchronously (DELETE_IN_PROGRESS, then gone).
 */
import { isGoing, isInProgress, type Action, type GraphNodeOf } from "@lattice-atlas/shared";
import { cfnRemoval, cli, hclRemoval } from "../codify-writers.js";
import { notFound } from "../findings.js";
import type { ActionKind, PreflightScope } from "./kind.js";

type Removal = Extract<
  Action,
  { type: "remove-vpc-association" | "remove-resource-association" | "remove-service-association" }
>;
type AssociationKind = "vpcAssociation" | "resourceAssociation" | "serviceAssociation";

export interface RemovalSpec {
  kind: AssociationKind;
  /** "VPC association", "Resource association" … */
  noun: string;
  /** The noun inside a sentence: "VPC association", "resource association" … */
  phrase: string;
  operation: string;
  /** The call's identifier member, e.g. serviceNetworkVpcAssociationIdentifier. */
  member: string;
  cliCommand: string;
  terraformType: string;
  cloudFormationType: string;
  /** More findings for this kind, once the association is known. */
  more?: (association: GraphNodeOf<AssociationKind>, scope: PreflightScope) => void;
}

export function associationRemoval<A extends Removal>(spec: RemovalSpec): ActionKind<A> {
  const flag = `--${spec.member.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return {
    resourceKind: spec.kind,

    preflight(action, scope) {
      const { f, index, resolved } = scope;
      resolved.summary = `Remove ${spec.noun.toLowerCase()} ${action.associationId}.`;
      const association = index.get(action.associationId, spec.kind);
      if (!association) {
        notFound(f, spec.noun, action.associationId);
        return;
      }
      const status = association.data.status;
      if (isGoing(status)) {
        f.blocking(
          "BUSY",
          `${spec.noun} ${association.id} is already being deleted (${status}).`,
          "Nothing to do; poll its status until it is gone.",
          { subject: association.id },
        );
      } else if (isInProgress(status)) {
        f.blocking(
          "BUSY",
          `${spec.noun} ${association.id} is ${status}; AWS refuses a delete until that finishes.`,
          "Wait until it is ACTIVE (or failed), then remove it.",
          { subject: association.id },
        );
      }
      spec.more?.(association, scope);
    },

    calls: (a) => [{ service: "vpc-lattice", operation: spec.operation, input: { [spec.member]: a.associationId } }],
    cli: (a, resolved) => cli(spec.cliCommand, [[flag, a.associationId]], resolved.region),
    terraform: (a) => hclRemoval(spec.phrase, a.associationId, spec.terraformType),
    cloudformation: (a) => cfnRemoval(a.associationId, spec.cloudFormationType),
  };
}
