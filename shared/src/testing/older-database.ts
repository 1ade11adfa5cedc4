import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openServiceDb } from "../db";
import { tempDir } from "./service-process";

/**
 * A service database as the release before a migration left it: a fresh file with the migrations
 * up to (not including) `tag` applied, to be filled by the test and then opened by the service's
 * own opener, which applies the rest as an upgrade does.
 */
export async function databaseBefore(service: string, drizzleDir: URL, tag: string) {
  const journal = JSON.parse(readFileSync(new URL("meta/_journal.json", drizzleDir), "utf8"));
  const index = journal.entries.findIndex((entry: { tag: string }) => entry.tag === tag);
  if (index < 0) throw new Error(`no migration ${tag} in ${drizzleDir}`);
  const older = tempDir("migrations-");
  mkdirSync(join(older, "meta"));
  writeFileSync(join(older, "meta/_journal.json"), JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }));
  for (const entry of journal.entries.slice(0, index)) copyFileSync(new URL(`${entry.tag}.sql`, drizzleDir), join(older, `${entry.tag}.sql`));
  const settings = { DATA_DIR: tempDir("upgrade-") };
  // a release before the lease had no table for it
  const { db, close } = await openServiceDb(settings, service, {}, pathToFileURL(older), { lease: false });
  return { settings, db, close };
}
