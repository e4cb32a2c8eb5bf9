// A modal dialog on the native <dialog> element: the browser keeps focus inside it, makes the page
// behind it inert, and returns focus to where it was when it closes. Escape asks the owner to close.
import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  /** Receives focus when the dialog opens (the first field, typically). */
  initialFocus: RefObject<HTMLElement | null>;
  /** A confirmation or a short form is narrower than a full record; an invoice with its lines is wider. */
  size?: 'small' | 'large' | 'wide';
  children: ReactNode;
}

export function Dialog({ title, onClose, initialFocus, size = 'large', children }: DialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    element.showModal();
    initialFocus.current?.focus();
    return () => element.close();
  }, [initialFocus]);

  return (
    <dialog
      ref={dialog}
      className={size === 'large' ? 'dialog' : `dialog dialog-${size}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // React owns whether the dialog is shown; let it unmount rather than the browser close it.
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
