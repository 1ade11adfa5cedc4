/**
 * Japanese addresses as people and storefronts write them: the 47 prefectures, postal codes with or
 * without 〒 and the hyphen, in full-width digits. Read by the Order Service's rules and the dashboard.
 */
export const PREFECTURES = [
  "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県",
  "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県",
  "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
  "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
] as const;
export type Prefecture = (typeof PREFECTURES)[number];

/** A postal code as people write it (〒150-0001, 1500001, full-width digits), as 150-0001; undefined when it is none. */
export function postalCode(text: string): string | undefined {
  const digits = text.normalize("NFKC").replace(/^\s*〒/, "").replace(/[\s\-‐‑‒–—―−ー]/g, "");
  return /^\d{7}$/.test(digits) ? `${digits.slice(0, 3)}-${digits.slice(3)}` : undefined;
}

/** A prefecture's name, with or without its 都, 府 or 県 (東京, 大阪府, 神奈川); undefined when it is none. */
export function prefecture(text: string): Prefecture | undefined {
  const name = text.normalize("NFKC").trim();
  return PREFECTURES.find((p) => p === name || (p !== "北海道" && p.slice(0, -1) === name));
}

/** The prefecture an address begins with, and the rest of it ("東京都渋谷区神宮前1-2-3"), when it begins with one. */
export function splitPrefecture(address: string): { prefecture: Prefecture; rest: string } | undefined {
  const text = address.normalize("NFKC").trim();
  const found = PREFECTURES.find((p) => text.startsWith(p));
  return found ? { prefecture: found, rest: text.slice(found.length).trim() } : undefined;
}

/** An address as it is stored and read back. */
export type AddressParts = { postal_code: string; prefecture: string; address_line1: string; address_line2: string | null };

/** An address on one line, as a note or a mail shows it: 〒150-0001 東京都渋谷区神宮前1-2-3 神宮前ビル 101. */
export const addressText = (address: AddressParts | null | undefined) =>
  address ? `〒${address.postal_code} ${address.prefecture}${address.address_line1}${address.address_line2 ? ` ${address.address_line2}` : ""}` : "なし";
