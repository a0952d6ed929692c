import { z } from 'zod';
import { IsoDate, named, Timestamp } from './common';

const STATUSES = ['staging', 'production', 'archived'] as const;

/** `?status=&name=` of `GET /v1/models`. */
export const ModelsQuery = z
  .object({
    status: z.enum(STATUSES, { error: `must be one of ${STATUSES.join(', ')}` }).optional(),
    name: z
      .string()
      .min(1, 'must not be empty')
      .optional()
      .meta({ description: 'A served model (default: the main one)' }),
  })
  .strict();

/** A registered model version (artifact contents are never returned). */
export const ModelVersionView = named(
  'ModelVersion',
  z.object({
    name: z.string(),
    version: z.string(),
    status: z.enum(STATUSES),
    featureSpec: z.object({ name: z.string(), version: z.string(), features: z.array(z.string()) }),
    params: z.record(z.string(), z.unknown()),
    metrics: z.record(z.string(), z.record(z.string(), z.number())).meta({ description: 'By dataset, then metric' }),
    trainedFrom: IsoDate.nullable(),
    trainedTo: IsoDate.nullable(),
    trainingGames: z.number().int().nullable(),
    gitCommit: z.string().nullable(),
    notes: z.string().nullable(),
    createdBy: z.string(),
    createdAt: Timestamp,
    promotedAt: Timestamp.nullable(),
    archivedAt: Timestamp.nullable(),
    artifacts: z.array(
      z.object({ role: z.string(), format: z.string(), sha256: z.string(), sizeBytes: z.number().int() }),
    ),
  }),
);

/** Response of `GET /v1/models`. */
export const ModelsResponse = named('Models', z.object({ name: z.string(), models: z.array(ModelVersionView) }));

const Serving = z
  .object({ version: z.string(), loadedAt: Timestamp })
  .nullable()
  .meta({ description: 'The version this API instance has loaded (may lag a promotion by a moment)' });

/** Response of `GET /v1/models/production`: the main model's production version and whether this instance serves it, then every served model's. */
export const ProductionResponse = named(
  'ProductionModel',
  z.object({
    model: ModelVersionView,
    serving: Serving,
    models: z
      .array(z.object({ name: z.string(), model: ModelVersionView.nullable(), serving: Serving }))
      .meta({ description: 'Every served model, the main one first' }),
  }),
);
