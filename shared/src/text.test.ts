import { describe, expect, test } from "bun:test";
import { isFreeText, isOneLine } from "./text";

describe("text a person may give", () => {
  test("a name is one line: Japanese, full-width spaces, symbols and emoji pass", () => {
    for (const name of ["山田 太郎", "山田　太郎", "ｶﾀｶﾅ ﾀﾛｳ", "O'Brien-Smith", "抹茶セット（100g）×2", "🍵 ギフト", "1234-5678-9012"]) {
      expect(isOneLine(name)).toBe(true);
    }
  });

  test("a name with a tab, a line break, NUL, DEL, a C1 control or a Unicode line separator is refused", () => {
    for (const name of ["山田\t太郎", "山田\n太郎", "山田\r\n太郎", "山田\0", "\x1b[31m山田", "山田\x7f", "山田\x85", "山田\u2028太郎", "山田\u2029"]) {
      expect(isOneLine(name)).toBe(false);
    }
  });

  test("a free text may have line breaks and tabs, and no other control character", () => {
    for (const text of ["配達は夕方を希望", "一行目\n二行目", "一行目\r\n二行目", "品番\t数量"]) expect(isFreeText(text)).toBe(true);
    for (const text of ["メモ\0", "\x1b[2J", "メモ\x7f", "メモ\x9b", "メモ\u2028"]) expect(isFreeText(text)).toBe(false);
  });
});
