/**
 * The one API client (openapi-fetch over the generated `paths`). It adds the bearer token, the
 * language, a fresh `Idempotency-Key` per mutation, rotates the refresh token once when the access
 * token has expired (the old refresh token is revoked by the server, so the new pair replaces it),
 * and turns RFC 9457 problem documents into `ApiError`s with their field errors.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '../api/schema';
import { getTokens, setTokens, type TokenPair } from './auth';

export type Problem = components['schemas']['Problem'];
export type Schemas = components['schemas'];

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;
  /** Messages per field name (`email`, `rows[4].기업유형`, `non_field_errors`…). */
  readonly fieldErrors: Record<string, string[]>;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.problem = problem;
    const fields: Record<string, string[]> = {};
    for (const e of problem.errors ?? []) {
      (fields[e.field ?? 'non_field_errors'] ??= []).push(e.message);
    }
    this.fieldErrors = fields;
  }
}

/** Any error body (problem JSON, HTML from a proxy, nothing) as a Problem. */
export function toProblem(body: unknown, status: number): Problem {
  if (body && typeof body === 'object' && 'code' in body && 'status' in body) return body as Problem;
  return {
    type: 'about:blank',
    title: status === 0 ? 'Network error' : `HTTP ${status}`,
    status,
    detail: '',
    code: status >= 500 || status === 0 ? 'server_error' : 'unknown',
  };
}

let language = 'ko';
export function setApiLanguage(lang: string): void {
  language = lang;
}

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  // Fallback for old engines: RFC 4122 version 4 from Math.random.
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = (Math.random() * 16) | 0;
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}

const REFRESH_PATH = '/api/v1/auth/token/refresh/';
let refreshing: Promise<TokenPair | null> | null = null;

/** One rotation at a time: parallel 401s wait for the same new pair. */
export function refreshTokens(): Promise<TokenPair | null> {
  const tokens = getTokens();
  if (!tokens) return Promise.resolve(null);
  refreshing ??= (async () => {
    try {
      const res = await globalThis.fetch(`${baseUrl()}${REFRESH_PATH}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': language },
        body: JSON.stringify({ refresh: tokens.refresh }),
      });
      if (!res.ok) {
        setTokens(null);
        return null;
      }
      const pair = (await res.json()) as TokenPair;
      setTokens(pair);
      return pair;
    } catch {
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

function baseUrl(): string {
  return typeof window !== 'undefined' && window.location ? window.location.origin : 'http://localhost';
}

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const pending = new Map<string, Request>();

const middleware: Middleware = {
  onRequest({ request, id }) {
    request.headers.set('Accept-Language', language);
    const tokens = getTokens();
    if (tokens && !request.url.endsWith(REFRESH_PATH)) {
      request.headers.set('Authorization', `Bearer ${tokens.access}`);
    }
    if (MUTATIONS.has(request.method) && !request.headers.has('Idempotency-Key')) {
      request.headers.set('Idempotency-Key', newIdempotencyKey());
    }
    // Kept to replay once after a token rotation (same Idempotency-Key: the server dedupes).
    if (tokens) pending.set(id, request.clone());
    return request;
  },
  async onResponse({ response, id }) {
    const original = pending.get(id);
    pending.delete(id);
    if (response.status !== 401 || !original || original.url.endsWith(REFRESH_PATH)) return response;
    const pair = await refreshTokens();
    if (!pair) return response;
    const retry = new Request(original);
    retry.headers.set('Authorization', `Bearer ${pair.access}`);
    return globalThis.fetch(retry);
  },
  onError({ id }) {
    pending.delete(id);
  },
};

export const api = createClient<paths>({
  baseUrl: typeof window !== 'undefined' && window.location ? window.location.origin : '',
  // Resolved at call time so tests can replace fetch (MSW) after import.
  fetch: (input: Request) => globalThis.fetch(input),
});
api.use(middleware);

/** Throws an ApiError for a problem answer, returns the data otherwise. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiError(toProblem(result.error, result.response.status));
  }
  return result.data as T;
}

/** The API's messages for one field of a failed request (none when it is not an ApiError). */
export function fieldErrors(error: unknown, field: string): string[] | undefined {
  return error instanceof ApiError ? error.fieldErrors[field] : undefined;
}

/** Headers for a conditional write: `If-Match` with the ETag read with the resource. */
export function ifMatch(etag: string | null | undefined): Record<string, string> {
  return etag ? { 'If-Match': etag } : {};
}

/** Multipart body for upload endpoints. */
export function formData(fields: Record<string, string | Blob | boolean>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, typeof v === 'boolean' ? String(v) : v);
  return fd;
}
