import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../../test/server';
import { renderAt } from '../../../test/render';
import { setTokens } from '../../../lib/auth';
import { EditResolutionPage } from './Forms';
import { personSearch } from '../api/pickers';

const meeting = { id: 1, title: '분과별 회의', held_at: '2015-05-27T05:00:00Z' };
const coordinator = {
  id: 1,
  email: 'c@example.com',
  display_name: 'C',
  role: 'coordinator',
  is_coordinator: true,
  date_joined: '',
};

const resolution = {
  id: 7,
  meeting,
  title: '한마당 상설화',
  description: '분기마다 연다.',
  proposer: '분과 2',
  responsible_enterprises: [{ id: 3, slug: 'wecan-cookie', name: '위캔센터', name_en: 'WeCAN' }],
  responsible_body: '',
  responsible_person: null,
  due_date: '2016-12-31',
  tags: ['한마당'],
  status: 'in_progress',
  status_label: '진행 중',
  status_reason: '',
  status_changed_at: null,
  done_on: null,
  is_overdue: false,
  carried_over_from: 2,
  parent: null,
  children_count: 0,
  children_done: 0,
  progress: 0,
  update_count: 0,
  last_update_at: null,
  is_following: false,
  created_at: '',
  updated_at: '',
  children: [],
  links: [],
  carried_over_chain: [
    { id: 2, title: '한마당 검토', status: 'dropped', status_label: '중단', due_date: null, meeting },
  ],
  chain_length: 2,
  carried_over_to: [],
  can_write: true,
};

describe('editing a resolution', () => {
  it('starts from what is stored, sends only the changes with If-Match, and says so when it went stale', async () => {
    setTokens({ access: 'A', refresh: 'R' });
    const patches: { body: unknown; ifMatch: string | null }[] = [];
    let version = 1;
    server.use(
      http.get('*/api/v1/auth/me/', () => HttpResponse.json(coordinator)),
      http.get('*/api/v1/meetings/', () =>
        HttpResponse.json({ count: 0, next: null, previous: null, results: [] }),
      ),
      http.get('*/api/v1/resolutions/7/', () =>
        HttpResponse.json(resolution, { headers: { ETag: `"v${version}"` } }),
      ),
      http.patch('*/api/v1/resolutions/7/', async ({ request }) => {
        patches.push({ body: await request.json(), ifMatch: request.headers.get('if-match') });
        return HttpResponse.json(
          {
            type: 'about:blank',
            title: 'Precondition failed',
            status: 412,
            detail: '',
            code: 'precondition_failed',
          },
          { status: 412 },
        );
      }),
    );
    renderAt('/resolutions/7/edit', '/resolutions/:id/edit', <EditResolutionPage />);
    const title = await screen.findByLabelText('제목');
    expect(title).toHaveValue('한마당 상설화');
    // The meeting is fixed; the owners and the chain show by name.
    expect(screen.getByText(/결정한 회의는 바꿀 수 없습니다: 분과별 회의/)).toBeInTheDocument();
    expect(screen.getByRole('list', { name: /책임 조직/ })).toHaveTextContent('위캔센터');
    expect(screen.getByRole('combobox', { name: /이어온 결의/ })).toHaveValue('한마당 검토');

    const due = screen.getByLabelText('기한');
    await userEvent.clear(due);
    await userEvent.type(due, '2017-03-31');
    await userEvent.click(screen.getByRole('button', { name: '저장하기' }));
    await waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0]).toEqual({ body: { due_date: '2017-03-31' }, ifMatch: '"v1"' });

    // Someone saved in between: the form says so and loads the stored version again.
    expect(await screen.findByText(/그 사이 다른 사람이 이 내용을 바꿨습니다/)).toBeInTheDocument();
    version = 2;
    await userEvent.click(screen.getByRole('button', { name: '새로 불러오기' }));
    await waitFor(() => expect(screen.getByLabelText('기한')).toHaveValue('2016-12-31'));
    expect(screen.queryByText(/그 사이 다른 사람이/)).toBeNull();
  }, 30_000);
});

/** Members of 위캔쿠키 as GET /enterprises/{slug}/members/ lists them. */
const member = (id: number, user_id: number, display_name: string, role: 'owner' | 'editor') => ({
  id,
  user_id,
  email: `${role}@example.com`,
  display_name,
  role,
  role_label: role === 'owner' ? '소유자' : '편집자',
  created_at: '',
});
const cookieOwner = member(11, 5, '쿠키공방 대표', 'owner');
const cookieEditor = member(12, 6, '편집자', 'editor');

describe('the responsible person', () => {
  it("reads each owner's member list once per picker, however many times the user types", async () => {
    let reads = 0;
    server.use(
      http.get('*/api/v1/enterprises/wecan-cookie/members/', () => {
        reads += 1;
        return HttpResponse.json([cookieOwner, cookieEditor]);
      }),
    );
    const search = personSearch([{ id: 1, label: '위캔쿠키', handle: 'wecan-cookie' }]);
    const signal = new AbortController().signal;
    expect((await search('', signal)).map((p) => p.id)).toEqual([5, 6]);
    expect((await search('쿠키', signal)).map((p) => p.id)).toEqual([5, 6]); // the owner's name matches too
    expect((await search('편집', signal)).map((p) => p.id)).toEqual([6]);
    expect(reads).toBe(1);
  });

  it('is picked among the members of the owner organisations, and only that change is sent', async () => {
    setTokens({ access: 'A', refresh: 'R' });
    const patches: unknown[] = [];
    server.use(
      http.get('*/api/v1/auth/me/', () => HttpResponse.json(coordinator)),
      http.get('*/api/v1/meetings/', () =>
        HttpResponse.json({ count: 0, next: null, previous: null, results: [] }),
      ),
      http.get('*/api/v1/resolutions/7/', () => HttpResponse.json(resolution, { headers: { ETag: '"v1"' } })),
      http.get('*/api/v1/resolutions/2/', () => HttpResponse.json({ ...resolution, id: 2 })),
      http.get('*/api/v1/enterprises/wecan-cookie/members/', () => HttpResponse.json([cookieOwner])),
      http.patch('*/api/v1/resolutions/7/', async ({ request }) => {
        patches.push(await request.json());
        return HttpResponse.json(resolution, { headers: { ETag: '"v2"' } });
      }),
    );
    renderAt('/resolutions/7/edit', '/resolutions/:id/edit', <EditResolutionPage />);
    const box = await screen.findByRole('combobox', { name: '담당자' });
    await userEvent.type(box, '쿠키');
    const option = await screen.findByRole('option', { name: /쿠키공방 대표/ });
    await userEvent.click(option);
    await userEvent.click(screen.getByRole('button', { name: '저장하기' }));
    await waitFor(() => expect(patches).toEqual([{ responsible_person_id: 5 }]));
  });
});
