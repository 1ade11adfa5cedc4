import { createLogger } from "@platform/shared/logger";
import { serve } from "@platform/shared/serve";
import { loadSettings } from "./env";
import { buildOrderService } from "./service";

const settings = loadSettings();
const logger = createLogger({ service: "order" }, settings.LOG_LEVEL);
if (!settings.WEBHOOK_SECRET) logger.warn("WEBHOOK_SECRET is not set; using the development secret. Set it in production.");
const service = await buildOrderService(settings, logger);
await service.start();
await serve({ fetch: service.app.fetch, port: settings.PORT, host: settings.HOST, logger, onStop: service.stop, urlSetting: "ORDER_SERVICE_URL", stopWithParent: settings.STOP_WITH_PARENT });
