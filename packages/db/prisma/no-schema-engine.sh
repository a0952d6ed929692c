#!/bin/sh
echo "schema engine is not available here; migrations are applied by pnpm db:migrate" >&2
exit 1
