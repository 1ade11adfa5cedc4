import type { Client } from "@libsql/client";
import { CannotRun } from "./cannot-run";
import { isServerUnreachable } from "../db-outage";

/**
 * At start, waits for the service's libSQL server to answer: up to 30 s for one that is not there
 * yet, saying so once; a refusal stops the service at once. `where` names the database.
 */
export async function waitForServer(client: Client, where: string, service: string, waitMs = 30_000) {
  const deadline = Date.now() + waitMs;
  for (let said = false; ;) {
    try {
      await client.execute("select 1");
      return;
    } catch (error) {
      const reason = String((error as Error).message ?? error);
      if (!isServerUnreachable(error)) throw new CannotRun(`${where} refused the connection: ${reason}`);
      if (Date.now() >= deadline) throw new CannotRun(`${where} did not answer for ${Math.round(waitMs / 1000)} s: ${reason}`);
      if (!said) console.error(`${service}: waiting for ${where} (${reason})`);
      said = true;
      await Bun.sleep(500);
    }
  }
}
