/**
 * The hostile-input sweep's plan, read from the app's own OpenAPI document so a new route or field
 * is swept without anyone listing it. Pure: building requests needs no app; hostile-sweep.int-spec.ts
 * sends them.
 */

export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  minLength?: number;
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  allOf?: OpenApiSchema[];
}

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: OpenApiSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: OpenApiSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI template, e.g. `/api/kpis/{kpiId}/results/{period}`. */
  path: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: OpenApiSchema }[];
  /** The JSON body's schema, resolved; null for body-less and multipart operations. */
  body: OpenApiSchema | null;
}

/**
 * The value classes that gave a 5xx in the attack of issue 17, one request per class per field.
 * Text goes where the schema takes text (every path parameter is text); numbers where it takes
 * numbers (as a JSON number in bodies, as text in a query). NUL and a lone surrogate travel
 * together: both are text PostgreSQL cannot take, and one request per field keeps the sweep short.
 */
export const HOSTILE_TEXT: readonly { name: string; value: string }[] = [
  { name: 'NUL byte and lone surrogate', value: 'a\u0000b\ud800@demo.go.th' },
  { name: 'impossible date', value: '2026-02-30' },
  { name: 'partial date', value: '2026-10' },
  { name: 'Buddhist-Era month', value: '2569-10' },
  { name: 'far date', value: '9999-12-31' },
  { name: 'exponent text', value: '1e-7' },
];
export const HOSTILE_NUMBER: readonly { name: string; value: number }[] = [{ name: 'exponent number', value: 1e-7 }];

/** The classes for a place whose schema (or sample) says number, boolean or text. */
export function hostileFor(
  sample: unknown,
  schema?: OpenApiSchema,
): readonly { name: string; value: string | number }[] {
  const type = schema?.type ?? typeof sample;
  if (type === 'number' || type === 'integer') return HOSTILE_NUMBER;
  if (type === 'boolean') return [];
  return HOSTILE_TEXT;
}

/** Nested 20,000 deep but 40 kB small: under the body limit, over any parser's stack. */
export const DEEP_JSON = '['.repeat(20_000) + ']'.repeat(20_000);

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

export function resolve(doc: OpenApiDocument, schema: OpenApiSchema): OpenApiSchema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const found = doc.components?.schemas?.[name];
    if (!found) throw new Error(`OpenAPI: ${schema.$ref} not in components`);
    return resolve(doc, found);
  }
  if (schema.allOf?.length === 1) return resolve(doc, schema.allOf[0]);
  return schema;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      // From the template, not `parameters`: an operation whose params are undocumented still has them.
      const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const query = (op.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, required: !!p.required, schema: resolve(doc, p.schema ?? {}) }));
      const json = op.requestBody?.content['application/json']?.schema;
      ops.push({
        method: method as Operation['method'],
        path,
        pathParams,
        query,
        body: json ? resolve(doc, json) : null,
      });
    }
  }
  return ops;
}

/** A plausible value for a schema: its example, default or first enum value, else one of its type. */
export function sampleOf(doc: OpenApiDocument, raw: OpenApiSchema, depth = 0): unknown {
  const schema = resolve(doc, raw);
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return depth > 6 || !schema.items ? [] : [sampleOf(doc, schema.items, depth + 1)];
    case 'string':
      return schema.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'ทดสอบ';
    default:
      if (schema.properties && depth <= 6) {
        return Object.fromEntries(Object.entries(schema.properties).map(([k, s]) => [k, sampleOf(doc, s, depth + 1)]));
      }
      return 'ทดสอบ';
  }
}

/** Dotted paths of every leaf of a sample body (`indicators.0.levels.2`), where hostile values go. */
export function leavesOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return value.length ? value.flatMap((v, i) => leavesOf(v, [...prefix, i])) : [prefix];
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? entries.flatMap(([k, v]) => leavesOf(v, [...prefix, k])) : [prefix];
  }
  return [prefix];
}

/** A copy of `body` with the leaf at `path` replaced. */
export function withLeaf(body: unknown, path: (string | number)[], leaf: unknown): unknown {
  if (!path.length) return leaf;
  const copy = (Array.isArray(body) ? [...body] : { ...(body as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  copy[head] = withLeaf(copy[head], rest, leaf);
  return copy;
}

/**
 * Percent-encoding that, unlike encodeURIComponent, does not throw on a lone surrogate: it sends the
 * surrogate's own three bytes (ED A0 80 for U+D800), as a hostile client would.
 */
export function encodeHostile(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const pairs = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pairs) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(text[i]);
    }
  }
  return out;
}

/** The operation's URL with its path parameters filled in and its query appended, all encoded. */
export function urlOf(op: Operation, values: Record<string, string>, query: Record<string, string>): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeHostile(values[name] ?? 'x'));
  const qs = Object.entries(query)
    .map(([k, v]) => `${encodeHostile(k)}=${encodeHostile(v)}`)
    .join('&');
  return qs ? `${path}?${qs}` : path;
}
