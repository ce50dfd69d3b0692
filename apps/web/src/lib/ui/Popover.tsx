/** A button with a small dialog under it: Escape or a click elsewhere closes it, and the focus returns to the button. */
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

interface PopoverProps {
  label: string;
  testId: string;
  title?: string;
  disabled?: boolean;
  /** The dialog's content; `close` closes it. */
  children(close: () => void): ReactNode;
}

export function Popover({ label, testId, title, disabled, children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent): void => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    root.current?.querySelector<HTMLElement>("input, button:not([data-popover-button])")?.focus();
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);
  const close = (): void => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="share-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="button button--small"
        data-testid={testId}
        data-popover-button=""
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-haspopup="dialog"
        title={title}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
      </button>
      {open ? (
        <div className="share-popover" role="dialog" aria-label={label} id={id}>
          {children(close)}
        </div>
      ) : null}
    </div>
  );
}
