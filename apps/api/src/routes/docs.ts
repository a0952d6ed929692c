import path from 'node:path';
import { Router } from 'express';
import { openApiDocument } from '../openapi';

// Swagger UI, self-hosted from the swagger-ui-dist package: no CDN is reachable from the
// deployment, and the CSP allows only same-origin scripts (so the start-up script is a file too).
const SWAGGER_UI_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));
/** The files of swagger-ui-dist the page uses; nothing else of the package is served. */
const ASSETS: ReadonlySet<string> = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']);

const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>NBA predictions API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/docs/swagger-ui.css">
<link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
</head><body><div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body></html>
`;

// validatorUrl null: Swagger UI would otherwise send the document to an online validator.
const INIT_JS = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, validatorUrl: null });
`;

/** `GET /openapi.json` and the interactive `GET /docs` (Swagger UI). */
export function docsRouter(): Router {
  const router = Router();
  // generated once: the declarations do not change while the process runs
  const document = openApiDocument();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.get('/docs', (_req, res) => {
    res.type('html').send(DOCS_HTML);
  });
  router.get('/docs/init.js', (_req, res) => {
    res.type('application/javascript').send(INIT_JS);
  });
  router.get('/docs/:asset', (req, res, next) => {
    if (!ASSETS.has(req.params.asset)) return next();
    // root: the package lives under node_modules/.pnpm, a dot folder `send` refuses in a full path
    res.sendFile(req.params.asset, { root: SWAGGER_UI_DIR, maxAge: '1h' });
  });
  return router;
}
