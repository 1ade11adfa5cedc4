import type { Signal } from "@preact/signals";
import { reasonOf } from "../messages";
import { notify } from "./toasts";

const BATCH = 500; // the bulk endpoints' limit per request

/**
 * Sends pasted rows to a bulk endpoint, 500 at a time, and tells the person how many went through
 * (`told(done, refused)`). The results so far are kept in `results` even when a batch fails; the
 * answer is every result, or undefined when a batch failed.
 */
export async function sendInBatches<Row, Result extends { status: number }>(
  rows: Row[], send: (batch: Row[]) => Promise<{ results: Result[] }>,
  state: { busy: Signal<boolean>; results: Signal<Result[]> }, told: (done: number, refused: number) => string,
) {
  state.busy.value = true;
  const results: Result[] = [];
  try {
    for (let i = 0; i < rows.length; i += BATCH) results.push(...(await send(rows.slice(i, i + BATCH))).results);
    const done = results.filter((r) => r.status === 200).length;
    notify(done === results.length ? "success" : "error", told(done, results.length - done));
    return results;
  } catch (error) {
    notify("error", `登録できませんでした：${reasonOf(error)}`);
    return undefined;
  } finally {
    state.results.value = results;
    state.busy.value = false;
  }
}

/** "3 件を発送済みにしました（1 件はできませんでした）。" */
export const doneAndRefused = (what: string) => (done: number, refused: number) => `${done} 件${what}${refused ? `（${refused} 件はできませんでした）` : ""}。`;
