import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { waitFor } from "@platform/shared/testing/service-process";
import { startStack, type Stack } from "@platform/shared/testing/stack";
import { sampleCsv } from "./sample-csv";

// The three services as real processes: the import goes through the batch payment and notification APIs.
let stack: Stack;
beforeAll(async () => (stack = await startStack({ order: { IMPORT_MAX_BYTES: "2000000" } })));
afterAll(() => stack.stop());

const named = (operator: string) => ({ "X-Operator": encodeURIComponent(operator) });
async function upload(bytes: Uint8Array, { dryRun = false, key, multipart = true, operator }: { dryRun?: boolean; key?: string; multipart?: boolean; operator?: string } = {}) {
  const form = new FormData();
  form.set("file", new Blob([bytes], { type: "text/csv" }), "注文一覧.csv");
  const response = await fetch(`${stack.order.url}/api/v1/imports${dryRun ? "?dry_run=true" : ""}`, {
    method: "POST", body: multipart ? form : bytes, headers: { ...(multipart ? {} : { "Content-Type": "text/csv" }), ...(key ? { "Idempotency-Key": key } : {}), ...(operator ? named(operator) : {}) },
  });
  return { status: response.status, body: await response.json(), replayed: response.headers.get("Idempotent-Replayed") };
}
const importOf = async (id: string) => (await stack.call("GET", `/api/v1/imports/${id}`)).body;
const finishedImport = (id: string) => waitFor(`import ${id} finished`, async () => {
  const current = await importOf(id);
  return ["COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED"].includes(current.status) && current;
}, 120_000, 200);
const total = async (path: string) => (await (await fetch(path)).json()).total as number;

describe("importing a 2,000-order Shift_JIS file with 30 bad rows", () => {
  const sample = sampleCsv({ orders: 2000, bad: 30, encoding: "shift_jis" });
  let importId: string;

  test("imports exactly the good orders, each with one payment and one queued confirmation, and reports exactly the bad rows", async () => {
    const before = { payments: await total(`${stack.payment.url}/api/v1/payments?limit=1`), notifications: await total(`${stack.notification.url}/api/v1/notifications?limit=1`) };
    const created = await upload(sample.bytes, { key: "upload-2000" });
    expect(created.status).toBe(202);
    importId = created.body.id;
    expect(created.body).toMatchObject({ encoding: "Shift_JIS", file_name: "注文一覧.csv", total_rows: sample.rows, total_orders: 2000, valid_orders: 1970, error_rows: 30, uploaded_by: null, started_by: null });
    const done = await finishedImport(importId);
    expect(done).toMatchObject({ status: "COMPLETED_WITH_ERRORS", processed: 1970, succeeded: 1970, failed: 0, payments_completed: 1970, payments_failed: 0, notifications_sent: 1970 });
    const errorsCsv = await (await fetch(`${stack.order.url}/api/v1/imports/${importId}/errors`)).text();
    const reported = [...new Set(errorsCsv.replace(/^\uFEFF/, "").trim().split("\r\n").slice(1).map((line) => Number(line.split(",")[0])))];
    expect(reported).toEqual(sample.badLines);
    const orders = await stack.call("GET", `/api/v1/orders?import_id=${importId}&limit=100`);
    expect(orders.body.total).toBe(1970);
    expect(orders.body.items.every((o: { status: string }) => o.status === "PAID")).toBe(true);
    expect(new Set(orders.body.items.map((o: { external_ref: string }) => o.external_ref)).size).toBe(100);
    expect(await total(`${stack.payment.url}/api/v1/payments?limit=1`)).toBe(before.payments + 1970);
    expect(await total(`${stack.notification.url}/api/v1/notifications?limit=1`)).toBe(before.notifications + 1970);
  }, 180_000);

  test("the same file with the same Idempotency-Key returns the first import; without it, every order is a duplicate", async () => {
    const again = await upload(sample.bytes, { key: "upload-2000" });
    expect(again).toMatchObject({ status: 202, replayed: "true", body: { id: importId } });
    const fresh = await upload(sample.bytes);
    const done = await finishedImport(fresh.body.id);
    // every row of the 1,970 imported orders is now a duplicate, plus the 30 bad rows as before
    expect(done).toMatchObject({ valid_orders: 0, succeeded: 0, error_rows: sample.rows - 30 });
    const errorsCsv = await (await fetch(`${stack.order.url}/api/v1/imports/${fresh.body.id}/errors`)).text();
    expect(errorsCsv.split("already imported").length - 1).toBe(sample.rows - 60);
    expect((await stack.call("GET", "/api/v1/orders?limit=1")).body.total).toBe(1970);
  }, 60_000);
});

