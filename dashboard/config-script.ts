/** /config.js: where the page finds the services (the *_SERVICE_URL settings), for serve.ts and the dev server alike. */
export function configScript(env: Record<string, string | undefined>) {
  const services = {
    order: env.ORDER_SERVICE_URL ?? "http://127.0.0.1:8000",
    payment: env.PAYMENT_SERVICE_URL ?? "http://127.0.0.1:8001",
    notification: env.NOTIFICATION_SERVICE_URL ?? "http://127.0.0.1:8002",
  };
  return { services, script: `window.PLATFORM_CONFIG = ${JSON.stringify(services)};` };
}
