import { Router } from 'express';
import { openApiDocument } from '../openapi';
import { DOCS_HTML, DOCS_JS } from './docs-page';

/** `GET /openapi.json` and the interactive `GET /docs`. */
export function docsRouter(): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  router.get('/docs', (_req, res) => {
    res.type('html').send(DOCS_HTML);
  });
  router.get('/docs/app.js', (_req, res) => {
    res.type('application/javascript').send(DOCS_JS);
  });
  return router;
}
