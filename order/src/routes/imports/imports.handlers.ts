import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { AppEnv } from "@platform/shared/app";
import { ApiError } from "@platform/shared/problem";
import type { OrderDeps } from "../../app";
import type { ImportRow } from "../../db/schema";
import { csvResponse } from "@platform/shared/csv";
import { decode, parseCsv } from "../../imports/csv-file";
import { finished } from "../../imports/import-store";
import { validateRows } from "../../imports/validate-rows";
import type * as routes from "./imports.routes";

/** The uploaded file's bytes and name, from a text/csv body or a multipart field `file`. */
async function readFile(c: Context<AppEnv>, maxBytes: number): Promise<{ bytes: Uint8Array; name: string | null }> {
  const type = c.req.header("content-type") ?? "";
  const raw = new Uint8Array(await c.req.arrayBuffer());
  let file = { bytes: raw, name: c.req.query("file_name") ?? null };
  if (type.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": type } }).formData().catch(() => undefined);
    const field = form?.get("file");
    if (!field || typeof field === "string") throw new ApiError("MALFORMED_CSV", "Send the CSV in a multipart field named `file`.");
    file = { bytes: new Uint8Array(await field.arrayBuffer()), name: field.name || file.name };
  }
  if (file.bytes.length > maxBytes) throw new ApiError("PAYLOAD_TOO_LARGE", `The file is ${file.bytes.length} bytes; at most ${maxBytes} are taken in one import.`);
  if (!file.bytes.length) throw new ApiError("MALFORMED_CSV", "The file is empty.");
  return file;
}

export function importHandlers({ imports, importer, settings }: OrderDeps) {
  const view = async (row: ImportRow) => ({ ...row, first_errors: await imports.errors(row.id, 20) });

  /** The uploaded file's rows: its bytes and text are garbage once this returns. */
  async function readRecords(c: Context<AppEnv>) {
    const { bytes, name } = await readFile(c, settings.IMPORT_MAX_BYTES);
    c.req.bodyCache = {}; // Hono keeps the body for a second reader; there is none
    const { text, encoding } = decode(bytes);
    return { name, encoding, ...parseCsv(text, settings.IMPORT_MAX_ROWS) };
  }

  /** The uploaded file read and checked: its rows are garbage once this returns. */
  async function checkFile(c: Context<AppEnv>) {
    const { name, encoding, records, broken } = await readRecords(c);
    Bun.gc(true);
    const refs = [...new Set(records.map((r) => r.values.order_ref).filter(Boolean))];
    if (refs.length > settings.IMPORT_MAX_ORDERS) {
      throw new ApiError("VALIDATION_FAILED", `The file has ${refs.length} orders; at most ${settings.IMPORT_MAX_ORDERS} are taken in one import.`);
    }
    const brokenRefs = new Set(broken.flatMap((b) => (b.ref ? [b.ref] : [])));
    const { orders, errors, totalOrders } = validateRows(records, await imports.importedRefs(refs), brokenRefs);
    const rejected = [...broken.map(({ ref: _ref, ...error }) => error), ...errors].sort((a, b) => a.row - b.row);
    return { meta: { file_name: name, encoding, total_rows: records.length + broken.length, total_orders: totalOrders }, orders, rejected };
  }

  // Each step of an upload leaves the one before it as garbage (the body, its text, the parsed rows),
  // which the engine would rather grow the heap for than collect: collected between the steps, the
  // Order Service's peak over a 10 MB dry run fell by about 25 MB, in the same time (bench/README.md).
  const upload: RouteHandler<typeof routes.upload, AppEnv> = async (c) => {
    const { meta, orders, rejected } = await checkFile(c);
    Bun.gc(true);
    const dryRun = c.req.valid("query").dry_run === "true";
    const created = await imports.create({ ...meta, dryRun, operator: c.var.operator }, orders, rejected);
    if (!dryRun) importer.enqueue(created.id);
    c.header("Location", `/api/v1/imports/${created.id}`);
    return c.json(await view(created), 202);
  };

  const confirm: RouteHandler<typeof routes.confirm, AppEnv> = async (c) => {
    const row = await imports.confirm(c.req.valid("param").id, c.var.operator);
    importer.enqueue(row.id);
    return c.json(await view(row), 202);
  };

  const getOne: RouteHandler<typeof routes.getOne, AppEnv> = async (c) => c.json(await view(await imports.get(c.req.valid("param").id)), 200);

  const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => {
    const page = await imports.page(c.req.valid("query"));
    return c.json({ ...page, items: await Promise.all(page.items.map(view)) }, 200);
  };

  const events: RouteHandler<typeof routes.events, AppEnv> = async (c) => {
    const { id } = c.req.valid("param");
    await imports.get(id);
    return streamSSE(c, async (stream) => {
      let last = "";
      let wroteAt = Date.now();
      for (const deadline = Date.now() + 3600_000; Date.now() < deadline && !stream.aborted; ) {
        const current = await view(await imports.get(id));
        const data = JSON.stringify(current);
        if (data !== last) (await stream.writeSSE({ event: "progress", data })), (wroteAt = Date.now());
        // a quiet stream (an import waiting for confirm) still speaks, so no proxy or idle timeout drops it
        else if (Date.now() - wroteAt > 15_000) (await stream.write(": keep-alive\n\n")), (wroteAt = Date.now());
        last = data;
        if (finished(current.status)) return;
        await stream.sleep(250);
      }
    }) as never;
  };

  const errors: RouteHandler<typeof routes.errors, AppEnv> = async (c) => {
    const { id } = c.req.valid("param");
    await imports.get(id);
    return csvResponse(`${id}-errors.csv`, [["row", "column", "message"], ...(await imports.errors(id)).map((e) => [e.row, e.column, e.message])]) as never;
  };

  return { upload, confirm, getOne, list, events, errors };
}
