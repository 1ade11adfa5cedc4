import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { desc, sql } from "drizzle-orm";
import { createLogger } from "@platform/shared/logger";
import { databaseBefore } from "@platform/shared/testing/older-database";
import { tempDir } from "@platform/shared/testing/service-process";
import { openOrderDb, type OrderDb } from "../db/client";
import { orders, orderSearchPending, orderSearchProgress } from "../db/schema";
import { createOrderStore } from "./order-store";
import { filtered } from "./order-filter";
import { createSearchIndexer, indexNarrows } from "./search-index";

// A real database file: the full-text index, its triggers and the indexer as the service runs them.
let db: OrderDb;
let close: () => void;
beforeAll(async () => ({ db, close } = await openOrderDb({ DATA_DIR: tempDir("order-search-") })));
afterAll(() => close());

const logger = createLogger({ service: "order" }, "silent");
const indexAll = () => createSearchIndexer({ db, logger, everyMs: 60_000 }).run();
const pending = async () => (await db.select().from(orderSearchPending)).length;
const indexedUpTo = async (on = db) => (await on.select().from(orderSearchProgress))[0]!.indexed_order_id;
const create = async (customer_name: string, customer_email: string, customer_phone?: string) =>
  (await db.transaction((tx) => createOrderStore(db).insert(tx, { customer_name, customer_email, customer_phone, items: [{ product_name: "抹茶", quantity: 1, unit_price: 1000, tax_rate: 8 }] }))).order.id;
const found = async (q: string) => (await createOrderStore(db).page({ q, skip: 0, limit: 50 })).items.map((order) => order.id).sort();

