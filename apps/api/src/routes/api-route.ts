import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import { ErrorResponse } from '../schemas/common';
import { parseInput } from '../validate';

/** What an answer carries: a JSON body by its schema, or another media type (`text/plain`). */
export type ResponseContent = z.ZodType | { mediaType: string };

/** One HTTP route of the API as the OpenAPI document shows it and the router serves it. */
export interface ApiRoute<
  Q extends z.ZodObject | undefined = z.ZodObject | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: 'get' | 'post';
  path: string;
  summary: string;
  tag: 'predictions' | 'games' | 'models' | 'operations';
  /** The query string's schema (validated before the handler runs). */
  query?: Q;
  /** The JSON body's schema (validated before the handler runs). */
  body?: B;
  /** Status -> description and content. */
  responses: Readonly<Record<number, readonly [string, ResponseContent]>>;
}

/** The validated inputs a handler receives. */
export interface RouteInput<Q, B> {
  query: Q extends z.ZodObject ? z.output<Q> : undefined;
  body: B extends z.ZodType ? z.output<B> : undefined;
}

/** Declares a route: the one place its method, path, schemas and answers are written. */
export function apiRoute<Q extends z.ZodObject | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  route: ApiRoute<Q, B>,
): ApiRoute<Q, B> {
  return route;
}

/** The answer of a request that failed validation. */
export const BAD_REQUEST = ['Invalid input: every bad field named', ErrorResponse] as const;

/**
 * Serves `route` on `router` with `handler`: the query and body are parsed with the declared
 * schemas first (a 400 naming every bad field). A route is served only through its declaration,
 * so the OpenAPI document (generated from the declarations) lists what is served.
 */
export function serve<Q extends z.ZodObject | undefined, B extends z.ZodType | undefined>(
  router: Router,
  route: ApiRoute<Q, B>,
  handler: (input: RouteInput<Q, B>, req: Request, res: Response) => unknown,
): void {
  const { query, body } = route;
  router[route.method](route.path, (req: Request, res: Response) =>
    handler(
      {
        query: query ? parseInput(query, req.query) : undefined,
        body: body ? parseInput(body, req.body) : undefined,
      } as RouteInput<Q, B>,
      req,
      res,
    ),
  );
}
