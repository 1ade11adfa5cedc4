import { describe, expect, test } from "bun:test";
import { deliveryDay, deliverySlot, deliveryText } from "./delivery";

describe("delivery wishes as people write them", () => {
  test("a time slot written as storefronts and people do reads as the carriers' slot", () => {
    for (const [written, slot] of [["14-16", "14-16"], ["14時〜16時", "14-16"], ["14:00～16:00", "14-16"], ["１４－１６", "14-16"], ["午前中", "午前中"], ["午前", "午前中"], ["AM", "午前中"], ["19-21時", "19-21"]]) {
      expect(deliverySlot(written!) as string | undefined).toBe(slot);
    }
    for (const wrong of ["13-15", "夕方", "14", "", "8-12"]) expect(deliverySlot(wrong)).toBeUndefined();
  });

  test("a day written with slashes, without leading zeros or in full-width digits reads as YYYY-MM-DD; a day that does not exist does not", () => {
    for (const written of ["2026-12-05", "2026/12/5", "２０２６／１２／０５", "2026年12月5日"]) expect(deliveryDay(written)).toBe("2026-12-05");
    for (const wrong of ["2026-02-30", "12/5", "2026-13-01", "tomorrow"]) expect(deliveryDay(wrong)).toBeUndefined();
  });

  test("on one line for people: the day in Japanese, the slot in hours", () => {
    expect(deliveryText("2026-12-05", "14-16")).toBe("2026年12月5日 14〜16時");
    expect(deliveryText(null, "午前中")).toBe("午前中");
    expect(deliveryText("2026-12-05", null)).toBe("2026年12月5日");
    expect(deliveryText(null, null)).toBe("なし");
  });
});
