/**
 * The state that is not per account and region: IAM roles, the organization,
 * STS sessions and the cross-account sharing settings. Exported and imported
 * with the region states.
 */
import { emptyIamState, type IamState } from "../services/iam/state.js";
import { emptyOrganizationsState, type OrganizationsState } from "../services/organizations/state.js";
import { emptyStsState, type StsState } from "../services/sts/sessions.js";

export interface SharingSettings {
  /**
   * What happens to the associations and endpoints a consumer made with a Lattice
   * resource once the owner stops sharing it (AWS does not document it): `keep`
   * them (the consumer still sees and may delete its own associations), or
   * `delete` them (both copies go DELETE_IN_PROGRESS, then away).
   */
  unsharedAssociations: "keep" | "delete";
}

export interface GlobalState {
  iam: IamState;
  organizations: OrganizationsState;
  sts: StsState;
  sharing: SharingSettings;
}

export function emptyGlobalState(): GlobalState {
  return {
    iam: emptyIamState(),
    organizations: emptyOrganizationsState(),
    sts: emptyStsState(),
    sharing: { unsharedAssociations: "keep" },
  };
}
