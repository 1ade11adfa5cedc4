// `bun run backup [folder]`: a consistent copy of each service's local database, taken while the
// services run (SQLite's VACUUM INTO reads one snapshot, and WAL lets the services write meanwhile),
// into `folder` (by default backups/<JST time>/). The Order Service's is taken first, so the other two
// hold at least what it had asked of them; the lease of the process that ran on each is left out, so
// a restored copy starts at once. To restore: stop the services, put the files in DATA_DIR (removing
// the old ones and their -wal and -shm files), start them. A service on a libSQL server is backed up
// on the server.
import { Database } from "bun:sqlite";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { databaseUrl } from "../shared/src/db";
import { jstDateTime } from "../shared/src/jst-days";

const services = [
  { name: "order", rows: "orders" },
  { name: "payment", rows: "payments" },
  { name: "notification", rows: "notifications" },
] as const;
const dataDir = process.env.DATA_DIR || "./data";
const folder = process.argv[2] ?? join("backups", jstDateTime(new Date().toISOString()).replace(/\D/g, "").replace(/^(\d{8})/, "$1-"));
mkdirSync(folder, { recursive: true });

let failed = false;
for (const { name, rows } of services) {
  const url = databaseUrl({ DATA_DIR: dataDir, DATABASE_URL: process.env[`${name.toUpperCase()}_DATABASE_URL`] }, name);
  const source = url.startsWith("file:") ? url.slice("file:".length).split("?")[0]! : undefined;
  const where = (path: string) => (relative(process.cwd(), path).startsWith("..") ? resolve(path) : relative(process.cwd(), path));
  if (!source) {
    console.log(`${name.padEnd(12)} on a libSQL server (${url.split("?")[0]}): back it up on the server`);
    continue;
  }
  if (!existsSync(source)) {
    console.log(`${name.padEnd(12)} no database at ${where(source)} yet: nothing to copy`);
    continue;
  }
  const target = join(folder, `${name}.db`);
  try {
    const db = new Database(source, { readonly: true });
    db.run("PRAGMA busy_timeout = 5000");
    db.query("VACUUM INTO ?").run(target);
    db.close();
    const copy = new Database(target);
    if (copy.query("SELECT 1 FROM sqlite_master WHERE name = 'service_lease'").get()) copy.run("DELETE FROM service_lease");
    const check = (copy.query("PRAGMA integrity_check").get() as { integrity_check: string }).integrity_check;
    const count = (copy.query(`SELECT count(*) AS n FROM ${rows}`).get() as { n: number }).n;
    copy.close();
    if (check !== "ok") throw new Error(`the copy fails SQLite's integrity check: ${check}`);
    const size = (statSync(target).size / 1_048_576).toFixed(1);
    console.log(`${name.padEnd(12)} ${where(source)} → ${where(target)}  ${size} MB, ${count.toLocaleString("en")} ${rows}`);
  } catch (error) {
    failed = true;
    console.log(`${name.padEnd(12)} could not be copied: ${(error as Error).message}`);
  }
}
process.exit(failed ? 1 : 0);
