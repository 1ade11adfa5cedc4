import { createLogger } from "@platform/shared/logger";
import { requester } from "@platform/shared/testing/in-process";
import { tempDir } from "@platform/shared/testing/service-process";
import { paymentEnv } from "./env";
import type { PaymentGateway } from "./gateway/gateway";
import { buildPaymentService } from "./service";

/** An in-process Payment Service on a fresh database file, for tests that need no other process. */
export async function testPaymentService(env: Record<string, string> = {}, overrides: { gateway?: PaymentGateway; sweepMs?: number } = {}) {
  const settings = paymentEnv.parse({ DATA_DIR: tempDir("payment-"), ORDER_SERVICE_URL: "http://127.0.0.1:9", ...env });
  const service = await buildPaymentService(settings, createLogger({ service: "payment" }, "silent"), overrides);
  await service.start();
  return { ...service, request: requester(service.app) };
}
