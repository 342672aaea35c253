import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../../test/server';
import { renderAt } from '../../../test/render';
import { setTokens } from '../../../lib/auth';
import { EventPage } from './EventPage';

function event(over: Record<string, unknown> = {}) {
  return {
    id: 7,
    title: '사업계획서 쓰기',
    description: '실습',
    kind: 'education',
    kind_label: '교육',
    starts_at: '2026-12-05T05:00:00Z',
    ends_at: '2026-12-05T08:00:00Z',
    time_zone: 'Asia/Seoul',
    venue_name: '교육장',
    venue_address: '',
    online_url: '',
    hosts: [],
    organisers: [],
    capacity: 20,
    registration_opens_at: null,
    registration_closes_at: null,
    status: 'scheduled',
    status_label: '예정',
    status_reason: '',
    cover_image: null,
    series: null,
    is_detached: false,
    confirmed_count: 20,
    waitlisted_count: 0,
    seats_left: 0,
    sequence: 0,
    calendar_url: '',
    created_at: '',
    updated_at: '',
    booth_categories: [],
    exhibitors: [],
    my_registration: null,
    ...over,
  };
}

describe('EventPage', () => {
  it('joins the waiting list of a full event and shows the position', async () => {
    setTokens({ access: 'A', refresh: 'R' });
    let registered = false;
    server.use(
      http.get('*/api/v1/events/7/', () =>
        HttpResponse.json(
          registered
            ? event({
                waitlisted_count: 1,
                my_registration: {
                  id: 1,
                  event: 7,
                  status: 'waitlisted',
                  status_label: '대기',
                  waitlist_position: 1,
                  queued_at: '',
                  confirmed_at: null,
                },
              })
            : event(),
        ),
      ),
      http.post('*/api/v1/events/7/registration/', () => {
        registered = true;
        return HttpResponse.json(
          {
            id: 1,
            event: 7,
            status: 'waitlisted',
            status_label: '대기',
            waitlist_position: 1,
            queued_at: '',
            confirmed_at: null,
          },
          { status: 201 },
        );
      }),
      http.get('*/api/v1/events/7/attendees/', () =>
        HttpResponse.json(
          { type: 't', title: 't', status: 403, detail: '', code: 'permission_denied' },
          { status: 403 },
        ),
      ),
      http.get('*/api/v1/calendar/token/', () =>
        HttpResponse.json(
          { type: 't', title: 't', status: 404, detail: '', code: 'not_found' },
          { status: 404 },
        ),
      ),
      http.get('*/api/v1/auth/me/', () =>
        HttpResponse.json({
          id: 1,
          email: 'a@b.c',
          display_name: 'A',
          role: 'citizen',
          is_coordinator: false,
          date_joined: '',
        }),
      ),
    );
    renderAt('/events/7', '/events/:id', <EventPage />);
    expect(await screen.findByRole('heading', { level: 1, name: '사업계획서 쓰기' })).toBeInTheDocument();
    expect(screen.getByText('마감 (대기 가능)')).toBeInTheDocument();
    // 05:00 UTC is 14:00 in Seoul.
    const start = document.querySelector('time[datetime="2026-12-05T05:00:00Z"]');
    expect(start).toHaveTextContent(/2026\. 12\. 5\..*2:00/);
    await userEvent.click(screen.getByRole('button', { name: '대기자로 신청' }));
    expect(await screen.findByText('대기자 명단 1번째입니다.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '참가자 명단' })).toBeNull();
    expect(screen.getByRole('link', { name: '내 캘린더에 추가 (.ics)' })).toHaveAttribute(
      'href',
      '/api/v1/events/7/calendar.ics',
    );
  });

  it('asks anonymous visitors to log in', async () => {
    server.use(
      http.get('*/api/v1/events/7/', () => HttpResponse.json(event({ seats_left: 1, confirmed_count: 19 }))),
    );
    renderAt('/events/7', '/events/:id', <EventPage />);
    expect(await screen.findByRole('link', { name: '로그인하고 참가 신청하기' })).toHaveAttribute(
      'href',
      '/login?next=%2Fevents%2F7',
    );
    expect(screen.getByText('1자리 남음')).toBeInTheDocument();
  });
});
