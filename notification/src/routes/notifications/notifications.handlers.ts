import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "@platform/shared/app";
import type { CreateNotification } from "@platform/shared/contracts/notification";
import { E164 } from "@platform/shared/phone";
import { ApiError } from "@platform/shared/problem";
import { z } from "zod";
import type { NotificationDeps } from "../../app";
import { refuseErased, toNotification, type NewNotification } from "../../queue/notification-store";
import * as routes from "./notifications.routes";

const email = z.email();

/** A recipient must fit its channel: an e-mail address for EMAIL, an E.164 number for SMS. */
function checkRecipient(channel: CreateNotification["channel"], recipient: string, path = "") {
  const fits = channel === "EMAIL" ? email.safeParse(recipient).success : E164.test(recipient);
  if (!fits) {
    throw ApiError.validation([{ path: `${path}recipient`, message: channel === "EMAIL" ? "must be an e-mail address for EMAIL" : "must be an E.164 number (+819012345678) for SMS" }]);
  }
}

/** The checks every queued notification passes, single or in a batch; `path` prefixes error paths. */
export function prepare(deps: NotificationDeps, input: CreateNotification, path = ""): NewNotification {
  checkRecipient(input.channel, input.recipient, path);
  return { ...input, rendered: deps.templates.render(input.template, input.channel, input.variables) };
}

export function notificationHandlers(deps: NotificationDeps) {
  const { store, sender } = deps;

  const create: RouteHandler<typeof routes.create, AppEnv> = async (c) => {
    const prepared = prepare(deps, c.req.valid("json"));
    const [row] = await store.enqueue([{ ...prepared, idempotencyKey: c.req.valid("header")["idempotency-key"] }]);
    sender.kick();
    c.header("Location", `/api/v1/notifications/${row!.id}`);
    return c.json(toNotification(row!), 202);
  };

  const getOne: RouteHandler<typeof routes.getOne, AppEnv> = async (c) => c.json(toNotification(await store.get(c.req.valid("param").id)), 200);

  const byOrder: RouteHandler<typeof routes.byOrder, AppEnv> = async (c) =>
    c.json((await store.byOrder(c.req.valid("param").order_id)).map(toNotification), 200);

  const list: RouteHandler<typeof routes.list, AppEnv> = async (c) => c.json(await store.page(c.req.valid("query")), 200);

  const retry: RouteHandler<typeof routes.retry, AppEnv> = async (c) => {
    const row = await store.requeue(c.req.valid("param").id);
    sender.kick();
    return c.json(toNotification(row), 202);
  };

  const resend: RouteHandler<typeof routes.resend, AppEnv> = async (c) => {
    const original = await store.get(c.req.valid("param").id);
    refuseErased(original, "resent");
    const recipient = c.req.valid("json")?.recipient ?? original.recipient;
    checkRecipient(original.channel, recipient);
    const row = await store.resend(original, recipient);
    sender.kick();
    c.header("Location", `/api/v1/notifications/${row.id}`);
    return c.json(toNotification(row), 202);
  };

  const history: RouteHandler<typeof routes.history, AppEnv> = async (c) => {
    const { id } = c.req.valid("param");
    await store.get(id);
    return c.json((await store.history(id)).map(({ id: _id, notification_id: _n, ...attempt }) => attempt), 200);
  };

  const stats: RouteHandler<typeof routes.stats, AppEnv> = async (c) => {
    const counts = await store.counts();
    return c.json({ pending: counts.PENDING ?? 0, sent: counts.SENT ?? 0, failed: counts.FAILED ?? 0 }, 200);
  };

  const batch: RouteHandler<typeof routes.batch, AppEnv> = async (c) => {
    const outcomes = c.req.valid("json").notifications.map((raw) => {
      const parsed = routes.BatchItemSchema.safeParse(raw);
      if (!parsed.success) return { error: ApiError.fromZod(parsed.error) };
      try {
        const { idempotency_key, ...input } = parsed.data;
        return { prepared: { ...prepare(deps, input), idempotencyKey: idempotency_key } };
      } catch (error) {
        if (error instanceof ApiError) return { error };
        throw error;
      }
    });
    const rows = await store.enqueue(outcomes.flatMap((o) => (o.prepared ? [o.prepared] : [])));
    sender.kick();
    // RFC 7240: the caller may not need each rendered text and HTML back (the Order Service does not)
    const minimal = /(^|[\s,;])return=minimal\b/i.test(c.req.valid("header").prefer ?? "");
    if (minimal) c.header("Preference-Applied", "return=minimal");
    let next = 0;
    const results = outcomes.map((o) => {
      if (!o.prepared) return { status: 422 as const, error: { code: o.error!.code, detail: o.error!.detail, errors: o.error!.extensions.errors } };
      const row = rows[next++]!;
      return minimal ? { status: 202 as const, id: row.id } : { status: 202 as const, id: row.id, notification: toNotification(row) };
    });
    return c.json({ results }, 202);
  };

  const erase: RouteHandler<typeof routes.erase, AppEnv> = async (c) => {
    const erased = await store.erase(c.req.valid("json").order_ids);
    c.var.log.info("notifications erased at the customer's request", { erased });
    return c.json({ erased }, 200);
  };

  return { create, getOne, byOrder, list, retry, resend, history, stats, batch, erase };
}
