/** What every block of the change form gets: the form, the topology, and how to change the form. */
import type { TopologyIndex } from "../../../../topology/topology-index";
import type { ChangeForm } from "../../../kinds";

export interface FormPartProps {
  form: ChangeForm;
  index: TopologyIndex;
  onChange(form: ChangeForm): void;
}
