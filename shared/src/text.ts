/**
 * What text a person may give. A name or a label (a customer's name, a product, a carrier, a tracking
 * number) is one line: a tab or a line break in it comes from a paste gone wrong (two Excel cells,
 * a quoted CSV cell over two lines) and would break the CSV exports, the shipping labels and the mails
 * it is copied into; NUL and the other control characters are never meant. A free text (a note, a
 * reason) may have line breaks and tabs, and no other control character.
 */
const NOT_IN_ONE_LINE = /[\p{Cc}\u2028\u2029]/u;
const NOT_IN_FREE_TEXT = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029]/;

export const ONE_LINE_MESSAGE = "must be one line, without tabs, line breaks or other control characters";
export const FREE_TEXT_MESSAGE = "must not contain control characters other than line breaks and tabs";

export const isOneLine = (text: string) => !NOT_IN_ONE_LINE.test(text);
export const isFreeText = (text: string) => !NOT_IN_FREE_TEXT.test(text);
