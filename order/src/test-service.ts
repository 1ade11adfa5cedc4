import { createLogger } from "@platform/shared/logger";
import { requester } from "@platform/shared/testing/in-process";
import { tempDir } from "@platform/shared/testing/service-process";
import { orderEnv } from "./env";
import { buildOrderService } from "./service";

/** An in-process Order Service on a fresh database; the other services are wherever `env` says (by default nowhere). */
export async function testOrderService(env: Record<string, string> = {}) {
  const settings = orderEnv.parse({
    DATA_DIR: tempDir("order-"), PAYMENT_SERVICE_URL: "http://127.0.0.1:9", NOTIFICATION_SERVICE_URL: "http://127.0.0.1:9",
    WEBHOOK_SECRET: "order-test-webhook-secret-0123", ...env,
  });
  const service = await buildOrderService(settings, createLogger({ service: "order" }, "silent"));
  await service.start();
  return { ...service, settings, request: requester(service.app) };
}
