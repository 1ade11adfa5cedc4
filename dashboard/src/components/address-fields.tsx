import { PREFECTURES } from "@platform/shared/address";
import type { ShippingAddress } from "../api/types";
import { Field } from "./field";

export type AddressDraft = { postal_code: string; prefecture: string; address_line1: string; address_line2: string };
export const blankAddress = (): AddressDraft => ({ postal_code: "", prefecture: "", address_line1: "", address_line2: "" });
export const addressDraftOf = (address: ShippingAddress | null): AddressDraft =>
  address ? { ...address, address_line2: address.address_line2 ?? "" } : blankAddress();

/** The address to send: none when every field is empty; the postal code as typed (the API reads 〒 and full-width digits). */
export function addressToSend(draft: AddressDraft): ShippingAddress | null {
  if (Object.values(draft).every((value) => !value.trim())) return null;
  return { ...draft, address_line2: draft.address_line2.trim() || null };
}

/** Postal code, prefecture, city and street, building: the parts carriers' labels take. Errors by the API's paths (shipping_address.…). */
export function AddressFields({ idPrefix, value, onInput, errorFor }: {
  idPrefix: string; value: AddressDraft; onInput: (draft: AddressDraft) => void; errorFor: (path: string) => string | undefined;
}) {
  const set = (key: keyof AddressDraft) => (text: string) => onInput({ ...value, [key]: text });
  const prefectureError = errorFor("shipping_address.prefecture");
  return (
    <>
      <Field id={`${idPrefix}-postal`} label="郵便番号" path="shipping_address.postal_code" inputMode="numeric" autoComplete="postal-code" placeholder="150-0001"
        value={value.postal_code} onInput={set("postal_code")} message={errorFor("shipping_address.postal_code")} />
      <div class="field">
        <label for={`${idPrefix}-prefecture`}>都道府県</label>
        <select id={`${idPrefix}-prefecture`} value={value.prefecture} autoComplete="address-level1" aria-invalid={prefectureError ? "true" : undefined}
          aria-describedby={prefectureError ? `${idPrefix}-prefecture-error` : undefined} onChange={(e) => set("prefecture")(e.currentTarget.value)}>
          <option value="">選択してください</option>
          {PREFECTURES.map((name) => <option value={name}>{name}</option>)}
        </select>
        {prefectureError && <p class="field-error" id={`${idPrefix}-prefecture-error`}>{prefectureError}</p>}
      </div>
      <Field id={`${idPrefix}-line1`} label="住所（市区町村・番地）" path="shipping_address.address_line1" autoComplete="address-line1" placeholder="渋谷区神宮前1-2-3"
        value={value.address_line1} onInput={set("address_line1")} message={errorFor("shipping_address.address_line1")} />
      <Field id={`${idPrefix}-line2`} label="建物名・部屋番号（任意）" path="shipping_address.address_line2" autoComplete="address-line2" placeholder="神宮前ビル 101"
        value={value.address_line2} onInput={set("address_line2")} message={errorFor("shipping_address.address_line2")} />
    </>
  );
}
