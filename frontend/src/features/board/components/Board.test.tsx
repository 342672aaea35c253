import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../../test/server';
import { renderAt } from '../../../test/render';
import { CollaborationNetwork } from './CollaborationNetwork';
import { PostPage } from './PostPage';

const WECAN = { id: 1, slug: 'wecan-cookie', name: '위캔쿠키', name_en: 'WeCan Cookie' };
const JIHYE = { id: 2, slug: 'jihye-gongyu-coop', name: '지혜공유협동조합', name_en: '' };

describe('CollaborationNetwork', () => {
  it('draws a line per pair and lists the pairs', async () => {
    server.use(
      http.get('*/api/v1/collaborations/network/', () =>
        HttpResponse.json({
          nodes: [
            { ...WECAN, collaborations: 2 },
            { ...JIHYE, collaborations: 2 },
          ],
          edges: [{ source: 1, target: 2, weight: 2 }],
        }),
      ),
    );
    renderAt('/', '/', <CollaborationNetwork />);
    expect(await screen.findByRole('img', { name: '함께 일한 조직들' })).toBeInTheDocument();
    expect(document.querySelectorAll('svg line')).toHaveLength(1);
    expect(screen.getByRole('link', { name: '지혜공유협동조합' })).toHaveAttribute(
      'href',
      '/enterprises/jihye-gongyu-coop',
    );
  });
});

describe('PostPage', () => {
  it('shows the sanitised body, the interested organisations and a removed comment as a placeholder', async () => {
    server.use(
      http.get('*/api/v1/posts/41/', () =>
        HttpResponse.json({
          id: 41,
          kind: 'request',
          kind_label: '협업 요청',
          title: '공동 부스 파트너',
          excerpt: '',
          tags: ['한마당'],
          author: { id: 3, display_name: '쿠키공방 대표' },
          enterprise: WECAN,
          status: 'open',
          status_label: '진행 중',
          deadline: null,
          resource: '',
          sector: '',
          pinned: false,
          campaign: null,
          images: [],
          comment_count: 0,
          interest_count: 1,
          edited: false,
          hidden: false,
          url: '/board/41',
          created_at: '2026-11-20T01:00:00Z',
          updated_at: '2026-11-20T01:00:00Z',
          body: '**함께**',
          body_html: '<p><strong>함께</strong></p>',
          hidden_reason: '',
          can_edit: false,
          interests: [
            {
              id: 1,
              enterprise: JIHYE,
              user: { id: 5, display_name: 'B' },
              message: '저희요',
              created_at: '',
            },
          ],
          collaboration: null,
          comments: [
            {
              id: 7,
              post: 41,
              parent: null,
              author: null,
              body: '',
              body_html: '',
              removed: true,
              removed_reason: 'deleted',
              edited: false,
              can_edit: false,
              created_at: '2026-11-20T02:00:00Z',
              replies: [],
            },
          ],
        }),
      ),
      http.get('*/api/v1/posts/41/suggestions/', () => HttpResponse.json({ posts: [], organisations: [] })),
    );
    renderAt('/board/41', '/board/:id', <PostPage />);
    expect(await screen.findByRole('heading', { level: 1, name: '공동 부스 파트너' })).toBeInTheDocument();
    expect(screen.getByText('함께').tagName).toBe('STRONG');
    expect(screen.getByRole('link', { name: '지혜공유협동조합' })).toBeInTheDocument();
    expect(screen.getByText('삭제된 댓글입니다.')).toBeInTheDocument();
  });
});