describe("the search index", () => {
  let taro: string, hanako: string;
  beforeAll(async () => {
    taro = await create("山田 太郎", "Taro.Yamada@example.jp", "+819012345678");
    hanako = await create("佐藤　花子", "hanako@example.jp");
    for (let i = 0; i < 1_200; i++) await create(`顧客 ${i}`, `c${i}@example.com`); // more than two of the indexer's batches
  });

  test("a new order is found at once, before the indexer has written its row", async () => {
    expect(await indexedUpTo()).toBeNull();
    expect(await found("山田太郎")).toEqual([taro]);
    expect(await found("佐藤")).toEqual([hanako]);
  });

  test("the indexer reads every order, and the same searches find the same orders through the index", async () => {
    await indexAll();
    const [newest] = await db.select({ id: orders.id }).from(orders).orderBy(desc(sql`rowid`)).limit(1);
    expect(await indexedUpTo()).toBe(newest!.id);
    expect(await found("山田太郎")).toEqual([taro]);
    expect(await found("taro.yamada")).toEqual([taro]);
    expect(await found("090-1234-5678")).toEqual([taro]);
    expect(await found("@example.jp")).toEqual([hanako, taro].sort());
    expect(await found("顧客 1199")).toHaveLength(1);
    // two characters of a name, through the bigram table: a family or given name alone, or a pair across the space
    expect(await found("太郎")).toEqual([taro]);
    expect(await found("佐藤")).toEqual([hanako]);
    expect(await found("藤花")).toEqual([hanako]);
    expect(await found("花太")).toEqual([]);
    expect((await createOrderStore(db).page({ q: "顧客", skip: 0, limit: 1 })).total).toBe(1_200);
    expect(await found("ta")).toEqual([taro]); // two ASCII characters may be in an e-mail: every order is read
  });

  test("a search of two characters of a name reads the bigram table, not the orders; two ASCII ones read the orders", async () => {
    const planOf = async (q: string) => {
      const { sql: text, params } = db.select().from(orders).where(filtered({ q })).orderBy(desc(orders.id)).limit(20).toSQL();
      return (await db.$client.execute({ sql: `explain query plan ${text}`, args: params as never })).rows.map((row) => String(row.detail));
    };
    for (const q of ["佐藤", "藤 花", "Ｔａ"]) {
      const plan = await planOf(q);
      expect(plan).toContainEqual(expect.stringContaining("VIRTUAL TABLE INDEX"));
      expect(plan).not.toContainEqual(expect.stringMatching(/^SCAN orders/));
    }
    expect(await planOf("ta")).toContainEqual(expect.stringMatching(/^SCAN orders/));
  });

  test("a term in a fifth of the orders or more is found by reading every order, which is then faster; a rarer one through the index", async () => {
    expect(await indexNarrows(db, "顧客")).toBe(false); // in 1,200 of 1,202 names
    expect(await indexNarrows(db, "顧客 1")).toBe(true); // 顧客 1, 10–19, 100–199, 1000–1199: 311
    expect(await indexNarrows(db, "佐藤")).toBe(true);
    expect(await indexNarrows(db, "ta")).toBe(false); // no index serves it
    expect(await indexNarrows(db, undefined)).toBe(false);
    expect((await createOrderStore(db).page({ q: "顧客", skip: 0, limit: 1 })).total).toBe(1_200);
    expect((await createOrderStore(db).page({ q: "顧客 1", skip: 0, limit: 1 })).total).toBe(311);
  });

  test("a search of three characters or more reads the index, not the table, with a status filter too", async () => {
    for (const filter of [{ q: "山田太郎" }, { q: "山田太郎", status: "PENDING" as const }]) {
      const { sql: text, params } = db.select().from(orders).where(filtered(filter)).orderBy(desc(orders.id)).limit(20).toSQL();
      const plan = (await db.$client.execute({ sql: `explain query plan ${text}`, args: params as never })).rows.map((row) => String(row.detail));
      expect(plan).toContainEqual(expect.stringContaining("VIRTUAL TABLE INDEX"));
      expect(plan).not.toContainEqual(expect.stringMatching(/^SCAN orders|orders_status/));
    }
    expect((await createOrderStore(db).page({ q: "山田太郎", status: "PENDING", skip: 0, limit: 20 })).items.map((order) => order.id)).toEqual([taro]);
    expect((await createOrderStore(db).page({ q: "山田太郎", status: "PAID", skip: 0, limit: 20 })).items).toEqual([]);
  });

  test("a corrected contact is found by its new name, and no longer by its old one, before and after indexing", async () => {
    await createOrderStore(db).changeContact(hanako, { customer_name: "鈴木 花子", customer_email: "suzuki@example.org" }, undefined);
    expect(await pending()).toBe(1);
    expect(await found("鈴木花子")).toEqual([hanako]);
    expect(await found("佐藤花子")).toEqual([]);
    expect(await found("鈴木")).toEqual([hanako]);
    expect(await found("佐藤")).toEqual([]);
    await indexAll();
    expect(await found("鈴木")).toEqual([hanako]);
    expect(await found("佐藤")).toEqual([]);
    expect(await found("鈴木花子")).toEqual([hanako]);
    expect(await found("suzuki@")).toEqual([hanako]);
    expect(await found("佐藤花子")).toEqual([]);
    expect(await found("hanako@example")).toEqual([]);
    expect(await pending()).toBe(0);
    // its rows in the index were replaced, not added to
    for (const table of ["order_search", "order_name_bigrams"]) {
      expect(await db.all(sql.raw(`select count(*) as n from ${table} where rowid = (select rowid from orders where id = '${hanako}')`))).toEqual([{ n: 1 }]);
    }
  });

  test("an order corrected before the indexer first reached it is indexed once, whichever batch comes first", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 600; i++) ids.push(await create(`後藤 ${i}`, `goto${i}@example.jp`));
    const last = ids.at(-1)!;
    await createOrderStore(db).changeContact(last, { customer_name: "後藤 最後" }, undefined); // queued, and after the first batch of 500
    await indexAll();
    expect(await found("後藤最後")).toEqual([last]);
    expect((await createOrderStore(db).page({ q: "後藤", skip: 0, limit: 1 })).total).toBe(600);
    expect(await db.all(sql`select count(*) as n from order_search where rowid = (select rowid from orders where id = ${last})`)).toEqual([{ n: 1 }]);
  });

  test("orders renumbered since they were indexed (as a restore from a dump can) are indexed again from the start", async () => {
    const ichiro = await create("森 一郎", "ichiro@example.jp"); // not indexed yet...
    await db.run(sql`update orders set rowid = rowid - 10000000`); // ...and now below the position the index reached
    // until the indexer has written the index again, its rowids name no order: every order is read
    expect(await indexNarrows(db, "山田太郎")).toBe(false);
    expect(await found("山田太郎")).toEqual([taro]);
    expect(await found("森一郎")).toEqual([ichiro]);
    expect(await found("佐藤")).toEqual([]);
    expect(await found("鈴木")).toEqual([hanako]);
    await indexAll();
    expect(await indexNarrows(db, "山田太郎")).toBe(true);
    expect(await indexedUpTo()).toBe(ichiro);
    expect(await found("森一郎")).toEqual([ichiro]);
    expect(await found("山田太郎")).toEqual([taro]);
    expect(await found("顧客 1199")).toHaveLength(1);
  });
});

test("upgrading a database made before the index: its orders are found at once, and indexed by the indexer (migration 0005)", async () => {
  const old = await databaseBefore("order", new URL("../../drizzle/", import.meta.url), "0005_order_search");
  await old.db.run(sql`insert into orders (id, customer_name, customer_email, status, total_amount, currency, created_at, updated_at)
    values ('ord_old', '古川 一郎', 'ichiro@example.jp', 'PAID', 1000, 'JPY', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`);
  old.close();

  const upgraded = await openOrderDb(old.settings);
  try {
    const search = async () => (await createOrderStore(upgraded.db).page({ q: "古川一郎", skip: 0, limit: 20 })).items.map((order) => order.id);
    expect(await indexedUpTo(upgraded.db)).toBeNull();
    expect(await search()).toEqual(["ord_old"]);
    expect((await createOrderStore(upgraded.db).page({ q: "古川", skip: 0, limit: 20 })).items.map((order) => order.id)).toEqual(["ord_old"]);
    await createSearchIndexer({ db: upgraded.db, logger, everyMs: 60_000 }).run();
    expect(await indexedUpTo(upgraded.db)).toBe("ord_old");
    expect(await search()).toEqual(["ord_old"]);
    expect((await createOrderStore(upgraded.db).page({ q: "古川", skip: 0, limit: 20 })).items.map((order) => order.id)).toEqual(["ord_old"]);
  } finally {
    upgraded.close();
  }
});
