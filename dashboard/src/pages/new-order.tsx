import { computed, signal } from "@preact/signals";
import { wholeNumber } from "@platform/shared/numbers";
import { phoneToE164 } from "@platform/shared/phone";
import { ApiError, type FieldError } from "../api/client";
import { api } from "../api/endpoints";
import { AddressFields, addressToSend, blankAddress, type AddressDraft } from "../components/address-fields";
import { DeliveryWishFields, blankWish, type WishDraft } from "../components/delivery-wish-fields";
import { Field } from "../components/field";
import { yen } from "../format";
import { inJapanese } from "../messages";
import { navigate } from "../state/router";
import { notify } from "../state/toasts";

type Row = { product_name: string; quantity: string; unit_price: string; tax_rate: "10" | "8" };
const blankRow = (): Row => ({ product_name: "", quantity: "1", unit_price: "", tax_rate: "10" });

const customer = signal({ customer_name: "", customer_email: "", customer_phone: "" });
const address = signal<AddressDraft>(blankAddress());
const wish = signal<WishDraft>(blankWish());
const rows = signal<Row[]>([blankRow()]);
const errors = signal<FieldError[]>([]);
const submitting = signal(false);
let idempotencyKey = crypto.randomUUID();
/** What a row's quantity times price comes to, as far as both read as numbers (１，８００ included). */
const subtotal = (row: Row) => (wholeNumber(row.quantity) || 0) * (wholeNumber(row.unit_price) || 0);
const total = computed(() => rows.value.reduce((sum, row) => sum + subtotal(row), 0));
const errorFor = (path: string) => errors.value.filter((e) => e.path === path).map((e) => e.message).join(" / ") || undefined;

async function submit(event: Event) {
  event.preventDefault();
  submitting.value = true;
  errors.value = [];
  const { customer_phone, ...rest } = customer.value;
  try {
    const order = await api.createOrder({
      ...rest, ...(customer_phone.trim() ? { customer_phone: phoneToE164(customer_phone) ?? customer_phone } : {}), // 090-1234-5678 as typed
      ...(addressToSend(address.value) ? { shipping_address: addressToSend(address.value)! } : {}),
      ...(wish.value.delivery_date ? { delivery_date: wish.value.delivery_date } : {}), ...(wish.value.delivery_time ? { delivery_time: wish.value.delivery_time } : {}),
      items: rows.value.map((row) => ({ product_name: row.product_name, quantity: wholeNumber(row.quantity), unit_price: wholeNumber(row.unit_price), tax_rate: row.tax_rate === "8" ? 8 : 10 })),
    }, idempotencyKey);
    notify("success", `注文 ${order.id} を作成しました。`);
    customer.value = { customer_name: "", customer_email: "", customer_phone: "" };
    address.value = blankAddress();
    wish.value = blankWish();
    rows.value = [blankRow()];
    idempotencyKey = crypto.randomUUID();
    navigate(`#/orders/${order.id}`);
  } catch (error) {
    const api = error instanceof ApiError ? error : undefined;
    if (api?.errors.length) errors.value = api.errors.map(inJapanese);
    notify("error", api?.unreachable ? "注文サービスに接続できないため、注文を作成できませんでした。"
      : api?.errors.length ? "入力内容に誤りがあります。各項目のメッセージをご確認ください。"
      : `注文を作成できませんでした：${(error as Error).message}`);
  } finally {
    submitting.value = false;
  }
}

export function NewOrderPage() {
  const set = (key: keyof typeof customer.value) => (value: string) => (customer.value = { ...customer.value, [key]: value });
  const setRow = (i: number, key: keyof Row) => (value: string) => (rows.value = rows.value.map((row, j) => (j === i ? { ...row, [key]: value } : row)));
  return (
    <section>
      <h2>新規注文</h2>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>お客様</legend>
          <Field id="customer_name" label="お名前" path="customer_name" value={customer.value.customer_name} onInput={set("customer_name")} placeholder="山田 太郎" message={errorFor("customer_name")} />
          <Field id="customer_email" label="メールアドレス" path="customer_email" type="email" value={customer.value.customer_email} onInput={set("customer_email")} placeholder="taro@example.jp" message={errorFor("customer_email")} />
          <Field id="customer_phone" label="電話番号（任意）" path="customer_phone" type="tel" value={customer.value.customer_phone} onInput={set("customer_phone")} placeholder="090-1234-5678" message={errorFor("customer_phone")} />
        </fieldset>
        <fieldset>
          <legend>配送先・お届け希望日時（任意）</legend>
          <AddressFields idPrefix="shipping" value={address.value} onInput={(draft) => (address.value = draft)} errorFor={errorFor} />
          <DeliveryWishFields idPrefix="wish" value={wish.value} onInput={(draft) => (wish.value = draft)} errorFor={errorFor} />
        </fieldset>
        <fieldset>
          <legend>商品</legend>
          {rows.value.map((row, i) => (
            <div class="item-row with-tax" role="group" aria-label={`商品 ${i + 1}`}>
              <Field id={`item-${i}-name`} label={`商品名 ${i + 1}`} path={`items.${i}.product_name`} value={row.product_name} onInput={setRow(i, "product_name")} message={errorFor(`items.${i}.product_name`)} />
              <Field id={`item-${i}-quantity`} label="数量" path={`items.${i}.quantity`} inputMode="numeric" value={row.quantity} onInput={setRow(i, "quantity")} message={errorFor(`items.${i}.quantity`)} />
              <Field id={`item-${i}-price`} label="単価（円・税込）" path={`items.${i}.unit_price`} inputMode="numeric" value={row.unit_price} onInput={setRow(i, "unit_price")} message={errorFor(`items.${i}.unit_price`)} />
              <div class="field">
                <label for={`item-${i}-tax`}>税率</label>
                <select id={`item-${i}-tax`} name={`items.${i}.tax_rate`} value={row.tax_rate} onChange={(e) => setRow(i, "tax_rate")(e.currentTarget.value)}>
                  <option value="10">10%</option>
                  <option value="8">8%（軽減）</option>
                </select>
              </div>
              <p class="subtotal">小計 {yen(subtotal(row))}</p>
              {rows.value.length > 1 && <button type="button" onClick={() => (rows.value = rows.value.filter((_, j) => j !== i))}>商品 {i + 1} を削除</button>}
            </div>
          ))}
          {errorFor("items") && <p class="field-error" role="alert">{errorFor("items")}</p>}
          <button type="button" onClick={() => (rows.value = [...rows.value, blankRow()])}>商品を追加</button>
        </fieldset>
        <p class="total" aria-live="polite">合計金額 <strong data-testid="live-total">{yen(total.value)}</strong></p>
        <button type="submit" class="primary" disabled={submitting.value}>{submitting.value ? "作成中…" : "注文を作成"}</button>
      </form>
    </section>
  );
}