describe("the import API", () => {
  test("dry_run validates and waits; confirm starts it; a second confirm is a 409; progress streams as Server-Sent Events; who uploaded and who started it are kept", async () => {
    const sample = sampleCsv({ orders: 40, bad: 0, encoding: "utf8", bom: true, prefix: "DRY" });
    const validated = await upload(sample.bytes, { dryRun: true, multipart: false, operator: "倉庫 一郎" });
    expect(validated.body).toMatchObject({ status: "VALIDATED", encoding: "UTF-8 (BOM)", valid_orders: 40, processed: 0, uploaded_by: "倉庫 一郎", started_by: null });
    expect((await stack.call("GET", "/api/v1/orders?limit=100")).body.items.some((o: { external_ref: string }) => o.external_ref?.startsWith("DRY"))).toBe(false);
    const reader = (await fetch(`${stack.order.url}/api/v1/imports/${validated.body.id}/events`)).body!.getReader();
    let stream = new TextDecoder().decode((await reader.read()).value); // the first event, before the confirm
    expect((await stack.call("POST", `/api/v1/imports/${validated.body.id}/confirm`, undefined, named("店長 花子"))).status).toBe(202);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) stream += new TextDecoder().decode(chunk.value);
    const progress = [...stream.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]!));
    expect(progress.at(0).status).toBe("VALIDATED");
    expect(progress.at(-1)).toMatchObject({ status: "COMPLETED", succeeded: 40, payments_completed: 40, uploaded_by: "倉庫 一郎", started_by: "店長 花子" });
    expect((await stack.call("POST", `/api/v1/imports/${validated.body.id}/confirm`, undefined, named("別の 人"))).status).toBe(409);
    expect(await importOf(validated.body.id)).toMatchObject({ uploaded_by: "倉庫 一郎", started_by: "店長 花子" }); // a refused confirm changes nothing

    const direct = await upload(sampleCsv({ orders: 2, bad: 0, encoding: "utf8", prefix: "BYNAME" }).bytes, { operator: "倉庫 一郎" });
    expect(direct.body).toMatchObject({ status: "PROCESSING", uploaded_by: "倉庫 一郎", started_by: "倉庫 一郎" });
  }, 60_000);

  test("a file over the size limit is a 413; a file without the header a 400; a missing column is named", async () => {
    const big = new Uint8Array(2_100_000).fill(65);
    expect((await upload(big)).status).toBe(413);
    const headless = await upload(new TextEncoder().encode("A,山田,a@example.jp,,抹茶,1,1000\n"));
    expect(headless).toMatchObject({ status: 400, body: { code: "MALFORMED_CSV" } });
    const missing = await upload(new TextEncoder().encode("order_ref,customer_name,customer_email,product_name,quantity\n"));
    expect(missing.body.detail).toContain("missing columns: unit_price");
    expect((await stack.call("GET", "/api/v1/imports?limit=5")).status).toBe(200);
  });
});

describe("an order service killed with SIGKILL in the middle of an import", () => {
  test("resumes after restart: no row lost or doubled, every order paid once and confirmed once", async () => {
    const sample = sampleCsv({ orders: 3000, bad: 0, encoding: "utf8", prefix: "KILL" });
    const created = await upload(sample.bytes);
    await waitFor("the import under way", async () => (await importOf(created.body.id)).processed > 0, 30_000, 20);
    await stack.order.kill9();
    await stack.order.restart();
    const done = await finishedImport(created.body.id);
    expect(done).toMatchObject({ status: "COMPLETED", succeeded: 3000, payments_completed: 3000, notifications_sent: 3000 });
    expect((await stack.call("GET", `/api/v1/orders?import_id=${created.body.id}&limit=1`)).body.total).toBe(3000);
    const payments = await total(`${stack.payment.url}/api/v1/payments?limit=1`);
    const orders = (await stack.call("GET", "/api/v1/orders?limit=1")).body.total;
    expect(payments).toBe(orders); // one payment per order, none doubled
    const notifications = await total(`${stack.notification.url}/api/v1/notifications?limit=1`);
    expect(notifications).toBe(orders);
  }, 180_000);
});

describe("a large import", () => {
  test("its orders are paid while the rest are still being created, not only once all are", async () => {
    const sample = sampleCsv({ orders: 6000, bad: 0, encoding: "utf8", prefix: "PIPE" });
    const created = await upload(sample.bytes);
    let paidWhileCreating = false;
    const done = await waitFor("the import finished", async () => {
      const current = await importOf(created.body.id);
      if (current.payments_completed > 0 && current.succeeded < current.valid_orders) paidWhileCreating = true;
      return current.status === "COMPLETED" && current;
    }, 120_000, 20);
    expect(done).toMatchObject({ succeeded: 6000, payments_completed: 6000, notifications_sent: 6000 });
    expect(paidWhileCreating).toBe(true);
  }, 180_000);
});

