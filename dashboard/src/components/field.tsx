/** A labelled input with its error under it, tied together for screen readers. */
export function Field(props: {
  id: string; label: string; path: string; value: string; onInput: (value: string) => void; message?: string;
  type?: "text" | "email" | "tel"; inputMode?: "numeric"; placeholder?: string; autoComplete?: string;
}) {
  const { message } = props;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input id={props.id} name={props.path} type={(props.type ?? "text") as "text"} inputMode={props.inputMode} value={props.value} placeholder={props.placeholder} autoComplete={props.autoComplete}
        aria-invalid={message ? "true" : undefined} aria-describedby={message ? `${props.id}-error` : undefined} onInput={(e) => props.onInput(e.currentTarget.value)} />
      {message && <p class="field-error" id={`${props.id}-error`}>{message}</p>}
    </div>
  );
}
