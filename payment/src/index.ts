import { createLogger } from "@platform/shared/logger";
import { serve } from "@platform/shared/serve";
import { loadSettings } from "./env";
import { buildPaymentService } from "./service";

const settings = loadSettings();
const logger = createLogger({ service: "payment" }, settings.LOG_LEVEL);
if (!settings.WEBHOOK_SECRET) logger.warn("WEBHOOK_SECRET is not set; using the development secret. Set it in production.");
const service = await buildPaymentService(settings, logger);
await service.start();
await serve({ fetch: service.app.fetch, port: settings.PORT, host: settings.HOST, logger, onStop: service.stop, urlSetting: "PAYMENT_SERVICE_URL", stopWithParent: settings.STOP_WITH_PARENT });
