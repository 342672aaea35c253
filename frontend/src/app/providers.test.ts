import { describe, expect, it } from 'vitest';
import { ApiError, toProblem } from '../lib/api-client';
import { retryDelay, shouldRetry } from './providers';

const problem = (status: number, extra: object = {}) =>
  new ApiError({ ...toProblem(null, status), ...extra });

describe('query retries', () => {
  it('never retries a refusal (4xx), retries a server or network error twice', () => {
    expect(shouldRetry(0, problem(404))).toBe(false);
    expect(shouldRetry(0, problem(429))).toBe(false);
    expect(shouldRetry(0, problem(503))).toBe(true);
    expect(shouldRetry(1, new TypeError('Failed to fetch'))).toBe(true);
    expect(shouldRetry(2, problem(500))).toBe(false);
  });

  it('waits as long as a 503 asks (the database restarting), at most 10 s; otherwise 1 s then 2 s', () => {
    expect(retryDelay(0, problem(503, { retry_after: 5 }))).toBe(5000);
    expect(retryDelay(0, problem(503, { retry_after: 600 }))).toBe(10_000);
    expect(retryDelay(0, problem(500))).toBe(1000);
    expect(retryDelay(1, new TypeError('Failed to fetch'))).toBe(2000);
  });
});
