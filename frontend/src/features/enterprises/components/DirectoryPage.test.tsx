import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../../test/server';
import { renderAt } from '../../../test/render';
import { DirectoryPage } from './DirectoryPage';

const WECAN = {
  id: 1,
  slug: 'wecan-cookie',
  name: '위캔쿠키',
  name_en: 'WeCan Cookie',
  kind: 'social',
  kind_label: '사회적기업',
  district: 'deogyang',
  district_label: '덕양구',
  sector_label: '식품·외식',
  status_label: '운영 중',
  verification_status: 'verified',
  verification_status_label: '확인됨',
  is_verified: true,
  verified_at: null,
  logo: null,
  product_count: 3,
  employees_vulnerable: 40,
  social_mission: '발달장애인의 자립',
  created_at: '',
  updated_at: '',
};

describe('DirectoryPage', () => {
  it('searches as you type and shows the count, cards and badges', async () => {
    const searches: (string | null)[] = [];
    server.use(
      http.get('*/api/v1/enterprises/', ({ request }) => {
        const q = new URL(request.url).searchParams.get('search');
        searches.push(q);
        const results = q === 'ㅇㅋㅋ' ? [WECAN] : [];
        return HttpResponse.json({ count: q ? results.length : 155, next: null, previous: null, results });
      }),
    );
    renderAt('/enterprises', '/enterprises', <DirectoryPage />);
    expect(await screen.findByText('155개 조직')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('검색'), 'ㅇㅋㅋ');
    expect(await screen.findByRole('link', { name: '위캔쿠키' })).toBeInTheDocument();
    expect(screen.getByText('1개 조직')).toBeInTheDocument();
    const card = within(screen.getByRole('listitem'));
    expect(card.getByText('취약계층 고용')).toBeInTheDocument();
    expect(card.getByText('제품 3개')).toBeInTheDocument();
    expect(card.getByText('확인됨')).toBeInTheDocument();
    expect(searches).toContain('ㅇㅋㅋ');
  });

  it('sends the filters and shows the empty state', async () => {
    let url: URL | undefined;
    server.use(
      http.get('*/api/v1/enterprises/', ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({ count: 0, next: null, previous: null, results: [] });
      }),
    );
    renderAt('/enterprises?kind=village&vulnerable=1', '/enterprises', <DirectoryPage />);
    expect(await screen.findByText('조건에 맞는 조직이 없습니다.')).toBeInTheDocument();
    expect(url?.searchParams.get('kind')).toBe('village');
    expect(url?.searchParams.get('employs_vulnerable')).toBe('true');
  });

  it('shows an error with a retry when the API fails', async () => {
    let calls = 0;
    server.use(
      http.get('*/api/v1/enterprises/', () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json(
              { type: 't', title: 't', status: 503, detail: '점검 중', code: 'service_unavailable' },
              { status: 503 },
            )
          : HttpResponse.json({ count: 1, next: null, previous: null, results: [WECAN] });
      }),
    );
    renderAt('/enterprises', '/enterprises', <DirectoryPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('점검 중');
    await userEvent.click(screen.getByRole('button', { name: '다시 시도' }));
    await waitFor(() => expect(screen.getByRole('link', { name: '위캔쿠키' })).toBeInTheDocument());
  });
});
