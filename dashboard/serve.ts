// Builds the dashboard and serves dist/ on DASHBOARD_PORT (5173), with /config.js telling the page
// where the services are. Unknown paths get index.html, so a reload on any page works.
import { existsSync } from "node:fs";
import { join, normalize } from "node:path";
import { whenParentExits } from "@platform/shared/parent-watch";
import { listenOrStop } from "@platform/shared/serve";
import { configScript } from "./config-script";

const env = process.env;
const config = (() => {
  try {
    return configScript(env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
})();
const dist = join(import.meta.dir, "dist");
if (!process.env.DASHBOARD_SKIP_BUILD || !existsSync(join(dist, "index.html"))) {
  const build = Bun.spawnSync(["bun", "run", "build"], { cwd: import.meta.dir, stdout: "ignore", stderr: "inherit" });
  if (build.exitCode !== 0) process.exit(build.exitCode ?? 1);
}
const port = Number(env.DASHBOARD_PORT ?? 5173);
const hostname = env.HOST ?? "127.0.0.1";
const server = await listenOrStop(() => Bun.serve({
  port, hostname,
  async fetch(request) {
    const path = normalize(decodeURIComponent(new URL(request.url).pathname));
    if (path === "/config.js") return new Response(config.script, { headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-store" } });
    const file = Bun.file(join(dist, path));
    if (path !== "/" && !path.includes("..") && (await file.exists())) return new Response(file);
    return new Response(Bun.file(join(dist, "index.html")), { headers: { "Content-Type": "text/html; charset=utf-8" } });
  },
}), { port, host: hostname, setting: "DASHBOARD_PORT" });
console.log(JSON.stringify({ time: new Date().toISOString(), level: "info", service: "dashboard", msg: "listening", url: `http://${server.hostname}:${server.port}`, services: config.services }));
process.on("SIGTERM", () => (server.stop(), process.exit(0)));
process.on("SIGINT", () => (server.stop(), process.exit(0)));
if (env.STOP_WITH_PARENT === "true") whenParentExits(() => (server.stop(), process.exit(0)));
