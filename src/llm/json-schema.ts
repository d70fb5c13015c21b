/**
 * zod schema → OpenAI `response_format`. Uses openai's own helper (works with zod 4) for strict
 * structured outputs; schemas it cannot express strictly (optional fields, transforms, defaults)
 * fall back to zod 4's `z.toJSONSchema` with `strict: false`.
 */
import { z } from 'zod';
import { zodResponseFormat } from 'openai/helpers/zod';

export interface JsonSchemaFormat {
  type: 'json_schema';
  json_schema: { name: string; strict: boolean; schema: Record<string, unknown> };
}

/** OpenAI requires names matching ^[a-zA-Z0-9_-]{1,64}$. */
export function safeSchemaName(name: string): string {
  return name.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64) || 'output';
}

export function toJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete js.$schema;
  return js;
}

export function responseFormatFor(schema: z.ZodType, name: string): JsonSchemaFormat {
  const safe = safeSchemaName(name);
  try {
    const f = zodResponseFormat(schema, safe);
    return {
      type: 'json_schema',
      json_schema: {
        name: safe,
        strict: f.json_schema.strict ?? true,
        schema: (f.json_schema.schema ?? {}) as Record<string, unknown>,
      },
    };
  } catch {
    return { type: 'json_schema', json_schema: { name: safe, strict: false, schema: toJsonSchema(schema) } };
  }
}
