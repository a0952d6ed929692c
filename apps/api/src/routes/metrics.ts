import { Router } from 'express';
import type { ApiMetrics } from '../metrics';
import { apiRoute, serve } from './api-route';

/** `GET /metrics`. */
export const GET_METRICS = apiRoute({
  method: 'get',
  path: '/metrics',
  summary: 'Prometheus metrics',
  tag: 'operations',
  responses: { 200: ['Text exposition format', { mediaType: 'text/plain' }] },
});

/** `GET /metrics`: the Prometheus text exposition of this instance. */
export function metricsRouter(metrics: ApiMetrics): Router {
  const router = Router();
  serve(router, GET_METRICS, async (_input, _req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.text());
  });
  return router;
}
