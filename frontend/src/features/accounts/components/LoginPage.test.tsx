import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../../test/server';
import { renderAt } from '../../../test/render';
import { LoginPage, safeNext } from './LoginPage';
import { getTokens } from '../../../lib/auth';

describe('LoginPage', () => {
  it('shows the API error next to its field', async () => {
    server.use(
      http.post('*/api/v1/auth/token/', () =>
        HttpResponse.json(
          {
            type: 'urn:sehub:problem:validation_error',
            title: '잘못된 요청',
            status: 400,
            detail: 'email: 유효한 이메일 주소를 입력하십시오.',
            code: 'validation_error',
            errors: [{ field: 'email', code: 'invalid', message: '유효한 이메일 주소를 입력하십시오.' }],
          },
          { status: 400 },
        ),
      ),
    );
    renderAt('/login', '/login', <LoginPage />);
    await userEvent.type(screen.getByLabelText('이메일'), 'a@b.c');
    await userEvent.type(screen.getByLabelText('비밀번호'), 'secret-secret');
    await userEvent.click(screen.getByRole('button', { name: '로그인' }));
    const email = screen.getByLabelText('이메일');
    expect(await screen.findByText('유효한 이메일 주소를 입력하십시오.')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('유효한 이메일 주소를 입력하십시오.');
    expect(getTokens()).toBeNull();
  });

  it('keeps the token pair after logging in', async () => {
    server.use(
      http.post('*/api/v1/auth/token/', () => HttpResponse.json({ access: 'A', refresh: 'R' })),
      http.get('*/api/v1/auth/me/', () =>
        HttpResponse.json({
          id: 1,
          email: 'a@b.c',
          display_name: 'A',
          preferred_language: 'ko',
          role: 'citizen',
          is_coordinator: false,
          date_joined: '',
        }),
      ),
    );
    renderAt('/login', '/login', <LoginPage />);
    await userEvent.type(screen.getByLabelText('이메일'), 'a@b.c');
    await userEvent.type(screen.getByLabelText('비밀번호'), 'secret-secret');
    await userEvent.click(screen.getByRole('button', { name: '로그인' }));
    await vi.waitFor(() => expect(getTokens()).toEqual({ access: 'A', refresh: 'R' }));
  });

  it('only follows local next= links', () => {
    expect(safeNext('/events/3')).toBe('/events/3');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
