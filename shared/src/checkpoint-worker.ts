// The worker thread of checkpointer.ts: its own connection to the database file, checkpointing the WAL.
import { Database } from "bun:sqlite";

declare const self: Worker;

let db: Database | undefined;
let timer: ReturnType<typeof setInterval> | undefined;

self.onmessage = (event: MessageEvent<{ path: string; everyMs: number } | "stop">) => {
  if (event.data === "stop") {
    clearInterval(timer);
    db?.close();
    process.exit(0);
  }
  const { path, everyMs } = event.data;
  db = new Database(path);
  db.run("PRAGMA busy_timeout = 5000");
  const checkpoint = db.query("PRAGMA wal_checkpoint(PASSIVE)");
  timer = setInterval(() => {
    try {
      checkpoint.get();
    } catch (error) {
      console.error(`checkpoint of ${path} failed: ${(error as Error).message}`);
    }
  }, everyMs);
};
