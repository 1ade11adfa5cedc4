import { createLogger } from "@platform/shared/logger";
import { tempDir } from "@platform/shared/testing/service-process";
import { paymentEnv } from "./env";
import type { PaymentGateway } from "./gateway/gateway";
import { buildPaymentService } from "./service";

/** An in-process Payment Service on a fresh database file, for tests that need no other process. */
export async function testPaymentService(env: Record<string, string> = {}, overrides: { gateway?: PaymentGateway; sweepMs?: number } = {}) {
  const settings = paymentEnv.parse({ DATA_DIR: tempDir("payment-"), ORDER_SERVICE_URL: "http://127.0.0.1:9", ...env });
  const service = await buildPaymentService(settings, createLogger({ service: "payment" }, "silent"), overrides);
  await service.start();
  const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    service.app.request(path, {
      method,
      headers: body === undefined ? headers : { "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
  return { ...service, request };
}
