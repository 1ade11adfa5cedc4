import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { configScript } from "./config-script.ts";

// the dev server answers /config.js as serve.ts does, from the *_SERVICE_URL settings
const runtimeConfig: Plugin = {
  name: "runtime-config",
  configureServer(server) {
    server.middlewares.use("/config.js", (_request, response) => {
      response.setHeader("Content-Type", "text/javascript; charset=utf-8");
      response.setHeader("Cache-Control", "no-store");
      response.end(configScript(process.env).script);
    });
  },
};

export default defineConfig({
  plugins: [preact(), runtimeConfig],
  server: { port: 5173, strictPort: true },
  build: { outDir: "dist", emptyOutDir: true },
});
