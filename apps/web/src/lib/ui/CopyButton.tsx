/** Copy a value to the clipboard, say so for a moment (visibly and to screen readers). */
import { useEffect, useRef, useState } from "react";

async function writeClipboard(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain http on a non-loopback address has no Clipboard API.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}

interface CopyButtonProps {
  value: string;
  /** What is copied, for the accessible name: "Copy hostname". */
  label: string;
  testId?: string;
  className?: string;
  children?: string;
}

export function CopyButton({ value, label, testId, className, children = "Copy" }: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const onClick = (): void => {
    writeClipboard(value).then(
      () => setState("copied"),
      () => setState("failed"),
    );
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setState("idle"), 1600);
  };
  return (
    <button
      type="button"
      className={`copy-button${state === "copied" ? " is-copied" : ""}${className ? ` ${className}` : ""}`}
      onClick={onClick}
      aria-label={label}
      data-testid={testId}
      data-copy-value={value}
    >
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : children}</span>
    </button>
  );
}
