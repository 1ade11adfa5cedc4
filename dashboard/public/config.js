// A placeholder: /config.js (where the services are) is answered by serve.ts and by the dev server's
// plugin (vite.config.ts) from the *_SERVICE_URL settings. It is here so that vite build finds the
// script index.html names and copies it instead of warning about it.
