import { useEffect, useId, useRef, type JSX, type ReactNode } from 'react';

/**
 * A modal dialog on the browser's top layer (`<dialog>` with `showModal`): focus stays inside,
 * Escape closes it. Open while mounted.
 */
export function Modal(props: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }): JSX.Element {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { onClose } = props;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onClose();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.close();
    };
  }, [onClose]);

  return (
    <dialog ref={ref} className={props.wide === true ? 'modal modal-wide' : 'modal'} aria-labelledby={titleId}>
      <h2 id={titleId} className="modal-title">
        {props.title}
      </h2>
      {props.children}
    </dialog>
  );
}
