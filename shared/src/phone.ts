/** A phone number as the API stores it and SMS is sent to: + and the country code. */
export const E164 = /^\+[1-9]\d{7,14}$/;

const separators = /[\s\-‐‑‒–—―−ー().]/g;

/**
 * A phone number as Japanese customers, operators and spreadsheets write it, in E.164 (the form the
 * API stores), or undefined when it is not one. Taken: 090-1234-5678, 03 (1234) 5678, full-width
 * digits, +81 90 1234 5678 and +81 090…, and 9012345678: a spreadsheet that read the number as a
 * number and dropped its leading 0, the commonest damage to a CSV made in Excel. A number written
 * with + keeps its own country code.
 */
export function phoneToE164(input: string): string | undefined {
  if (E164.test(input) && !input.startsWith("+810")) return input;
  const digits = input.normalize("NFKC").trim().replace(separators, "");
  if (digits.startsWith("+")) {
    const e164 = digits.replace(/^\+810/, "+81"); // +81 090…: the trunk 0 kept by mistake
    return E164.test(e164) ? e164 : undefined;
  }
  // a number written as dialled in Japan: its length is checked, as no country code vouches for it
  const national = digits.replace(/^0/, "");
  return /^[1-9]\d+$/.test(national) && national.length === nationalLength(national) ? `+81${national}` : undefined;
}

/** 070/080/090, 050, 020 and 0800 numbers have 10 digits after the 0; landlines, 0120 and 0570, 9. */
const nationalLength = (national: string) => (/^[1-9]0/.test(national) ? 10 : 9);

/** A Japanese number as dialled at home (+819012345678 -> 09012345678), as carriers' label software takes it; any other is left as it is. */
export const dialledInJapan = (e164: string | null) => (e164?.startsWith("+81") ? `0${e164.slice(3)}` : e164);
