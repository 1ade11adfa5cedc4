import { ApiError, type FieldError } from "./api/client";

/** The API speaks English to developers; operators read Japanese. Unknown messages are shown as they come. */
const byPattern: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^is required$/, () => "入力してください。"],
  [/^must not be empty$/, () => "入力してください。"],
  [/^must be a (valid )?e-mail address( for EMAIL)?$/, () => "メールアドレスの形式が正しくありません。"],
  [/^must be (an E\.164 number|a phone number such as)/, () => "電話番号の形式が正しくありません（例：090-1234-5678、+819012345678）。"],
  [/^must be at most (\d[\d,]*) characters$/, (m) => `${m[1]}文字以内で入力してください。`],
  [/^must be an integer( number of JPY)?$/, () => "整数で入力してください。"],
  [/^must be at least (\d[\d,]*)$/, (m) => `${m[1]}以上の値を入力してください。`],
  [/^must be at most (\d[\d,]*)( JPY)?$/, (m) => `${m[1]}以下の値を入力してください。`],
  [/^must not be negative$/, () => "0以上の値を入力してください。"],
  [/^must have at least one item$/, () => "商品を1つ以上入力してください。"],
  [/^the order total (\d+) JPY cannot be paid/, (m) => `合計金額 ¥${Number(m[1]).toLocaleString("ja-JP")} はお支払いできません（1回の決済は ¥100〜¥1,000,000）。`],
  [/^must be a number$/, () => "数値で入力してください。"],
  [/^must be one line, without tabs, line breaks/, () => "1行で入力してください（タブや改行は使えません）。"],
  [/^must be a postal code of 7 digits/, () => "郵便番号は7桁で入力してください（例：150-0001）。"],
  [/^must be one of the 47 prefectures/, () => "都道府県を選んでください。"],
  [/^must be a date that exists, such as/, () => "日付が正しくありません（例：2026-12-05）。"],
  [/^must not be a day already past/, () => "過ぎた日付は指定できません。"],
  [/^must be one of the carriers' time slots/, () => "時間帯は 午前中、12-14、14-16、16-18、18-20、18-21、19-21、20-21 のいずれかです。"],
  [/^must not contain control characters other than line breaks/, () => "使えない制御文字が含まれています。"],
  [/^must be a date that exists/, () => "日付が正しくありません。"],
  [/^must not be before from$/, () => "終了日は開始日以降にしてください。"],
  [/^must be at most (\d+) days after from$/, (m) => `期間は${m[1]}日以内にしてください。`],
  [/^differs from row (\d+) of the same order_ref (.+); rows of one order/, (m) => `同じ order_ref（${m[2]}）の ${m[1]} 行目とお客様情報または配送先・お届け希望日時が異なります。`],
  [/^the row cannot be read as CSV/, () => "CSVとして読み取れません（引用符の閉じ忘れなど）。この注文は取り込まれません。"],
  [/^tracking number (.+) appears more than once in this request \(as delivery (\d+)\)/, (m) => `伝票番号 ${m[1]} がリストの中で重複しています（ハイフンや全角の違いは同じ番号とみなします）。`],
  [/^order_ref (.+) was already imported/, (m) => `order_ref ${m[1]} は取り込み済みです（二重には取り込みません）。`],
  [/^must be 10 \(standard rate\) or 8 \(reduced rate/, () => "税率は 10 または 8（軽減税率）です（8%、軽減 とも書けます。空欄は 10）。"],
  [/^must be at most (\d+): (\d+) bought, (\d+) returned before$/, (m) => `返品できるのは ${m[1]} 点までです（購入 ${m[2]} 点、返品済 ${m[3]} 点）。`],
  [/^is not an item of this order$/, () => "この注文の商品ではありません。"],
  [/^must name each item once$/, () => "同じ商品が2回指定されています。"],
  [/^The return comes to ¥([\d,]+), but ¥([\d,]+) of the payment is left to refund/, (m) => `返品の合計 ¥${m[1]} が、決済の返金できる残額 ¥${m[2]} を超えています（すでに返金があります）。`],
  [/^Order \S+ is \S+: items can be returned once it is paid/, () => "支払い前またはキャンセル済みの注文は返品できません。"],
  [/^order_ref (.+) was imported by another import meanwhile/, (m) => `order_ref ${m[1]} は検証後に別の取り込みで取り込まれました（二重には取り込みません）。`],
];

export function inJapanese(error: FieldError): FieldError {
  for (const [pattern, say] of byPattern) {
    const match = error.message.match(pattern);
    if (match) return { ...error, message: say(match) };
  }
  return error;
}

/** Why a call failed, for a message to the person: the first field's reason in Japanese, else the problem's own words. */
export function reasonOf(error: unknown): string {
  if (!(error instanceof ApiError)) return String(error);
  return inJapanese(error.errors[0] ?? { path: "", message: error.message }).message;
}
