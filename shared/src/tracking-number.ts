/**
 * A tracking number as it is compared: carriers' delivery lists and the warehouse's shipping list
 * write the same number differently (1234-5678-9012, 123456789012, full-width digits, a long vowel
 * mark typed for a hyphen), so case, width, spaces and dashes do not count.
 */
export const trackingKey = (trackingNumber: string) => trackingNumber.normalize("NFKC").replace(/[\s\-‐‑‒–—―−ーｰ]/g, "").toUpperCase();

/**
 * The carriers whose tracking page opens at a number given in its address, by the names operators
 * write for them (ヤマト運輸, クロネコ, 佐川, ゆうパック, Japan Post …).
 */
const carriers = [
  { name: "ヤマト運輸", writtenAs: /ヤマト|クロネコ|宅急便|ネコポス|yamato|kuroneko/i, page: "https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=" },
  { name: "佐川急便", writtenAs: /佐川|飛脚|sagawa/i, page: "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=" },
  { name: "日本郵便", writtenAs: /郵便|ゆうパック|ゆうパケット|japan\s*post|yu-?pack/i, page: "https://trackings.post.japanpost.jp/services/srv/search/direct?searchKind=S002&locale=ja&reqCodeNo1=" },
] as const;

/** The carriers an operator picks from; others may still be written. */
export const CARRIER_NAMES = carriers.map((carrier) => carrier.name);

const carrierOf = (carrier: string | null | undefined) => (carrier ? carriers.find((known) => known.writtenAs.test(carrier.normalize("NFKC"))) : undefined);
const digitsOf = (trackingNumber: string) => (/^\d{8,14}$/.test(trackingKey(trackingNumber)) ? trackingKey(trackingNumber) : undefined);

/** A carrier as it is stored and told to the customer: one known here by its name (クロネコ -> ヤマト運輸), any other as written. */
export const carrierName = (written: string) => carrierOf(written)?.name ?? written;

/** The carrier's page showing where the parcel is; null for a carrier not known here or a number that is not digits. */
export function trackingUrl(carrier: string | null | undefined, trackingNumber: string | null | undefined): string | null {
  const known = carrierOf(carrier);
  const digits = trackingNumber ? digitsOf(trackingNumber) : undefined;
  return known && digits ? known.page + digits : null;
}

/**
 * Whether a 12-digit number for ヤマト運輸, 佐川急便 or 日本郵便 fails its check digit (on all three the
 * last digit is the first eleven modulo 7), as most mistyped digits and swapped neighbours do.
 * Nothing is said of other carriers or lengths.
 */
export function checkDigitFails(carrier: string | null | undefined, trackingNumber: string | null | undefined): boolean {
  const digits = trackingNumber ? digitsOf(trackingNumber) : undefined;
  if (!carrierOf(carrier) || digits?.length !== 12) return false;
  return BigInt(digits.slice(0, 11)) % 7n !== BigInt(digits[11]!);
}
