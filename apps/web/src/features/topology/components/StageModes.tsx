/** Above the diagram: "Diagram | Table" (what the stage shows) and, for the diagram, "Overview | Every node". */
import type { ViewState } from "../../../lib/url-state";
import type { ViewUpdate } from "../../../lib/use-view-state";
import type { DiagramLevel } from "../overview/level";
import "../overview/overview.css";

interface StageModesProps {
  view: ViewState;
  level: DiagramLevel;
  onView(update: ViewUpdate): void;
}

function Segment<T extends string>({
  label,
  value,
  options,
  onPick,
}: {
  label: string;
  value: T;
  options: ReadonlyArray<readonly [T, string]>;
  onPick(value: T): void;
}) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map(([option, text]) => (
        <button
          key={option}
          type="button"
          className={`segmented__option${option === value ? " is-active" : ""}`}
          aria-pressed={option === value}
          onClick={() => onPick(option)}
        >
          {text}
        </button>
      ))}
    </div>
  );
}

const DISPLAYS = [
  ["diagram", "Diagram"],
  ["table", "Table"],
] as const;
const LEVELS = [
  ["overview", "Overview"],
  ["detail", "Every node"],
] as const;

export function StageModes({ view, level, onView }: StageModesProps) {
  const display = view.display ?? "diagram";
  return (
    <div className="stage-modes" data-testid="stage-modes">
      <Segment
        label="Show as"
        value={display}
        options={DISPLAYS}
        onPick={(next) => onView({ display: next === "table" ? "table" : undefined })}
      />
      {display === "diagram" ? (
        <Segment label="Diagram level" value={level} options={LEVELS} onPick={(next) => onView({ level: next })} />
      ) : null}
    </div>
  );
}
