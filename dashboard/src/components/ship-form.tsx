import { useState } from "preact/hooks";
import { CARRIER_NAMES, checkDigitFails } from "@platform/shared/tracking-number";

/** The carriers offered as the carrier field is typed (others may still be written). */
export const CarrierList = () => <datalist id="carriers">{CARRIER_NAMES.map((name) => <option value={name} />)}</datalist>;

/** What an operator is told of a tracking number whose check digit fails (shared/tracking-number). */
export const CHECK_DIGIT_WARNING = "伝票番号の検査数字が合いません。打ち間違いがないか、配送伝票とご確認ください。";

/** The carrier and tracking number an order ships with; a mistyped number is pointed out as it is typed. */
export function ShipForm({ onShip }: { onShip: (shipping: { carrier?: string; tracking_number?: string }) => void }) {
  const [carrier, setCarrier] = useState("");
  const [tracking, setTracking] = useState("");
  const suspect = checkDigitFails(carrier, tracking);
  return (
    <div class="ship">
      <label for="carrier">配送業者</label><input id="carrier" list="carriers" value={carrier} onInput={(e) => setCarrier(e.currentTarget.value)} placeholder="ヤマト運輸" />
      <CarrierList />
      <label for="tracking">伝票番号</label>
      <input id="tracking" value={tracking} aria-invalid={suspect ? "true" : undefined} aria-describedby={suspect ? "tracking-warning" : undefined} onInput={(e) => setTracking(e.currentTarget.value)} />
      <button type="button" class="primary" onClick={() => onShip({ carrier: carrier || undefined, tracking_number: tracking || undefined })}>発送済みにする</button>
      {suspect && <p class="field-error" id="tracking-warning" role="status">{CHECK_DIGIT_WARNING}</p>}
    </div>
  );
}
