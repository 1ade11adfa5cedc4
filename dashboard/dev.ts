// `bun run dev` serves the dashboard with Vite's dev server (hot reload) on DASHBOARD_PORT (5173), /config.js
// included, and stops as serve.ts does.
import { whenParentExits } from "@platform/shared/parent-watch";
import { createServer } from "vite";

const env = process.env;
const server = await createServer({
  root: import.meta.dir, configFile: `${import.meta.dir}/vite.config.ts`,
  server: { host: env.HOST ?? "127.0.0.1", port: Number(env.DASHBOARD_PORT ?? 5173), strictPort: true },
});
await server.listen();
console.log(JSON.stringify({ time: new Date().toISOString(), level: "info", service: "dashboard", msg: "listening (dev, hot reload)", url: server.resolvedUrls?.local[0] }));
const stop = () => void server.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
if (env.STOP_WITH_PARENT === "true") whenParentExits(stop);
