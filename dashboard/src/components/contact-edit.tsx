import { useState } from "preact/hooks";
import { phoneToE164 } from "@platform/shared/phone";
import { ApiError, type FieldError } from "../api/client";
import { api } from "../api/endpoints";
import type { Order } from "../api/types";
import { phoneForPeople } from "../format";
import { inJapanese, reasonOf } from "../messages";
import { notify } from "../state/toasts";

const fields = [["customer_name", "お名前"], ["customer_email", "メールアドレス"], ["customer_phone", "電話番号（空欄で削除）"]] as const;
type Field = (typeof fields)[number][0];

/** Corrects the customer's name, e-mail or phone; only what changed is sent. */
export function ContactEdit({ order, onDone }: { order: Order; onDone: () => void }) {
  const current = (field: Field) => order[field] ?? "";
  // the phone is shown and typed as dialled (090-1234-5678) and sent as the API keeps it (+81…)
  const shown = (field: Field) => (field === "customer_phone" ? phoneForPeople(order.customer_phone) ?? "" : current(field));
  const sent = (field: Field, value: string) => (field === "customer_phone" ? phoneToE164(value) ?? value : value);
  const [draft, setDraft] = useState<Record<Field, string> | undefined>(undefined);
  const [errors, setErrors] = useState<FieldError[]>([]);
  if (!draft) {
    return <button type="button" onClick={() => (setErrors([]), setDraft({ customer_name: shown("customer_name"), customer_email: shown("customer_email"), customer_phone: shown("customer_phone") }))}>連絡先を修正</button>;
  }
  async function save(event: Event) {
    event.preventDefault();
    const change: Record<string, string | null> = {};
    for (const [field] of fields) {
      const value = sent(field, draft![field].trim());
      if (value !== current(field)) change[field] = value || (field === "customer_phone" ? null : "");
    }
    if (!Object.keys(change).length) return setDraft(undefined);
    try {
      await api.changeContact(order.id, change);
      notify("success", "連絡先を修正しました。これからのメールは新しい連絡先に届きます（送信済みのメールは下の「通知」から再送できます）。");
      setDraft(undefined);
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.errors.length) setErrors(error.errors.map(inJapanese));
      else notify("error", `修正できませんでした：${reasonOf(error)}`);
    }
  }
  return (
    <form class="contact-edit" onSubmit={save}>
      {fields.map(([field, label]) => (
        <p>
          <label for={`contact-${field}`}>{label}</label>{" "}
          <input id={`contact-${field}`} value={draft[field]} aria-describedby={`contact-${field}-error`}
            onInput={(e) => setDraft({ ...draft, [field]: e.currentTarget.value })} />{" "}
          <span id={`contact-${field}-error`} class="field-error">{errors.find((e) => e.path === field)?.message}</span>
        </p>
      ))}
      <button type="submit" class="primary">保存</button> <button type="button" onClick={() => setDraft(undefined)}>やめる</button>
    </form>
  );
}
