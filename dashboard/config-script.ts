import { registrationNumber } from "../shared/src/invoice.ts";

/**
 * /config.js: where the page finds the services (the *_SERVICE_URL settings), and the shop's name
 * (SHOP_NAME, as the mails give it) and invoice registration number (INVOICE_REGISTRATION_NUMBER)
 * for its packing slips; for serve.ts and the dev server alike. Throws on a registration number
 * that is none, so the dashboard does not start printing it on every slip.
 */
export function configScript(env: Record<string, string | undefined>) {
  const services = {
    order: env.ORDER_SERVICE_URL ?? "http://127.0.0.1:8000",
    payment: env.PAYMENT_SERVICE_URL ?? "http://127.0.0.1:8001",
    notification: env.NOTIFICATION_SERVICE_URL ?? "http://127.0.0.1:8002",
  };
  // the Notification Service's default too (notification/src/env.ts); this file is loaded by Vite under Node, which cannot import it
  const shop = { name: env.SHOP_NAME || "オンラインショップ", registration_number: registrationNumber(env.INVOICE_REGISTRATION_NUMBER) };
  return { services, script: `window.PLATFORM_CONFIG = ${JSON.stringify(services)};\nwindow.PLATFORM_SHOP = ${JSON.stringify(shop)};` };
}
