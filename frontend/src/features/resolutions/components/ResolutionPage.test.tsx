import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../../test/server';
import { renderAt } from '../../../test/render';
import { setTokens } from '../../../lib/auth';
import { ResolutionPage } from './ResolutionPage';

const meeting = { id: 1, title: '분과별 회의', held_at: '2015-05-27T05:00:00Z' };

function resolution(over: Record<string, unknown> = {}) {
  return {
    id: 7,
    meeting,
    title: '한마당 상설화',
    description: '분기마다 연다.',
    proposer: '분과 2',
    responsible_enterprises: [{ id: 3, slug: 'wecan-cookie', name: '위캔센터', name_en: 'WeCAN' }],
    responsible_body: '고양시 일자리창출과',
    responsible_person: null,
    due_date: '2016-12-31',
    tags: ['한마당'],
    status: 'in_progress',
    status_label: '진행 중',
    status_reason: '',
    status_changed_at: null,
    done_on: null,
    is_overdue: true,
    carried_over_from: 2,
    parent: null,
    children_count: 2,
    children_done: 1,
    progress: 50,
    update_count: 0,
    last_update_at: null,
    is_following: false,
    created_at: '',
    updated_at: '',
    children: [],
    links: [{ id: 1, kind: 'event', kind_label: '행사', target_id: 12, title: '한마당', path: '/events/12' }],
    carried_over_chain: [
      { id: 2, title: '한마당 검토', status: 'dropped', status_label: '중단', due_date: null, meeting },
    ],
    chain_length: 2,
    carried_over_to: [],
    can_write: true,
    ...over,
  };
}

const me = {
  id: 1,
  email: 'a@b.c',
  display_name: 'A',
  role: 'citizen',
  is_coordinator: false,
  date_joined: '',
};

describe('ResolutionPage', () => {
  it('shows owners, chain and links, follows, and posts a written update that moves the status', async () => {
    setTokens({ access: 'A', refresh: 'R' });
    let following = false;
    const posted: unknown[] = [];
    server.use(
      http.get('*/api/v1/resolutions/7/', () => HttpResponse.json(resolution({ is_following: following }))),
      http.get('*/api/v1/resolutions/7/updates/', () =>
        HttpResponse.json({ count: 0, next: null, previous: null, results: [] }),
      ),
      http.post('*/api/v1/resolutions/7/follow/', () => {
        following = true;
        return new HttpResponse(null, { status: 204 });
      }),
      http.post('*/api/v1/resolutions/7/updates/', async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json({}, { status: 201 });
      }),
      http.get('*/api/v1/resolutions/link-kinds/', () =>
        HttpResponse.json([{ key: 'event', label: '행사' }]),
      ),
      http.get('*/api/v1/auth/me/', () => HttpResponse.json(me)),
    );
    renderAt('/resolutions/7', '/resolutions/:id', <ResolutionPage />);
    expect(await screen.findByRole('heading', { level: 1, name: '한마당 상설화' })).toBeInTheDocument();
    expect(screen.getByText('기한 지남', { selector: '.badge' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '위캔센터' })).toHaveAttribute(
      'href',
      '/enterprises/wecan-cookie',
    );
    expect(screen.getByText('이 사안을 다룬 회의: 2번')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '한마당' })).toHaveAttribute('href', '/events/12');
    // The responsible party writes updates and links; editing the resolution is the coordinators'.
    expect(screen.queryByRole('link', { name: '이 결의 고치기' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: '팔로우' }));
    expect(await screen.findByRole('button', { name: '팔로우 해제' })).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('내용 (Markdown)'), '완료했습니다.');
    await userEvent.selectOptions(screen.getByLabelText('상태 변경'), 'done');
    await userEvent.click(screen.getByRole('button', { name: '올리기' }));
    expect(await screen.findByText('서면 경과를 올렸습니다.')).toBeInTheDocument();
    expect(posted[0]).toMatchObject({ body: '완료했습니다.', status: 'done' });
  }, 30_000);

  it('offers no update form to those who may not write', async () => {
    server.use(
      http.get('*/api/v1/resolutions/7/', () => HttpResponse.json(resolution({ can_write: false }))),
      http.get('*/api/v1/resolutions/7/updates/', () =>
        HttpResponse.json({ count: 0, next: null, previous: null, results: [] }),
      ),
    );
    renderAt('/resolutions/7', '/resolutions/:id', <ResolutionPage />);
    expect(await screen.findByRole('link', { name: '로그인하고 팔로우하기' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '올리기' })).toBeNull();
  });
});
