import { Database } from "bun:sqlite";
import { createClient } from "@libsql/client";

/**
 * Fifty common family names, each given to a fiftieth of the seeded orders (2 %, about the share of
 * the commonest, 佐藤, among people in Japan), so that a search by family name finds as many orders
 * as it would in a real shop.
 */
export const familyNames = "佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤 清水 山崎 森 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 斉藤 福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦".split(" ");

/**
 * Writes `count` orders (with one item and one history row each) straight into an Order Service
 * database file, in large transactions, for the read benchmarks. Outbox rows are not written: these
 * orders are history, not work.
 */
export async function seedOrders(dbFile: string, count: number) {
  const db = createClient({ url: `file:${dbFile}` });
  const statuses = ["PAID", "SHIPPED", "DELIVERED", "CANCELLED", "PAID"];
  const ids: string[] = [];
  const batch = 5_000;
  for (let start = 0; start < count; start += batch) {
    const tx = await db.transaction("write");
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const id = `ord_${Bun.randomUUIDv7().replaceAll("-", "")}`;
      const now = new Date().toISOString();
      const status = statuses[i % statuses.length]!;
      const quantity = 1 + (i % 5);
      ids.push(id);
      await tx.execute({
        sql: `insert into orders (id, customer_name, customer_email, status, total_amount, currency, payment_status, refund_requested_at, created_at, updated_at) values (?, ?, ?, ?, ?, 'JPY', ?, ?, ?, ?)`,
        args: [id, `${familyNames[i % familyNames.length]} ${i}`, `c${i}@example.jp`, status, quantity * 1200, status === "CANCELLED" ? "REFUNDED" : "COMPLETED", status === "CANCELLED" ? now : null, now, now],
      });
      await tx.execute({
        sql: `insert into order_items (id, order_id, position, product_name, quantity, unit_price, subtotal) values (?, ?, 0, '煎茶 100g', ?, 1200, ?)`,
        args: [`itm_${Bun.randomUUIDv7().replaceAll("-", "")}`, id, quantity, quantity * 1200],
      });
      await tx.execute({ sql: `insert into order_status_history (order_id, to_status, actor, created_at) values (?, ?, 'seed', ?)`, args: [id, status, now] });
    }
    await tx.commit();
  }
  db.close();
  return ids;
}

/**
 * Writes `count` payments straight into a Payment Service database file, spread evenly over the
 * `days` days before `until`, every 50th refunded in full and every 97th declined (no money taken),
 * for the ledger benchmark.
 */
export function seedPayments(dbFile: string, count: number, until: Date, days = 365) {
  const db = new Database(dbFile);
  const from = until.getTime() - days * 86_400_000;
  const payment = db.prepare("insert into payments (id, order_id, amount, currency, status, refunded_amount, created_at, updated_at, completed_at) values (?, ?, ?, 'JPY', ?, ?, ?, ?, ?)");
  const refund = db.prepare("insert into refunds (id, payment_id, amount, reason, operator, created_at) values (?, ?, ?, '返品', null, ?)");
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const at = new Date(from + Math.floor((i / count) * days * 86_400_000)).toISOString();
      const id = `pay_${Bun.randomUUIDv7().replaceAll("-", "")}`;
      const declined = i % 97 === 0, refunded = !declined && i % 50 === 0;
      const amount = 1200 * (1 + (i % 5));
      payment.run(id, `ord_${Bun.randomUUIDv7().replaceAll("-", "")}`, amount, declined ? "FAILED" : refunded ? "REFUNDED" : "COMPLETED", refunded ? amount : 0, at, at, declined ? null : at);
      if (refunded) refund.run(`rfd_${Bun.randomUUIDv7().replaceAll("-", "")}`, id, amount, at);
    }
  })();
  db.close();
}
