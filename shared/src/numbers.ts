/**
 * A whole number as people and spreadsheets write it in Japan: full-width digits (typed with an IME)
 * and thousands separated by commas (1,800 or １，８００). NaN when the text is not one.
 */
export function wholeNumber(text: string): number {
  if (/^-?\d+$/.test(text)) return Number(text);
  const plain = text.normalize("NFKC").trim();
  const digits = /^-?\d{1,3}(,\d{3})+$/.test(plain) ? plain.replaceAll(",", "") : plain;
  return /^-?\d+$/.test(digits) ? Number(digits) : Number.NaN;
}
