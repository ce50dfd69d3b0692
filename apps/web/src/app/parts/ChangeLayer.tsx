/** Over everything: the "+" menu of a node and the change sheet (loaded when a change starts). */
import type { Topology } from "@lattice-atlas/shared";
import { lazy, Suspense } from "react";
import type { ChangeAccess } from "../../features/actions/change-access";
import { ChangeMenu } from "../../features/actions/components/ChangeMenu";
import type { SourceTarget } from "../../features/topology/target";
import type { ChangeSheetState } from "../hooks/use-change-sheet";

/** The sheet is a few dozen kB of forms and code blocks: loaded when a change starts. */
const ActionSheet = lazy(() => import("../../features/actions/components/sheet/ActionSheet"));

interface ChangeLayerProps {
  change: ChangeSheetState;
  target: SourceTarget | undefined;
  topology: Topology | undefined;
  access: ChangeAccess;
  onShowNode(id: string): void;
}

export function ChangeLayer({ change, target, topology, access, onShowNode }: ChangeLayerProps) {
  const { menu, sheet } = change;
  return (
    <>
      {menu && topology ? (
        <ChangeMenu state={menu} topology={topology} onChoose={change.chooseFromMenu} onClose={change.closeMenu} />
      ) : null}
      {sheet && target && topology ? (
        <Suspense fallback={<div className="sheet-layer sheet-layer--loading" aria-busy="true" />}>
          <ActionSheet
            key={sheet.key}
            target={target}
            topology={topology}
            request={sheet.request}
            access={access}
            onClose={change.closeSheet}
            onShowNode={(id) => {
              change.closeSheet();
              onShowNode(id);
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
