import { expect, test } from "bun:test";
import { carrierName, checkDigitFails, trackingKey, trackingUrl } from "./tracking-number";

test("a tracking number is compared without its dashes, spaces, width or case", () => {
  for (const written of ["1234-5678-9012", "123456789012", "１２３４－５６７８－９０１２", "1234ー5678ー9012", " 1234 5678 9012 ", "1234−5678−9012"]) {
    expect(trackingKey(written)).toBe("123456789012");
  }
  expect(trackingKey("ab-12")).toBe("AB12");
  expect(trackingKey("1234-5678-9013")).not.toBe(trackingKey("1234-5678-9012"));
});

test("the tracking page of the three carriers, by the names operators write for them", () => {
  const yamato = "https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=444413758703";
  for (const carrier of ["ヤマト運輸", "ヤマト", "クロネコヤマト", "ｸﾛﾈｺ", "Yamato Transport"]) expect(trackingUrl(carrier, "4444-1375-8703")).toBe(yamato);
  expect(trackingUrl("佐川急便", "５１２５４７５１４３３４")).toBe("https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=512547514334");
  for (const carrier of ["日本郵便", "ゆうパック", "Japan Post"]) {
    expect(trackingUrl(carrier, "405548424886")).toBe("https://trackings.post.japanpost.jp/services/srv/search/direct?searchKind=S002&locale=ja&reqCodeNo1=405548424886");
  }
});

test("the three carriers are named as customers know them, however written; any other as written", () => {
  expect(["クロネコヤマト", "ヤマト", "ｸﾛﾈｺ", "宅急便", "佐川", "飛脚宅配便", "ゆうパック", "日本郵便"].map(carrierName)).toEqual(["ヤマト運輸", "ヤマト運輸", "ヤマト運輸", "ヤマト運輸", "佐川急便", "佐川急便", "日本郵便", "日本郵便"]);
  expect(carrierName("西濃運輸")).toBe("西濃運輸");
});

test("no link for a carrier not known here, or a number that is not digits", () => {
  expect(trackingUrl("西濃運輸", "405548424886")).toBeNull();
  expect(trackingUrl(null, "405548424886")).toBeNull();
  expect(trackingUrl("日本郵便", "EJ123456789JP")).toBeNull();
  expect(trackingUrl("ヤマト運輸", "1234")).toBeNull();
  expect(trackingUrl("ヤマト運輸", null)).toBeNull();
});

test("a mistyped 12-digit number of a known carrier fails its check digit; others are not judged", () => {
  // numbers printed on real labels: ヤマト運輸, 佐川急便, 日本郵便
  for (const [carrier, number] of [["ヤマト運輸", "4444-1375-8703"], ["ヤマト運輸", "3904-5998-3082"], ["佐川急便", "512547514334"], ["日本郵便", "4055-4842-4886"], ["ゆうパック", "7110-5327-5295"]]) {
    expect(checkDigitFails(carrier, number)).toBe(false);
  }
  expect(checkDigitFails("ヤマト運輸", "4444-1375-8704")).toBe(true); // the last digit
  expect(checkDigitFails("ヤマト運輸", "4444-1357-8703")).toBe(true); // two digits swapped
  expect(checkDigitFails("佐川急便", "512547514339")).toBe(true);
  expect(checkDigitFails("西濃運輸", "4444-1375-8704")).toBe(false);
  expect(checkDigitFails("ヤマト運輸", "44441375870")).toBe(false); // 11 digits: not a number this rule knows
  expect(checkDigitFails(undefined, "4444-1375-8704")).toBe(false);
});
