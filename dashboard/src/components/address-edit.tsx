import { useState } from "preact/hooks";
import { ApiError, type FieldError } from "../api/client";
import { api } from "../api/endpoints";
import type { Order } from "../api/types";
import { inJapanese, reasonOf } from "../messages";
import { notify } from "../state/toasts";
import { AddressFields, addressDraftOf, addressToSend, type AddressDraft } from "./address-fields";

/** Gives, corrects or removes (every field empty) the shipping address, until the order has shipped. */
export function AddressEdit({ order, onDone }: { order: Order; onDone: () => void }) {
  const [draft, setDraft] = useState<AddressDraft | undefined>(undefined);
  const [errors, setErrors] = useState<FieldError[]>([]);
  if (["SHIPPED", "DELIVERED"].includes(order.status)) return null; // it has left the warehouse
  if (!draft) {
    return <button type="button" onClick={() => (setErrors([]), setDraft(addressDraftOf(order.shipping_address)))}>{order.shipping_address ? "配送先を修正" : "配送先を登録"}</button>;
  }
  async function save(event: Event) {
    event.preventDefault();
    try {
      await api.changeContact(order.id, { shipping_address: addressToSend(draft!) });
      notify("success", addressToSend(draft!) ? "配送先を保存しました。" : "配送先を削除しました。");
      setDraft(undefined);
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.errors.length) setErrors(error.errors.map(inJapanese));
      else notify("error", `配送先を保存できませんでした：${reasonOf(error)}`);
    }
  }
  const errorFor = (path: string) => errors.find((e) => e.path === path)?.message;
  return (
    <form class="address-edit" onSubmit={save} noValidate>
      <AddressFields idPrefix="address-edit" value={draft} onInput={setDraft} errorFor={errorFor} />
      <p class="hint">すべて空欄にして保存すると、配送先を削除します。</p>
      <button type="submit" class="primary">保存</button> <button type="button" onClick={() => setDraft(undefined)}>やめる</button>
    </form>
  );
}
