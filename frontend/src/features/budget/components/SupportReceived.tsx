import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, Loading } from '../../../components/ui/States';
import { formatWon } from '../../../lib/format';
import { useBudgetItems, type BudgetItem } from '../api/queries';
import { TableWrap } from './BarChart';

/**
 * "Support received by year" of one organisation, from the budget API (`?recipient=<slug>`).
 * Composed into the organisation's page by the app (the directory never imports the budget).
 */
export function SupportReceived({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const q = useBudgetItems({ recipient: slug, page_size: 100 });
  const lang = i18n.language;
  let body;
  if (q.isPending) body = <Loading />;
  else if (q.isError) body = <ErrorState error={q.error} />;
  else if (q.data.results.length === 0) body = <Empty>{t('budget.noSupport')}</Empty>;
  else {
    const years = new Map<number, BudgetItem[]>();
    for (const item of q.data.results) {
      if (item.status === 'cancelled') continue;
      years.set(item.fiscal_year, [...(years.get(item.fiscal_year) ?? []), item]);
    }
    body = (
      <TableWrap label={t('budget.supportReceived')}>
        <table className="table budget-table">
          <caption>{t('budget.supportReceived')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('budget.year')}</th>
              <th scope="col">{t('budget.item')}</th>
              <th scope="col">{t('budget.allocated')}</th>
              <th scope="col">{t('budget.executed')}</th>
            </tr>
          </thead>
          <tbody>
            {[...years.entries()].map(([year, items]) => (
              <tr key={year}>
                <th scope="row">{year}</th>
                <td>
                  <ul className="plain">
                    {items.map((item) => (
                      <li key={item.id}>
                        <Link to={`/budget/items/${item.id}`}>{item.title}</Link>
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="num">
                  {formatWon(
                    items.reduce((s, i) => s + i.allocated_amount, 0),
                    lang,
                  )}
                </td>
                <td className="num">
                  {formatWon(
                    items.reduce((s, i) => s + i.executed_amount, 0),
                    lang,
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    );
  }
  return (
    <section>
      <h2>{t('budget.supportReceived')}</h2>
      {body}
    </section>
  );
}
