import type { Route } from './route';

export type Role = 'full' | 'readOnly' | 'none';

export interface ApiRequest {
  method: string;
  route: Route;
  query: URLSearchParams;
  /** Parsed JSON body (undefined when there was none). */
  body: unknown;
  user: string;
  role: Role;
  /** `https://<host>/AdminService` as the client addressed it. */
  baseUrl: string;
  /** Fault injection: method calls with this name fail with the provider's message. */
  failMethod?: string;
}

export interface ApiResponse {
  status: number;
  /** JSON value, or text for $metadata / $count. */
  body?: unknown;
  contentType?: 'json' | 'xml' | 'text';
}

export const errorBody = (status: number, message: string): { error: { code: string; message: string } } => ({ error: { code: String(status), message } });

export function errorResponse(status: number, message: string): ApiResponse {
  return { status, body: errorBody(status, message) };
}
