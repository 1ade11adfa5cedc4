import { wholeNumber } from "@platform/shared/numbers";
import { phoneToE164 } from "@platform/shared/phone";
import { NewOrderSchema, type NewOrder } from "../domain/new-order";
import { TAX_RATE_MESSAGE, taxRateFromText } from "../domain/consumption-tax";
import { splitPrefecture } from "@platform/shared/address";
import { ADDRESS_COLUMNS, WISH_COLUMNS, type CsvRecord, type RowError } from "./csv-file";

export type ImportedOrder = { order_ref: string; input: NewOrder; rows: number[] };

/** The phone number in E.164 when it reads as one (090-1234-5678, or 9012345678 after Excel), else as written, for the rules to refuse. */
const phoneOf = (record: CsvRecord) => {
  const written = record.values.customer_phone ?? "";
  return written && (phoneToE164(written) ?? written);
};
const PHONE_MESSAGE = "must be a phone number such as 090-1234-5678 or +819012345678";

/** The shipping address of a row, when it has one; an address_line1 that begins with its prefecture may leave the prefecture column empty, as storefronts export it. */
function addressOf({ values }: CsvRecord) {
  if (ADDRESS_COLUMNS.every((column) => !values[column])) return undefined;
  const split = values.prefecture ? undefined : splitPrefecture(values.address_line1 ?? "");
  return {
    postal_code: values.postal_code ?? "", prefecture: split?.prefecture ?? values.prefecture ?? "",
    address_line1: split?.rest ?? values.address_line1 ?? "", address_line2: values.address_line2 || null,
  };
}

/**
 * Rows to orders, with the rules of a single order (NewOrderSchema): rows sharing an order_ref are one
 * order's items and must agree on the customer. An order with any bad row is not imported; each bad
 * row is reported with its row number, column and message.
 */
export function validateRows(records: CsvRecord[], duplicates: Set<string>, brokenRefs: Set<string> = new Set()) {
  const errors: RowError[] = [];
  const groups = new Map<string, CsvRecord[]>();
  for (const record of records) {
    const ref = record.values.order_ref ?? "";
    if (!ref) errors.push({ row: record.row, column: "order_ref", message: "must not be empty" });
    else groups.set(ref, [...(groups.get(ref) ?? []), record]);
  }
  const orders: ImportedOrder[] = [];
  let checked = 0;
  for (const [ref, group] of groups) {
    // Checking an order leaves a few KB of garbage (zod's parse) that the engine would rather grow
    // the heap for than collect: with a young-generation collection every 1,000 orders a fresh
    // Order Service peaks at 158–163 MB over a 10 MB dry run instead of 182–186, in the same time.
    if (++checked % 1_000 === 0) Bun.gc(false);
    const before = errors.length;
    const first = group[0]!.values;
    const phone = phoneOf(group[0]!);
    if (brokenRefs.has(ref)) continue; // one of its rows could not be read: the order is incomplete
    if (duplicates.has(ref)) {
      group.forEach((r) => errors.push({ row: r.row, column: "order_ref", message: `order_ref ${ref} was already imported; it is not imported twice` }));
      continue;
    }
    for (const record of group.slice(1)) {
      for (const column of ["customer_name", "customer_email", "customer_phone", ...ADDRESS_COLUMNS, ...WISH_COLUMNS] as const) {
        const differs = column === "customer_phone" ? phoneOf(record) !== phone : (record.values[column] ?? "") !== (first[column] ?? "");
        if (differs) {
          errors.push({ row: record.row, column, message: `differs from row ${group[0]!.row} of the same order_ref ${ref}; rows of one order must agree on the customer and the delivery` });
        }
      }
    }
    for (const record of group) {
      for (const column of ["quantity", "unit_price"] as const) {
        if (Number.isNaN(wholeNumber(record.values[column] ?? ""))) errors.push({ row: record.row, column, message: "must be an integer" });
      }
      if (!taxRateFromText(record.values.tax_rate ?? "")) errors.push({ row: record.row, column: "tax_rate", message: `${TAX_RATE_MESSAGE}; 8%, ８％ and 軽減 are read too, empty is 10` });
    }
    if (errors.length > before) continue;
    const parsed = NewOrderSchema.safeParse({
      customer_name: first.customer_name, customer_email: first.customer_email, customer_phone: phone || undefined, shipping_address: addressOf(group[0]!),
      delivery_date: first.delivery_date || undefined, delivery_time: first.delivery_time || undefined,
      items: group.map((r) => ({ product_name: r.values.product_name, quantity: wholeNumber(r.values.quantity), unit_price: wholeNumber(r.values.unit_price), tax_rate: taxRateFromText(r.values.tax_rate ?? "") })),
    });
    if (parsed.success) {
      orders.push({ order_ref: ref, input: parsed.data, rows: group.map((r) => r.row) });
      continue;
    }
    for (const issue of parsed.error.issues) {
      const [field, index, itemField] = issue.path as [string, (number | string)?, string?];
      const onItem = field === "items" && typeof index === "number";
      // an order-level problem (the total) is put on the row that weighs most in it
      const heaviest = group.reduce((a, b) => (wholeNumber(b.values.quantity) * wholeNumber(b.values.unit_price) > wholeNumber(a.values.quantity) * wholeNumber(a.values.unit_price) ? b : a));
      errors.push({
        row: onItem ? group[index as number]!.row : field === "items" ? heaviest.row : group[0]!.row,
        column: onItem ? String(itemField) : field === "items" ? "unit_price" : field === "shipping_address" ? String(index) : field,
        message: field === "customer_phone" ? PHONE_MESSAGE : issue.message,
      });
    }
  }
  return { orders, errors: errors.sort((a, b) => a.row - b.row), totalOrders: groups.size };
}
