import { createLogger } from "@platform/shared/logger";
import { tempDir } from "@platform/shared/testing/service-process";
import { notificationEnv } from "./env";
import { buildNotificationService } from "./service";

/** An in-process Notification Service on a fresh data directory, for tests that need no other process. */
export async function testNotificationService(env: Record<string, string> = {}) {
  const settings = notificationEnv.parse({ DATA_DIR: tempDir("notification-"), ...env });
  const service = await buildNotificationService(settings, createLogger({ service: "notification" }, "silent"));
  await service.start();
  const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    service.app.request(path, {
      method,
      headers: body === undefined ? headers : { "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
  return { ...service, settings, request };
}
