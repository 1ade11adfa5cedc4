import { dirname, join } from "node:path";
import { Scalar } from "@scalar/hono-api-reference";
import type { App } from "./app";

// Scalar's page loads its script from a CDN by default, which leaves /docs blank on a network without
// internet access; the same single-file bundle is served from the installed package instead.
const bundlePath = join(dirname(Bun.resolveSync("@scalar/api-reference", import.meta.dir)), "browser/standalone.js");
const bundleUrl = "/docs/scalar.js";

/** GET /docs, the Scalar reference of /openapi.json, working offline. */
export function mountDocs(app: App, service: string) {
  app.get("/docs", Scalar({
    url: "/openapi.json", pageTitle: `${service} service API`, cdn: bundleUrl,
    // the parts that call Scalar's own cloud (its AI agent, SDK generation, fonts, telemetry) are left out
    agent: { disabled: true }, showDeveloperTools: "never", withDefaultFonts: false, telemetry: false,
  }));
  app.get(bundleUrl, () => new Response(Bun.file(bundlePath), {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=86400" },
  }));
}
