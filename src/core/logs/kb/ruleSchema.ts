import { z } from 'zod';

/**
 * The JSON form of a knowledge-base signature (kb/rules/*.json). Validated at load;
 * ruleLoader.ts adds the checks zod cannot express (patterns compile, examples hold a keyword).
 */

const regexFlags = z.string().regex(/^[imsu]*$/, 'flags may only use i, m, s, u');
/** Literal strings for the prefilter; matched case-insensitively against the raw record. */
const keywords = z.array(z.string().min(3)).min(1);
const errorCode = z.string().regex(/^(?:0x[0-9A-F]{8}|ccmsetup:\d+|\d{1,5})$/, 'codes are 0x%08X, ccmsetup:<n> or a decimal exit code');

/** A second line a stateful clause looks for (its own keywords feed the same prefilter). */
export const lineMatcherSchema = z
  .object({
    pattern: z.string().min(1),
    flags: regexFlags.optional(),
    keywords,
  })
  .strict();

export const whenSchema = z
  .object({
    /** The current task-sequence step name must match (regex, case-insensitive). */
    step: z.string().min(1).optional(),
    /** Network evidence in this log since the last boot: `absent` = no adapter/IP/name resolution. */
    network: z.enum(['absent', 'present']).optional(),
    /** A line that must come before, anywhere earlier or within N records. */
    after: lineMatcherSchema.extend({ within: z.number().int().positive().optional() }).strict().optional(),
    /** The line repeats `count` times within N records (same `key` group) with no `resetBy` line between. */
    repeat: z
      .object({
        count: z.number().int().min(2),
        within: z.number().int().positive(),
        resetBy: lineMatcherSchema.optional(),
      })
      .strict()
      .optional(),
    /** A line that never follows within N records, or by the end of the log when `within` is absent. */
    notFollowedBy: lineMatcherSchema.extend({ within: z.number().int().positive().optional() }).strict().optional(),
    /** The same `key` group shows up with at least `count` different values of `group`. */
    distinct: z.object({ group: z.string().regex(/^[a-zA-Z]\w*$/), count: z.number().int().min(2) }).strict().optional(),
  })
  .strict()
  .refine((w) => [w.repeat, w.notFollowedBy, w.distinct].filter(Boolean).length <= 1, {
    message: 'use at most one of repeat, notFollowedBy, distinct',
  });

export const remediationTemplateSchema = z
  .object({
    kind: z.enum(['registry', 'powershell', 'text']),
    label: z.string().min(5).max(80),
    /** Text with {{placeholders}} filled from validated values only (see remediation.ts). */
    template: z.string().min(10),
  })
  .strict();

/** How a finding reads once another log of the same scan confirms it. */
export const correlationSchema = z
  .object({
    with: z.string().min(1),
    cause: z.string().min(20).optional(),
    fix: z.string().min(20).optional(),
  })
  .strict();

export const ruleSchema = z
  .object({
    id: z.string().regex(/^[A-Z0-9]+(?:-[A-Z0-9]+)+$/, 'ids are UPPER-CASE-WITH-DASHES'),
    /** Case-insensitive base names or globs (`*` = any run); `.log` globs also match `.lo_` rollovers. */
    files: z.array(z.string().min(1)).min(1),
    pattern: z.string().min(1),
    flags: regexFlags.optional(),
    keywords,
    severity: z.enum(['error', 'warning', 'info']),
    title: z.string().min(5).max(80),
    cause: z.string().min(20),
    fix: z.string().min(20),
    reference: z.string().url(),
    codes: z.array(errorCode).optional(),
    /** The finding's code when the log prints none of its own, e.g. `ccmsetup:$<rc>` from a named group. */
    code: z.string().min(1).optional(),
    /** Report at most once per task-sequence step, per `key` group value, or per log. */
    once: z.enum(['step', 'key', 'log']).optional(),
    /** Report again only after N records without this signature (one failure often prints several lines). */
    onceWithin: z.number().int().positive().optional(),
    when: whenSchema.optional(),
    remediation: z.array(remediationTemplateSchema).optional(),
    correlate: z.array(correlationSchema).optional(),
    /** More general signatures this one replaces when both match the same record. */
    supersedes: z.array(z.string()).optional(),
    /** Signatures allowed to fire on this rule's examples too (intended overlap). */
    overlaps: z.array(z.string()).optional(),
    /** File name the examples are tested against (default: the first `files` entry made concrete). */
    exampleFile: z.string().optional(),
    examples: z.array(z.string().min(1)).min(1),
    counterExamples: z.array(z.string().min(1)).min(1),
  })
  .strict();

export const ruleFileSchema = z
  .object({
    area: z.string().regex(/^[a-z]+$/),
    description: z.string().optional(),
    /**
     * Remediations several rules of the file offer, by name; a rule lists `{ "use": name }`
     * in its `remediation` so one script is written, reviewed and fixed once.
     */
    remediations: z.record(z.string().regex(/^[a-zA-Z]\w*$/), remediationTemplateSchema).optional(),
    rules: z.array(z.unknown()).min(1),
  })
  .strict();

export type LineMatcherSpec = z.infer<typeof lineMatcherSchema>;
export type WhenSpec = z.infer<typeof whenSchema>;
export type RemediationTemplate = z.infer<typeof remediationTemplateSchema>;
export type CorrelationSpec = z.infer<typeof correlationSchema>;
export type RuleSpec = z.infer<typeof ruleSchema>;
