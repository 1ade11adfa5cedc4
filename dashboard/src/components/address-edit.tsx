import { useState } from "preact/hooks";
import { ApiError, type FieldError } from "../api/client";
import { api } from "../api/endpoints";
import type { Order } from "../api/types";
import { inJapanese, reasonOf } from "../messages";
import { notify } from "../state/toasts";
import { AddressFields, addressDraftOf, addressToSend, type AddressDraft } from "./address-fields";
import { DeliveryWishFields, blankWish, type WishDraft } from "./delivery-wish-fields";

/** Gives, corrects or removes (every field empty) the shipping address and the delivery wish, until the order has shipped. */
export function AddressEdit({ order, onDone }: { order: Order; onDone: () => void }) {
  const [draft, setDraft] = useState<AddressDraft | undefined>(undefined);
  const [wish, setWish] = useState<WishDraft>(blankWish());
  const [errors, setErrors] = useState<FieldError[]>([]);
  if (["SHIPPED", "DELIVERED"].includes(order.status)) return null; // it has left the warehouse
  if (!draft) {
    const open = () => {
      setErrors([]);
      setDraft(addressDraftOf(order.shipping_address));
      setWish({ delivery_date: order.delivery_date ?? "", delivery_time: order.delivery_time ?? "" });
    };
    return <button type="button" onClick={open}>配送先・お届け希望を修正</button>;
  }
  async function save(event: Event) {
    event.preventDefault();
    try {
      // the wish only when changed: a day that has passed since it was given would be refused again
      const changed = (field: keyof WishDraft) => ((wish[field] || null) !== order[field] ? { [field]: wish[field] || null } : {});
      await api.changeContact(order.id, { shipping_address: addressToSend(draft!), ...changed("delivery_date"), ...changed("delivery_time") });
      notify("success", "配送先とお届け希望を保存しました。");
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
      <p class="hint">住所をすべて空欄にして保存すると、配送先を削除します。</p>
      <DeliveryWishFields idPrefix="wish-edit" value={wish} onInput={setWish} errorFor={errorFor} />
      <button type="submit" class="primary">保存</button> <button type="button" onClick={() => setDraft(undefined)}>やめる</button>
    </form>
  );
}
