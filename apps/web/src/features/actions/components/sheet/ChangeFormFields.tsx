/**
 * The form of a creation, in blocks: how a VPC reaches a network (association
 * or ServiceNetwork endpoint), the ends (VPC, network, configuration,
 * service), subnets one per zone, up to five security groups, private DNS and
 * its options. Which blocks show is the kind's (kinds/<kind>.ts `fields`).
 */
import type { TopologyIndex } from "../../../topology/topology-index";
import { fieldsOf } from "../../change-forms";
import type { ChangeForm, CreateType } from "../../kinds";
import { ChangeTypeChoice, VPC_ONTO_NETWORK } from "./form/ChangeTypeChoice";
import { EndFields } from "./form/EndFields";
import { GroupFields } from "./form/GroupFields";
import { PrivateDnsFields } from "./form/PrivateDnsFields";
import { SubnetFields } from "./form/SubnetFields";

export function ChangeFormFields(props: { form: ChangeForm; index: TopologyIndex; onChange(form: ChangeForm): void }) {
  const need = fieldsOf(props.form.type);
  return (
    <section className="sheet__form" aria-label="Settings">
      {(VPC_ONTO_NETWORK as readonly CreateType[]).includes(props.form.type) ? <ChangeTypeChoice {...props} /> : null}
      <EndFields {...props} />
      {need.subnets ? <SubnetFields {...props} /> : null}
      {need.groups ? <GroupFields {...props} /> : null}
      <PrivateDnsFields {...props} />
    </section>
  );
}
