import { DELIVERY_SLOTS } from "@platform/shared/delivery";

export type WishDraft = { delivery_date: string; delivery_time: string };
export const blankWish = (): WishDraft => ({ delivery_date: "", delivery_time: "" });

/** The day and the carrier's time slot the customer wants, either or both; errors by the API's paths. */
export function DeliveryWishFields({ idPrefix, value, onInput, errorFor }: {
  idPrefix: string; value: WishDraft; onInput: (draft: WishDraft) => void; errorFor: (path: string) => string | undefined;
}) {
  const dateError = errorFor("delivery_date"), timeError = errorFor("delivery_time");
  return (
    <div class="item-row">
      <div class="field">
        <label for={`${idPrefix}-date`}>お届け希望日</label>
        <input id={`${idPrefix}-date`} type="date" value={value.delivery_date} aria-invalid={dateError ? "true" : undefined}
          aria-describedby={dateError ? `${idPrefix}-date-error` : undefined} onInput={(e) => onInput({ ...value, delivery_date: e.currentTarget.value })} />
        {dateError && <p class="field-error" id={`${idPrefix}-date-error`}>{dateError}</p>}
      </div>
      <div class="field">
        <label for={`${idPrefix}-time`}>お届け希望時間帯</label>
        <select id={`${idPrefix}-time`} value={value.delivery_time} aria-invalid={timeError ? "true" : undefined}
          aria-describedby={timeError ? `${idPrefix}-time-error` : undefined} onChange={(e) => onInput({ ...value, delivery_time: e.currentTarget.value })}>
          <option value="">指定なし</option>
          {DELIVERY_SLOTS.map((slot) => <option value={slot}>{slot === "午前中" ? slot : `${slot.replace("-", "〜")}時`}</option>)}
        </select>
        {timeError && <p class="field-error" id={`${idPrefix}-time-error`}>{timeError}</p>}
      </div>
    </div>
  );
}
