/**
 * A modal dialog on the platform's own <dialog>: opened with showModal(), so
 * the browser keeps the focus inside and makes the rest of the page inert.
 * The element marked `data-autofocus` takes the focus when it opens; Escape
 * or a click on the backdrop asks the owner to close it (onClose), and the
 * owner unmounts it — the owner gives the focus back to whatever opened it.
 * Escape is marked handled, so that the page does not also act on it (close
 * its side panel).
 */
import { useLayoutEffect, useRef, type HTMLAttributes, type ReactNode } from "react";
import { useLatest } from "../use-latest";

interface ModalDialogProps extends Omit<HTMLAttributes<HTMLDialogElement>, "onClose" | "onCancel"> {
  onClose(): void;
  children: ReactNode;
  [dataAttribute: `data-${string}`]: string | undefined;
}

export function ModalDialog({ onClose, children, ...rest }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useLatest(onClose);
  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    element.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    return () => {
      if (element.open) element.close();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      {...rest}
      onKeyDown={(event) => {
        if (event.key !== "Escape" || event.defaultPrevented) return;
        event.preventDefault();
        close.current();
      }}
      // Any other close request (a platform gesture): the owner decides, the dialog stays until it unmounts.
      onCancel={(event) => {
        event.preventDefault();
        close.current();
      }}
      // A click on the dialog element itself is a click on its backdrop: its content fills it.
      onClick={(event) => {
        if (event.target === event.currentTarget) close.current();
      }}
    >
      {children}
    </dialog>
  );
}
