// No imports: the dashboard's config-script.ts (loaded by Vite under Node) reads this file too.

/**
 * 適格請求書発行事業者の登録番号 (the shop's invoice registration number): T and 13 digits, as
 * written (full-width, with hyphens or spaces); null when unset. Throws, naming the setting, on a
 * value that is none, so that no mail or slip ever prints a wrong one.
 */
export function registrationNumber(written: string | undefined) {
  const number = (written ?? "").normalize("NFKC").replace(/[\s-]/g, "").toUpperCase();
  if (!number) return null;
  if (!/^T\d{13}$/.test(number)) throw new Error(`INVOICE_REGISTRATION_NUMBER must be T and 13 digits (適格請求書発行事業者の登録番号, such as T1234567890123); got "${written}"`);
  return number;
}
