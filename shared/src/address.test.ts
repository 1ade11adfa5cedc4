import { describe, expect, test } from "bun:test";
import { postalCode, prefecture, PREFECTURES, splitPrefecture } from "./address";

describe("Japanese addresses as people write them", () => {
  test("a postal code with or without 〒 and its hyphen, in full-width digits or typed with the IME's long dash, reads as 150-0001", () => {
    for (const written of ["150-0001", "1500001", "〒150-0001", "〒 150-0001", "１５０－０００１", "150ー0001", " 150 0001 "]) expect(postalCode(written)).toBe("150-0001");
    for (const wrong of ["150-001", "15000011", "ABC-DEFG", "", "〒"]) expect(postalCode(wrong)).toBeUndefined();
  });

  test("a prefecture with or without its 都, 府 or 県; 北海道 only in full", () => {
    expect(PREFECTURES).toHaveLength(47);
    expect([prefecture("東京"), prefecture("東京都"), prefecture("大阪"), prefecture("京都"), prefecture(" 神奈川 "), prefecture("北海道")]).toEqual(["東京都", "東京都", "大阪府", "京都府", "神奈川県", "北海道"]);
    for (const wrong of ["東京府", "北海", "Tokyo", ""]) expect(prefecture(wrong)).toBeUndefined();
  });

  test("an address that begins with its prefecture is split there, and one that does not is left whole", () => {
    expect(splitPrefecture("東京都渋谷区神宮前1-2-3")).toEqual({ prefecture: "東京都", rest: "渋谷区神宮前1-2-3" });
    expect(splitPrefecture("京都府京都市中京区")).toEqual({ prefecture: "京都府", rest: "京都市中京区" });
    expect(splitPrefecture("北海道 札幌市")).toEqual({ prefecture: "北海道", rest: "札幌市" });
    expect(splitPrefecture("渋谷区神宮前1-2-3")).toBeUndefined();
  });
});
