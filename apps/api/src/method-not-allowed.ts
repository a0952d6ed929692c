import type { Express, NextFunction, Request, Response, Router } from 'express';
import { ApiError } from './errors';

/** The parts of Express 5's router stack read here (`router` 2.x layers). */
interface Layer {
  match(path: string): unknown;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

interface RouteMethods {
  layer: Layer;
  methods: string[];
}

/** Every route registered on `app`, through routers mounted at the root (as all of this API's are). */
function routesOf(stack: readonly Layer[]): RouteMethods[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const methods = Object.keys(layer.route.methods)
        .filter((m) => m !== '_all')
        .map((m) => m.toUpperCase());
      // Express answers HEAD with the GET handler
      if (methods.includes('GET')) methods.push('HEAD');
      return [{ layer, methods }];
    }
    return layer.handle?.stack ? routesOf(layer.handle.stack) : [];
  });
}

/** The routes registered on `app` (or a router), by path: their methods, HEAD left out. */
export function registeredRoutes(app: Express | Router): { path: string; methods: string[] }[] {
  const stack = ('router' in app ? app.router : app) as unknown as { stack: Layer[] };
  return routesOf(stack.stack).map((r) => ({
    path: r.layer.route?.path ?? '',
    methods: r.methods.filter((m) => m !== 'HEAD'),
  }));
}

/**
 * 405 with `Allow` for a known path asked with a method none of its routes handles (e.g. `PUT
 * /v1/games`), and `Allow` for OPTIONS. Placed after every route and before the 404, it only sees
 * requests no route took; the methods come from the routes registered on `app` when it is made,
 * so it must be added after them.
 */
export function methodNotAllowed(app: Express) {
  const routes = routesOf((app.router as unknown as { stack: Layer[] }).stack);
  return (req: Request, res: Response, next: NextFunction): void => {
    const allowed = new Set(routes.filter((r) => r.layer.match(req.path)).flatMap((r) => r.methods));
    if (allowed.size === 0 || allowed.has(req.method)) return next();
    const allow = [...allowed].sort().join(', ');
    res.setHeader('allow', allow);
    // the answer each Router gives OPTIONS for its own routes, here for routes on the app itself
    if (req.method === 'OPTIONS') return void res.send(allow);
    next(new ApiError('METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${req.path}; use ${allow}`));
  };
}
