/** The shape of a framework file (`frameworks/<id>.yaml`), checked before anything trusts it. */
import { z } from 'zod';

const text = z.string().trim().min(1);

const ControlSchema = z
  .object({
    id: text,
    title: text,
    section: text.optional(),
    checks: z.array(text).min(1).optional(),
    manual: z.object({ reason: text, audit: text }).strict().optional(),
    providerManaged: z.array(z.enum(['eks', 'gke', 'aks'])).min(1).optional(),
  })
  .strict();

export const FrameworkSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'expected lower-case letters, digits, dots and dashes (e.g. cis-1.12)'),
    title: text,
    version: z.union([text, z.number().transform(String)]),
    url: z.url().optional(),
    description: text,
    controls: z.array(ControlSchema).min(1),
  })
  .strict();
