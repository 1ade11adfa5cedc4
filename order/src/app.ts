import { createApp } from "@platform/shared/app";
import { outboxStatuses } from "@platform/shared/outbox/outbox.schema";
import { idempotent } from "@platform/shared/idempotency/idempotency.middleware";
import type { Logger } from "@platform/shared/logger";
import type { OutboxRelay } from "@platform/shared/outbox/outbox-relay";
import { outboxRouter } from "@platform/shared/outbox/outbox.router";
import { sql } from "drizzle-orm";
import type { OrderDb } from "./db/client";
import { orderStatuses } from "./domain/order-status";
import type { OrderSettings } from "./env";
import type { OrderActions } from "./flow/order-actions";
import { ordersRouter } from "./routes/orders/orders.index";
import { shipmentsRouter } from "./routes/shipments/shipments.index";
import { webhooksRouter } from "./routes/webhooks/webhooks.index";
import type { OrderStore } from "./store/order-store";
import type { ImportStore } from "./imports/import-store";
import type { Importer } from "./imports/importer";
import { importsRouter } from "./routes/imports/imports.index";
import { notesRouter } from "./routes/notes/notes.index";
import { customersRouter } from "./routes/customers/customers.index";
import type { NoteStore } from "./store/note-store";
import type { OrderReturns } from "./flow/order-returns";
import { returnsRouter } from "./routes/returns/returns.index";

export type OrderDeps = {
  db: OrderDb;
  store: OrderStore;
  actions: OrderActions;
  relay: OutboxRelay;
  logger: Logger;
  settings: OrderSettings;
  webhookSecret: string;
  imports: ImportStore;
  importer: Importer;
  notes: NoteStore;
  returns: OrderReturns;
};

export const VERSION = "1.0.0";
const WEBHOOKS = "/api/v1/webhooks/";

export function createOrderApp(deps: OrderDeps) {
  const app = createApp({
    service: "order",
    version: VERSION,
    description: "Orders: creation with computed totals, the status machine, cancellation with refund, and the flow that asks the Payment and Notification Services through a durable outbox.",
    logger: deps.logger,
    checks: { db: () => deps.db.run(sql`select 1`) },
    counts: {
      orders: { help: "Orders by status", statuses: orderStatuses, read: () => deps.store.counts() },
      outbox_messages: { help: "Messages to the Payment and Notification Services: PENDING (to deliver), DELIVERED (kept a week), DEAD (given up, to retry by hand)", statuses: outboxStatuses, read: () => deps.relay.counts() },
    },
    settings: deps.settings,
    publicPaths: [WEBHOOKS],
    extraContentTypes: { "/api/v1/imports": ["text/csv", "multipart/form-data"] },
    bodyLimits: { "/api/v1/imports": deps.settings.IMPORT_MAX_BYTES + 64 * 1024 },
  });
  app.use("/api/v1/*", idempotent(deps.db, { exceptPaths: [WEBHOOKS] }));
  app.route("/", ordersRouter(deps));
  app.route("/", shipmentsRouter(deps));
  app.route("/", notesRouter(deps));
  app.route("/", returnsRouter(deps));
  app.route("/", customersRouter(deps));
  app.route("/", webhooksRouter(deps));
  app.route("/", importsRouter(deps));
  app.route("/", outboxRouter(deps.relay));
  return app;
}
