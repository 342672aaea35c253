import { describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { server } from '../test/server';
import { api, ApiError, ifMatch, unwrap } from './api-client';
import { getTokens, setTokens } from './auth';

const ME = {
  id: 1,
  email: 'a@example.com',
  display_name: 'A',
  role: 'citizen',
  is_coordinator: false,
  date_joined: '2026-01-01T00:00:00+09:00',
};

describe('api client', () => {
  it('sends the bearer token and the language', async () => {
    setTokens({ access: 'A1', refresh: 'R1' });
    let seen: Headers | undefined;
    server.use(
      http.get('*/api/v1/auth/me/', ({ request }) => {
        seen = request.headers;
        return HttpResponse.json(ME);
      }),
    );
    expect(unwrap(await api.GET('/api/v1/auth/me/')).email).toBe('a@example.com');
    expect(seen?.get('authorization')).toBe('Bearer A1');
    expect(seen?.get('accept-language')).toBe('ko');
  });

  it('rotates the refresh token once on 401 and replays the request with the same idempotency key', async () => {
    setTokens({ access: 'old', refresh: 'R1' });
    const keys: string[] = [];
    let refreshes = 0;
    server.use(
      http.post('*/api/v1/auth/token/refresh/', async ({ request }) => {
        refreshes += 1;
        expect(await request.json()).toEqual({ refresh: 'R1' });
        return HttpResponse.json({ access: 'new', refresh: 'R2' });
      }),
      http.post('*/api/v1/events/:id/registration/', ({ request }) => {
        keys.push(request.headers.get('idempotency-key') ?? '');
        if (request.headers.get('authorization') !== 'Bearer new') {
          return HttpResponse.json(
            {
              type: 'urn:sehub:problem:token_not_valid',
              title: 'x',
              status: 401,
              detail: 'expired',
              code: 'token_not_valid',
            },
            { status: 401 },
          );
        }
        return HttpResponse.json(
          {
            id: 9,
            event: 1,
            status: 'confirmed',
            status_label: '확정',
            waitlist_position: null,
            queued_at: '',
            confirmed_at: '',
          },
          { status: 201 },
        );
      }),
    );
    const reg = unwrap(
      await api.POST('/api/v1/events/{id}/registration/', { params: { path: { id: '1' } } }),
    );
    expect(reg.status).toBe('confirmed');
    expect(refreshes).toBe(1);
    expect(getTokens()).toEqual({ access: 'new', refresh: 'R2' });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('parallel 401s share one rotation (the old refresh token is single use)', async () => {
    setTokens({ access: 'old', refresh: 'R1' });
    let refreshes = 0;
    server.use(
      http.post('*/api/v1/auth/token/refresh/', async () => {
        refreshes += 1;
        await new Promise((r) => setTimeout(r, 20));
        return HttpResponse.json({ access: 'new', refresh: 'R2' });
      }),
      http.get('*/api/v1/auth/me/', ({ request }) =>
        request.headers.get('authorization') === 'Bearer new'
          ? HttpResponse.json(ME)
          : HttpResponse.json(
              { type: 't', title: 't', status: 401, detail: '', code: 'token_not_valid' },
              { status: 401 },
            ),
      ),
    );
    const results = await Promise.all([api.GET('/api/v1/auth/me/'), api.GET('/api/v1/auth/me/')]);
    expect(results.map((r) => r.response.status)).toEqual([200, 200]);
    expect(refreshes).toBe(1);
  });

  it('signs out when the refresh token is refused', async () => {
    setTokens({ access: 'old', refresh: 'revoked' });
    server.use(
      http.post('*/api/v1/auth/token/refresh/', () =>
        HttpResponse.json(
          { type: 't', title: 't', status: 401, detail: '', code: 'token_not_valid' },
          { status: 401 },
        ),
      ),
      http.get('*/api/v1/auth/me/', () =>
        HttpResponse.json(
          { type: 't', title: 't', status: 401, detail: '', code: 'token_not_valid' },
          { status: 401 },
        ),
      ),
    );
    const r = await api.GET('/api/v1/auth/me/');
    expect(r.response.status).toBe(401);
    expect(getTokens()).toBeNull();
  });

  it('turns a problem document into an ApiError with field errors', async () => {
    server.use(
      http.post('*/api/v1/auth/register/', () =>
        HttpResponse.json(
          {
            type: 'urn:sehub:problem:validation_error',
            title: '잘못된 요청',
            status: 400,
            detail: 'email: 유효한 이메일 주소를 입력하십시오.',
            code: 'validation_error',
            errors: [
              { field: 'email', code: 'invalid', message: '유효한 이메일 주소를 입력하십시오.' },
              { field: null, code: 'x', message: '전체 오류' },
            ],
          },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    const result = await api.POST('/api/v1/auth/register/', {
      body: { email: 'x', password: 'p', display_name: 'd', preferred_language: 'ko' },
    });
    let error: unknown;
    try {
      unwrap(result);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.code).toBe('validation_error');
    expect(e.status).toBe(400);
    expect(e.fieldErrors['email']).toEqual(['유효한 이메일 주소를 입력하십시오.']);
    expect(e.fieldErrors['non_field_errors']).toEqual(['전체 오류']);
  });

  it('gives a problem even when the body is not one (a proxy page)', async () => {
    server.use(
      http.get('*/api/v1/stats/', () => new HttpResponse('<html>bad gateway</html>', { status: 502 })),
    );
    const r = await api.GET('/api/v1/stats/');
    expect(() => unwrap(r)).toThrow(ApiError);
    try {
      unwrap(r);
    } catch (e) {
      expect((e as ApiError).code).toBe('server_error');
    }
  });

  it('sends If-Match on conditional writes', async () => {
    let ifMatchHeader: string | null = null;
    server.use(
      http.patch('*/api/v1/enterprises/:slug/', ({ request }) => {
        ifMatchHeader = request.headers.get('if-match');
        return HttpResponse.json(
          { type: 't', title: 't', status: 412, detail: 'changed', code: 'precondition_failed' },
          { status: 412 },
        );
      }),
    );
    const r = await api.PATCH('/api/v1/enterprises/{slug}/', {
      params: { path: { slug: 'x' } },
      body: { name: 'y' },
      headers: ifMatch('"v1"'),
    });
    expect(ifMatchHeader).toBe('"v1"');
    expect(() => unwrap(r)).toThrow(/changed/);
  });
});
