import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";

/** A button that asks "are you sure?" in place before it acts: for cancels and refunds. */
export function ConfirmButton(props: { label: string; question: string; confirmLabel: string; onConfirm: () => Promise<unknown>; danger?: boolean; children?: ComponentChildren }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking) return <button type="button" class={props.danger ? "danger" : ""} onClick={() => setAsking(true)}>{props.label}</button>;
  return (
    <div class="confirm" role="group" aria-label={props.question}>
      <p>{props.question}</p>
      {props.children}
      <button type="button" class={props.danger ? "danger" : "primary"} disabled={busy} autoFocus
        onClick={async () => {
          setBusy(true);
          try {
            await props.onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}>{busy ? "処理中…" : props.confirmLabel}</button>
      <button type="button" onClick={() => setAsking(false)}>やめる</button>
    </div>
  );
}