describe("two imports validated before either ran, sharing order_refs", () => {
  test("the second creates only its new orders and reports every row of a raced one; no order_ref is imported twice", async () => {
    const first = await upload(sampleCsv({ orders: 3, bad: 0, encoding: "utf8", prefix: "RACE" }).bytes, { dryRun: true });
    const second = await upload(sampleCsv({ orders: 5, bad: 0, encoding: "utf8", prefix: "RACE" }).bytes, { dryRun: true });
    expect(second.body).toMatchObject({ status: "VALIDATED", valid_orders: 5, error_rows: 0 }); // nothing imported yet
    for (const { body } of [first, second]) expect((await stack.call("POST", `/api/v1/imports/${body.id}/confirm`)).status).toBe(202);
    expect(await finishedImport(first.body.id)).toMatchObject({ status: "COMPLETED", succeeded: 3 });
    // RACE-000000 (two rows: lines 2 and 3), RACE-000001 (line 4) and RACE-000002 (line 5) came first in the other import
    expect(await finishedImport(second.body.id)).toMatchObject({ status: "COMPLETED_WITH_ERRORS", processed: 5, succeeded: 2, failed: 3, error_rows: 4 });
    const lines = (await (await fetch(`${stack.order.url}/api/v1/imports/${second.body.id}/errors`)).text()).replace(/^\uFEFF/, "").trim().split("\r\n").slice(1);
    expect(lines.map((line) => Number(line.split(",")[0]))).toEqual([2, 3, 4, 5]);
    for (const line of lines) expect(line).toContain("was imported by another import meanwhile; it is not imported twice");
    expect((await stack.call("GET", `/api/v1/orders?import_id=${second.body.id}&limit=10`)).body.total).toBe(2);
  }, 60_000);
});

describe("a file saved from Excel by a Japanese shop", () => {
  test("with the tax rate, shipping address and delivery wish columns: each order keeps them, and the shipping list exports them", async () => {
    const csv = [
      "order_ref,customer_name,customer_email,customer_phone,product_name,quantity,unit_price,tax_rate,postal_code,prefecture,address_line1,address_line2,delivery_date,delivery_time",
      "AD-1,小林 翔,sho@example.jp,,有田焼 湯呑み,1,3200,,〒060-0001,,北海道札幌市中央区北1条西1丁目,,,",
      "AD-2,加藤 結衣,yui@example.jp,,煎茶 100g,2,1200,8%,9000001,沖縄,那覇市泉崎1-1-1,泉崎マンション 303,2099/3/3,19-21",
    ].join("\r\n");
    const created = await upload(new TextEncoder().encode(csv));
    expect(created.body).toMatchObject({ valid_orders: 2, error_rows: 0 });
    expect(await finishedImport(created.body.id)).toMatchObject({ status: "COMPLETED", succeeded: 2 });
    const orders = (await stack.call("GET", `/api/v1/orders?import_id=${created.body.id}&limit=10`)).body.items;
    expect(Object.fromEntries(orders.map((o: { external_ref: string; shipping_address: unknown }) => [o.external_ref, o.shipping_address]))).toEqual({
      "AD-1": { postal_code: "060-0001", prefecture: "北海道", address_line1: "札幌市中央区北1条西1丁目", address_line2: null },
      "AD-2": { postal_code: "900-0001", prefecture: "沖縄県", address_line1: "那覇市泉崎1-1-1", address_line2: "泉崎マンション 303" },
    });
    const exported = await (await fetch(`${stack.order.url}/api/v1/orders/export?import_id=${created.body.id}`)).text();
    expect(exported).toContain(",060-0001,北海道,札幌市中央区北1条西1丁目,,,,10\r\n");
    expect(exported).toContain(",900-0001,沖縄県,那覇市泉崎1-1-1,泉崎マンション 303,2099-03-03,19-21,8\r\n");
    expect(orders.find((o: { external_ref: string }) => o.external_ref === "AD-2").tax_by_rate).toEqual([{ rate: 8, amount: 2400, tax: 177 }]);
  }, 60_000);

  test("phone numbers as dialled in Japan (or with the leading 0 lost) are stored in E.164, and the orders are found by the number as dialled", async () => {
    const csv = [
      "order_ref,customer_name,customer_email,customer_phone,product_name,quantity,unit_price",
      "XL-1,高橋 美咲,misaki@example.jp,080-5555-0199,宇治抹茶セット,1,\"3,200\"",
      "XL-2,田中 健太,kenta@example.jp,8055550188,煎茶 100g,２,1200",
    ].join("\r\n");
    const created = await upload(new TextEncoder().encode(csv), { operator: "取込 五郎" });
    expect(created.body).toMatchObject({ valid_orders: 2, error_rows: 0 });
    expect(await finishedImport(created.body.id)).toMatchObject({ status: "COMPLETED", succeeded: 2 });
    const orders = (await stack.call("GET", `/api/v1/orders?import_id=${created.body.id}&limit=10`)).body.items;
    expect(orders.map((o: { external_ref: string; customer_phone: string; total_amount: number }) => [o.external_ref, o.customer_phone, o.total_amount]).sort()).toEqual([
      ["XL-1", "+818055550199", 3200], ["XL-2", "+818055550188", 2400],
    ]);
    expect((await stack.call("GET", "/api/v1/orders?q=080-5555-0188")).body.items.map((o: { external_ref: string }) => o.external_ref)).toEqual(["XL-2"]);
  }, 60_000);
});
