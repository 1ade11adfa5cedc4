import { z } from "zod";
import { TAX_RATE } from "@platform/shared/contracts/tax";

/**
 * 消費税: 10 % standard, 8 % reduced (food and drink other than eating out, newspapers). Prices are
 * tax-included (税込), as prices shown to consumers in Japan must be (総額表示).
 */
export { TAX_RATE };
export const TAX_RATES = [TAX_RATE.standard, TAX_RATE.reduced] as const;
export type TaxRate = (typeof TAX_RATES)[number];
export const STANDARD_TAX_RATE: TaxRate = TAX_RATE.standard;

export const TAX_RATE_MESSAGE = "must be 10 (standard rate) or 8 (reduced rate: food and drink, newspapers)";
// an enum, not a literal of two values: the OpenAPI document then lists both (zod-openapi writes a literal's first alone)
export const TaxRateSchema = z.enum(TAX_RATE, { error: TAX_RATE_MESSAGE });

/** A rate as people write it in a spreadsheet: 8, 8%, ８％, 0.08, 軽減 (empty: the standard rate); undefined when it is none of them. */
export function taxRateFromText(text: string): TaxRate | undefined {
  const written = text.normalize("NFKC").trim().replace(/%$/, "").trim();
  if (written === "") return STANDARD_TAX_RATE;
  if (written === "軽減" || written === "軽減税率") return 8;
  if (written === "標準" || written === "標準税率") return 10;
  const value = Number(written);
  const rate = value > 0 && value < 1 ? Math.round(value * 100) : value;
  return TAX_RATES.find((r) => r === rate);
}

export type TaxByRate = { rate: TaxRate; amount: number; tax: number };

/**
 * The tax in each rate's tax-included amount, rounded down once per rate for the whole order (the
 * インボイス制度's rule: one rounding per rate per invoice, never per item). The standard rate first.
 */
export function taxByRate(items: { tax_rate: TaxRate; subtotal: number }[]): TaxByRate[] {
  return TAX_RATES.flatMap((rate) => {
    const lines = items.filter((item) => item.tax_rate === rate);
    if (!lines.length) return [];
    const amount = lines.reduce((sum, item) => sum + item.subtotal, 0);
    return [{ rate, amount, tax: Math.floor((amount * rate) / (100 + rate)) }];
  });
}
