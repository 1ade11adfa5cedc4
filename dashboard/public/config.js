// Where the services are. serve.ts (bun run start) answers /config.js itself with the *_SERVICE_URL
// settings; this file is what `vite` dev serves, and with it the defaults in src/api/client.ts apply.
