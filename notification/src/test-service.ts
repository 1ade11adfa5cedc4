import { createLogger } from "@platform/shared/logger";
import { requester } from "@platform/shared/testing/in-process";
import { tempDir } from "@platform/shared/testing/service-process";
import { notificationEnv } from "./env";
import { buildNotificationService } from "./service";

/** An in-process Notification Service on a fresh data directory, for tests that need no other process. */
export async function testNotificationService(env: Record<string, string> = {}) {
  const settings = notificationEnv.parse({ DATA_DIR: tempDir("notification-"), ...env });
  const service = await buildNotificationService(settings, createLogger({ service: "notification" }, "silent"));
  await service.start();
  return { ...service, settings, request: requester(service.app) };
}
