import { createHmac, timingSafeEqual } from "node:crypto";
import { freePort } from "./service-process";

export type ReceivedEvent = { id: string; type: string; payment: { id: string; order_id: string; status: string; [key: string]: unknown }; refund?: Record<string, unknown> };

/**
 * A stand-in Order Service that checks each webhook's signature with its own HMAC (not the platform's
 * verify function), answers 200, and can be taken down and brought back on the same port. With
 * `batchRoute` it also takes `{ events }` at /api/v1/webhooks/payment/batch; without it that is a 404.
 */
export function startWebhookReceiver(secret: string, options: { batchRoute?: boolean } = {}) {
  const port = freePort();
  const deliveries: ReceivedEvent[] = [];
  const rejected: string[] = [];
  const posts = { single: 0, batch: 0 };
  const requestIds = new Map<string, string | undefined>();

  const fetch = async (request: Request) => {
    const batch = new URL(request.url).pathname === "/api/v1/webhooks/payment/batch";
    if (batch && !options.batchRoute) return new Response("not found", { status: 404 });
    const raw = await request.text();
    const header = request.headers.get("X-Webhook-Signature") ?? "";
    const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
    const expected = match && createHmac("sha256", secret).update(`${match[1]}.${raw}`).digest();
    if (!match || !expected || !timingSafeEqual(expected, Buffer.from(match[2]!, "hex")) || Math.abs(Date.now() / 1000 - Number(match[1])) > 300) {
      rejected.push(header);
      return new Response("bad signature", { status: 401 });
    }
    const events: (ReceivedEvent & { request_id?: string })[] = batch ? JSON.parse(raw).events : [JSON.parse(raw)];
    for (const { request_id, ...event } of events) {
      deliveries.push(event);
      requestIds.set(event.id, batch ? request_id ?? undefined : request.headers.get("X-Request-Id") ?? undefined);
    }
    posts[batch ? "batch" : "single"]++;
    return new Response(null, { status: 204 });
  };

  let server: ReturnType<typeof Bun.serve> | undefined = Bun.serve({ port, hostname: "127.0.0.1", fetch });
  return {
    url: `http://127.0.0.1:${port}`,
    deliveries,
    rejected,
    /** How many signed POSTs arrived on each route. */
    posts,
    /** Each event's request id: its `request_id` in a batch, the X-Request-Id header of a single POST. */
    requestIds,
    /** Event ids seen, each once: what the receiver acted on after deduplication. */
    uniqueEvents() {
      return new Map(deliveries.map((event) => [event.id, event]));
    },
    /** Stops listening; resolves once the port refuses connections. */
    async down() {
      await server?.stop(true);
      server = undefined;
    },
    up() {
      server ??= Bun.serve({ port, hostname: "127.0.0.1", fetch });
    },
    close() {
      server?.stop(true);
    },
  };
}
