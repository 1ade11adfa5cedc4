import { createLogger } from "@platform/shared/logger";
import { serve } from "@platform/shared/serve";
import { loadSettings } from "./env";
import { buildNotificationService } from "./service";
import { TemplateFileError } from "./templates/template-files";

const settings = loadSettings();
const logger = createLogger({ service: "notification" }, settings.LOG_LEVEL);
const service = await buildNotificationService(settings, logger).catch((error) => {
  if (!(error instanceof TemplateFileError)) throw error;
  console.error(`Template error: ${error.message}`);
  process.exit(1);
});
await service.start();
await serve({ fetch: service.app.fetch, port: settings.PORT, host: settings.HOST, logger, onStop: service.stop, urlSetting: "NOTIFICATION_SERVICE_URL", stopWithParent: settings.STOP_WITH_PARENT });
