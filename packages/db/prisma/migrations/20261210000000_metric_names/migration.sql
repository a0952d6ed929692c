-- One spelling per metric: logLoss. Versions registered before stored `logloss` (and
-- `loglossWithLine`, `marketLogloss`, `linedLogloss`) or `log_loss`; rename them in the JSON of
-- model_versions.metrics ({dataset: {metric: value}}) and in model_metrics.name. Where a version
-- already has the new spelling of a name, that value is kept and the old one dropped.
-- (The column predictions.log_loss is a column name, mapped to logLoss by Prisma; it stays.)

UPDATE "model_versions" AS v
   SET "metrics" = (
         SELECT COALESCE(jsonb_object_agg(d.key, d.value), '{}'::jsonb)
           FROM (SELECT ds.key,
                        CASE WHEN jsonb_typeof(ds.value) = 'object' THEN (
                          SELECT COALESCE(jsonb_object_agg(r.name, r.value ORDER BY r.canonical), '{}'::jsonb)
                            FROM (SELECT replace(regexp_replace(m.key, '^log_?loss', 'logLoss'), 'Logloss', 'LogLoss') AS name,
                                         m.value,
                                         m.key = replace(regexp_replace(m.key, '^log_?loss', 'logLoss'), 'Logloss', 'LogLoss') AS canonical
                                    FROM jsonb_each(ds.value) AS m) AS r)
                        ELSE ds.value END AS value
                   FROM jsonb_each(v."metrics") AS ds) AS d)
 WHERE jsonb_typeof(v."metrics") = 'object'
   AND v."metrics"::text ~ '(log_?loss|Logloss)';

DELETE FROM "model_metrics" AS old
 USING "model_metrics" AS other
 WHERE other."model_version_id" = old."model_version_id"
   AND other."dataset" = old."dataset"
   AND other."id" <> old."id"
   AND replace(regexp_replace(other."name", '^log_?loss', 'logLoss'), 'Logloss', 'LogLoss')
     = replace(regexp_replace(old."name", '^log_?loss', 'logLoss'), 'Logloss', 'LogLoss')
   AND old."name" <> replace(regexp_replace(old."name", '^log_?loss', 'logLoss'), 'Logloss', 'LogLoss')
   AND (other."name" = replace(regexp_replace(other."name", '^log_?loss', 'logLoss'), 'Logloss', 'LogLoss') OR other."id" > old."id");

UPDATE "model_metrics"
   SET "name" = replace(regexp_replace("name", '^log_?loss', 'logLoss'), 'Logloss', 'LogLoss')
 WHERE "name" <> replace(regexp_replace("name", '^log_?loss', 'logLoss'), 'Logloss', 'LogLoss');
