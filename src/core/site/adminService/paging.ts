import { z } from 'zod';
import type { CancellationTokenLike } from '../../util/cancellation';
import { SiteError } from '../errors';
import { lowerCaseKeys } from '../mapping/propertyBag';
import type { RequestPurpose } from './httpErrors';
import { buildQueryString, type ODataQuery } from './odata';
import type { AdminServiceTransport } from './transport';

const envelopeSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextlink': z.string().optional(),
});

export interface RowsPage {
  rows: unknown[];
  nextLink?: string;
}

/** `{ value: [...] }` (the site's list envelope) with an optional `@odata.nextLink`. */
export function parseEnvelope(body: unknown, purpose: RequestPurpose): RowsPage {
  const parsed = envelopeSchema.safeParse(lowerCaseKeys(body));
  if (!parsed.success) {
    throw new SiteError('invalidResponse', `The site answered the request to ${purpose.action} without a list of rows.`, { cause: parsed.error });
  }
  return { rows: parsed.data.value, nextLink: parsed.data['@odata.nextlink'] };
}

/**
 * A keyed read: the wmi route answers with a one-element `value` array; a bare entity is
 * accepted too. No row (or an empty array) is 'notFound'.
 */
export function singleEntity(body: unknown, purpose: RequestPurpose): unknown {
  const bag = lowerCaseKeys(body);
  if (Array.isArray(bag.value)) {
    if (bag.value.length === 0) throw new SiteError('notFound', purpose.notFound ?? `Nothing was found while trying to ${purpose.action}.`);
    return bag.value[0];
  }
  if (body !== null && typeof body === 'object' && Object.keys(bag).some((k) => !k.startsWith('@odata.'))) return body;
  throw new SiteError('invalidResponse', `The site answered the request to ${purpose.action} without an entity.`);
}

export interface PagedRead {
  transport: AdminServiceTransport;
  /** `wmi/SMS_Collection` */
  entitySet: string;
  query: Omit<ODataQuery, 'top' | 'skip'>;
  purpose: RequestPurpose;
  token?: CancellationTokenLike;
}

/**
 * One page: asks for `top + 1` rows (one request) so `hasMore` is exact. If the site caps its
 * pages and sends `@odata.nextLink`, the link is followed, one page at a time, only as far as
 * this page needs.
 */
export async function readPage(read: PagedRead, top: number, skip: number): Promise<{ rows: unknown[]; hasMore: boolean }> {
  const rows: unknown[] = [];
  let path = `${read.entitySet}${buildQueryString({ ...read.query, top: top + 1, skip })}`;
  let nextLink: string | undefined;
  for (;;) {
    const response = await read.transport.request({ method: 'GET', path, purpose: read.purpose, idempotent: true, token: read.token });
    const page = parseEnvelope(response.body, read.purpose);
    rows.push(...page.rows);
    nextLink = page.nextLink;
    if (rows.length > top || !nextLink) break;
    path = read.transport.relativePath(nextLink);
  }
  return { rows: rows.slice(0, top), hasMore: rows.length > top || nextLink !== undefined };
}

/** Every row, read in pages of `pageSize` (one request at a time), for sets that are small by nature. */
export async function readAll(read: PagedRead, pageSize: number, limit = 100_000): Promise<unknown[]> {
  const rows: unknown[] = [];
  for (let skip = 0; ; skip += pageSize) {
    const page = await readPage(read, pageSize, skip);
    rows.push(...page.rows);
    if (!page.hasMore) return rows;
    if (rows.length >= limit) {
      throw new SiteError('invalidResponse', `The site returned more than ${limit} rows while trying to ${read.purpose.action}.`);
    }
  }
}
