import { z } from '@hono/zod-openapi';
import { isPartialDate } from '../domain/dates.js';
import { EVENT_TYPES, SEVERITIES } from '../extract/types.js';

/** Request shapes, checked on every request; a mismatch is a 400 that names the field. */

const date = z
  .string()
  .refine(isPartialDate, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .openapi({ example: '2025-03' });

/** A whole number written in digits (no 0x10, no 1e1). */
const digits = z.string().regex(/^\d+$/, 'expected a whole number').transform(Number);

export const Page = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const IdParam = z.object({
  id: digits
    .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER))
    .openapi({ param: { name: 'id', in: 'path' }, example: 12 }),
});

export const EventsQuery = Page.extend({
  type: z.enum(EVENT_TYPES as [string, ...string[]]).optional(),
  org: z.string().min(1).optional(),
  since: date.optional(),
  until: date.optional(),
  place: z.string().min(1).optional(),
});

export const EntitiesQuery = Page.extend({
  type: z.enum(['company', 'government', 'association', 'research', 'media', 'other']).optional(),
  region: z.string().min(1).optional(),
  segment: z.string().min(1).optional(),
  people: z.enum(['true', 'false']).optional(),
  q: z.string().min(1).optional(),
});

export const GraphQuery = z.object({
  entity: z.coerce.number().int().positive().optional(),
  depth: z.coerce.number().int().min(1).max(4).default(1),
  segment: z.string().min(1).optional(),
  region: z.string().min(1).optional(),
  since: date.optional(),
});

export const RegionQuery = z.object({ region: z.string().min(1).optional() });
export const RequiredRegionQuery = z.object({ region: z.string().min(1), now: date.optional() });

export const AlertsQuery = Page.extend({
  since: date.optional(),
  severity: z.enum(SEVERITIES as [string, ...string[]]).optional(),
  rule: z.string().min(1).optional(),
});

export const SearchQuery = z.object({
  q: z.string().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const NewWatch = z.object({
  kind: z.enum(['entity', 'segment', 'region']),
  value: z.string().min(1).max(200),
  minSeverity: z.enum(SEVERITIES as [string, ...string[]]).default('medium'),
  note: z.string().max(500).optional(),
});

export const NewDocument = z.object({
  text: z
    .string()
    .min(1)
    .max(20 * 1024 * 1024),
  uri: z.string().min(1).max(2000).optional(),
  title: z.string().max(500).optional(),
  published: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD')
    .optional(),
  format: z.enum(['text', 'html', 'markdown']).default('text'),
});

export const ErrorBody = z.object({
  error: z.string(),
  issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

/** Any JSON: responses are documented by example, their shapes are those of the CLI's --format json. */
export const Json = z.any();
