import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One column that the Prisma schema expects, in database terms. */
export interface ExpectedColumn {
  table: string;
  column: string;
  /** PostgreSQL `udt_name` (int4, text, float8, bool, jsonb, bytea, timestamptz, date, uuid, bpchar, varchar, _text, or an enum name). */
  udt: string;
  nullable: boolean;
}

const SCALARS: Record<string, string> = {
  String: 'text',
  Int: 'int4',
  BigInt: 'int8',
  Float: 'float8',
  Boolean: 'bool',
  Json: 'jsonb',
  Bytes: 'bytea',
  DateTime: 'timestamp',
  Decimal: 'numeric',
};
const DB_TYPES: Record<string, string> = {
  Date: 'date',
  Timestamptz: 'timestamptz',
  Uuid: 'uuid',
  Char: 'bpchar',
  VarChar: 'varchar',
};

/** Reads schema.prisma into the columns it implies (scalar and enum fields; relations skipped). */
export function expectedColumns(
  schemaPath = path.resolve(__dirname, '..', 'prisma', 'schema.prisma'),
): ExpectedColumn[] {
  const text = readFileSync(schemaPath, 'utf8').replace(/\/\/.*$/gm, '');
  const enums = new Set([...text.matchAll(/^enum\s+(\w+)/gm)].flatMap((m) => (m[1] === undefined ? [] : [m[1]])));
  const models = [...text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)].map(([, name = '', body = '']) => ({
    name,
    body,
  }));
  const modelNames = new Set(models.map((m) => m.name));
  const out: ExpectedColumn[] = [];
  for (const { name, body } of models) {
    const table = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? name;
    for (const line of body.split('\n').map((l) => l.trim())) {
      const m = /^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!m || line.startsWith('@@')) continue;
      // the groups without ? always take part in a match
      const [, field = '', type = '', list, optional, attrs = ''] = m;
      if (modelNames.has(type)) continue; // relation field
      const column = /@map\("([^"]+)"\)/.exec(attrs)?.[1] ?? field;
      const dbType = /@db\.(\w+)/.exec(attrs)?.[1];
      let udt = enums.has(type) ? type : (dbType && DB_TYPES[dbType]) || SCALARS[type];
      if (!udt) throw new Error(`schema-model: unknown type ${type} of ${name}.${field}`);
      if (list) udt = `_${udt}`;
      out.push({ table, column, udt, nullable: Boolean(optional) || Boolean(list) });
    }
  }
  return out;
}
