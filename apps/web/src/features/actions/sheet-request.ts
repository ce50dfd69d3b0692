/** What opens the change sheet: a creation to fill in, or a ready action (a removal, a rule, a recovery). */
import type { Action } from "@lattice-atlas/shared";
import type { ChangeIntent } from "./kinds";

export interface SheetRequest {
  intent?: ChangeIntent | undefined;
  action?: Action | undefined;
  /** After this removal settles, offer to create this again ("delete and recreate"). */
  recreate?: Action | undefined;
}
