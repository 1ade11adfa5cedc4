// The baseline: a bare Hono app on Bun.serve, one GET and one POST route, no database.
import { Hono } from "hono";

const app = new Hono();
const item = { id: "ord_0193a5b0c7e07a4c9f1e2d3c4b5a6977", status: "PAID", total_amount: 3500 };
app.get("/item", (c) => c.json(item));
app.post("/item", async (c) => c.json({ ...item, ...(await c.req.json()) }, 201));

const server = Bun.serve({ port: Number(process.env.PORT), hostname: "127.0.0.1", fetch: app.fetch });
console.log(`bare hono on ${server.port}`);
