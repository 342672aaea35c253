import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderAt } from '../../../test/render';
import { BarChart, formatRate, SummaryTable } from './BarChart';

const lines = [
  {
    key: 1,
    label: '사회적기업 인건비 지원',
    allocated: 336_000_000,
    executed: 120_000_000,
    remaining: 216_000_000,
    execution_rate: 0.3571,
    item_count: 8,
  },
  { key: 2, label: '교육', allocated: 0, executed: 0, remaining: 0, execution_rate: null, item_count: 0 },
];

describe('budget charts and tables', () => {
  it('shows amounts in won with Korean units and execution rates in the table', () => {
    renderAt('/', '/', <SummaryTable lines={lines} caption="사업별" />);
    const table = screen.getByRole('table', { name: '사업별' });
    const row = within(table).getByRole('row', { name: /사회적기업 인건비 지원/ });
    expect(row).toHaveTextContent('3억 3,600만 원');
    expect(row).toHaveTextContent('1억 2,000만 원');
    expect(row).toHaveTextContent('35.7%');
    expect(within(table).getByRole('row', { name: /교육/ })).toHaveTextContent('–');
  });

  it('draws one labelled SVG with two bars per line, scaled to the largest allocation', () => {
    renderAt('/', '/', <BarChart lines={lines} title="사업별" />);
    const svg = screen.getByRole('img', { name: /사업별/ });
    const bars = svg.querySelectorAll('rect');
    expect(bars).toHaveLength(4);
    expect(bars[0]).toHaveAttribute('width', '100.00%');
    expect(bars[1]).toHaveAttribute('width', '35.71%');
  });

  it('formats rates', () => {
    expect(formatRate(0.1875)).toBe('18.8%');
    expect(formatRate(null)).toBe('–');
  });
});
