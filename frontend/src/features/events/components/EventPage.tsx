import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import {
  useApplyBooth,
  useBoothOrganisation,
  useCancelRegistration,
  useCreateFeedToken,
  useEvent,
  useFeedToken,
  useRegister,
  type EventDetail,
} from '../api/queries';
import { Empty, ErrorState, FormError, Loading } from '../../../components/ui/States';
import { CheckboxField, FormFooter, SelectField, TextField, useFormState } from '../../../components/ui/Form';
import { api, unwrap } from '../../../lib/api-client';
import { formatDateTime, formatWon } from '../../../lib/format';
import { useMe, useSignedIn } from '../../../lib/session';
import { useTitle } from '../../../lib/useTitle';
import { useDebounced } from '../../../lib/useDebounced';
import { SeatsBadge } from './EventItem';

/** `extra`: sections other features add below (composed by the app, e.g. the resolutions it carries out). */
export function EventPage({ extra }: { extra?: (id: number) => React.ReactNode } = {}) {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const q = useEvent(Number(id));
  useTitle(q.data?.title);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const e = q.data;
  const lang = i18n.language;
  return (
    <article className="page event-page">
      <h1>{e.title}</h1>
      <p className="badges">
        <span className="badge">{e.kind_label}</span>
        {e.status !== 'scheduled' && <span className="badge warn">{e.status_label}</span>}
        <SeatsBadge e={e} />
      </p>
      {e.status_reason && <p className="notice">{e.status_reason}</p>}
      <dl className="facts">
        <div>
          <dt>{t('events.when')}</dt>
          <dd>
            <time dateTime={e.starts_at}>{formatDateTime(e.starts_at, lang)}</time> –{' '}
            <time dateTime={e.ends_at}>{formatDateTime(e.ends_at, lang)}</time>
          </dd>
        </div>
        {(e.venue_name || e.venue_address) && (
          <div>
            <dt>{t('events.where')}</dt>
            <dd>
              {e.venue_name}
              {e.venue_address ? ` (${e.venue_address})` : ''}
            </dd>
          </div>
        )}
        {e.online_url && (
          <div>
            <dt>{t('events.online')}</dt>
            <dd>
              <a href={e.online_url} rel="noopener" target="_blank">
                {e.online_url}
              </a>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('events.seats')}</dt>
          <dd>
            {e.capacity == null
              ? t('events.noLimit')
              : t('events.seatsSummary', {
                  capacity: e.capacity,
                  confirmed: e.confirmed_count,
                  left: e.seats_left ?? 0,
                  waitlisted: e.waitlisted_count,
                })}
          </dd>
        </div>
        {e.hosts.length > 0 && (
          <div>
            <dt>{t('events.hosts')}</dt>
            <dd>
              {e.hosts.map((h, i) => (
                <span key={h.id}>
                  {i > 0 && ', '}
                  <Link to={`/enterprises/${h.slug}`}>{lang === 'en' && h.name_en ? h.name_en : h.name}</Link>
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
      {e.description && <p className="prewrap">{e.description}</p>}
      <Registration e={e} />
      <ManageLinks id={e.id} />
      <section>
        <h2>{t('events.calendar')}</h2>
        <p>
          <a href={`/api/v1/events/${e.id}/calendar.ics`} download>
            {t('events.addToCalendar')}
          </a>
        </p>
        <PersonalFeed />
      </section>
      <Booths e={e} />
      {extra?.(e.id)}
    </article>
  );
}

function Registration({ e }: { e: EventDetail }) {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  const location = useLocation();
  const register = useRegister(e.id);
  const cancel = useCancelRegistration(e.id);
  const mine = e.my_registration;
  const active = mine && mine.status !== 'cancelled';
  return (
    <section aria-labelledby="reg-title">
      <h2 id="reg-title">{t('events.registration')}</h2>
      {!signedIn ? (
        <p>
          <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>
            {t('events.loginToRegister')}
          </Link>
        </p>
      ) : (
        <>
          <div role="status" aria-live="polite">
            {active && mine.status === 'confirmed' && (
              <p className="notice ok">{t('events.youAreConfirmed')}</p>
            )}
            {active && mine.status === 'waitlisted' && (
              <p className="notice">
                {t('events.youAreWaitlisted', { position: mine.waitlist_position ?? '?' })}
              </p>
            )}
          </div>
          {active ? (
            <button
              type="button"
              className="secondary"
              disabled={cancel.isPending}
              onClick={() => cancel.mutate()}
            >
              {t('events.cancelRegistration')}
            </button>
          ) : e.status === 'cancelled' ? null : (
            <button type="button" disabled={register.isPending} onClick={() => register.mutate()}>
              {e.capacity != null && e.seats_left === 0 ? t('events.joinWaitlist') : t('events.register')}
            </button>
          )}
          <FormError error={register.error ?? cancel.error} />
        </>
      )}
    </section>
  );
}

/** Hosts' members, organisers and coordinators may read the attendee list: a 200 shows the link. */
function ManageLinks({ id }: { id: number }) {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  const probe = useQuery({
    queryKey: ['events', 'can-manage', id],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/events/{id}/attendees/', {
          params: { path: { id }, query: { page_size: 1 } },
        }),
      ),
    enabled: signedIn,
    retry: false,
  });
  if (!probe.isSuccess) return null;
  return (
    <p>
      <Link className="button secondary" to={`/my/events/${id}/attendees`}>
        {t('attendees.title')}
      </Link>
    </p>
  );
}

function PersonalFeed() {
  const { t } = useTranslation();
  const signedIn = useSignedIn();
  const token = useFeedToken(signedIn);
  const create = useCreateFeedToken();
  if (!signedIn) return null;
  const url = token.data?.url;
  return (
    <div>
      {url ? (
        <p>
          {t('events.personalFeed')}: <a href={url}>{url}</a>
        </p>
      ) : (
        <button
          type="button"
          className="secondary"
          onClick={() => create.mutate()}
          disabled={create.isPending}
        >
          {t('events.createFeed')}
        </button>
      )}
    </div>
  );
}

function Booths({ e }: { e: EventDetail }) {
  const { t, i18n } = useTranslation();
  const signedIn = useSignedIn();
  if (e.booth_categories.length === 0 && e.exhibitors.length === 0) return null;
  return (
    <section aria-labelledby="booths-title">
      <h2 id="booths-title">{t('events.booths')}</h2>
      {e.booth_categories.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('events.boothCategory')}</th>
              <th scope="col">{t('events.boothsTotal')}</th>
              <th scope="col">{t('events.boothsLeft')}</th>
            </tr>
          </thead>
          <tbody>
            {e.booth_categories.map((c) => (
              <tr key={c.id}>
                <td>{c.name || c.category_label}</td>
                <td>{c.booths}</td>
                <td>{c.booths_left}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('events.exhibitors')}</h3>
      {e.exhibitors.length === 0 ? (
        <Empty>{t('events.noExhibitors')}</Empty>
      ) : (
        <ul className="list">
          {e.exhibitors.map((x) => (
            <li key={x.enterprise.id}>
              <Link to={`/enterprises/${x.enterprise.slug}`}>{x.enterprise.name}</Link>{' '}
              <span className="muted">{x.category_label}</span>
              {x.products.length > 0 && (
                <ul>
                  {x.products.map((p) => (
                    <li key={p.id}>
                      {p.name}{' '}
                      {p.price != null && <span className="muted">{formatWon(p.price, i18n.language)}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {signedIn && e.booth_categories.length > 0 && <ApplyBooth e={e} />}
    </section>
  );
}

function ApplyBooth({ e }: { e: EventDetail }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const apply = useApplyBooth(e.id);
  const { values, set } = useFormState({
    text: '',
    slug: '',
    category: String(e.booth_categories[0]?.id ?? ''),
    note: '',
  });
  const [productIds, setProductIds] = useState<string[]>([]);
  const q = useDebounced(values.text.trim(), 200);
  const coordinator = !!me.data?.is_coordinator;
  // Coordinators may apply for any organisation: they search for it by name.
  const found = useQuery({
    queryKey: ['events', 'booth-orgs', q],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/enterprises/', { params: { query: { search: q, page_size: 10 } } })),
    enabled: coordinator && q.length > 0,
  });
  const chosen = useBoothOrganisation(values.slug);
  const err = apply.error;
  if (!me.data) return null;
  const mine = me.data.organisations.map((o) => ({ value: o.slug, label: o.name }));
  const others = (found.data?.results ?? [])
    .filter((o) => !mine.some((m) => m.value === o.slug))
    .map((o) => ({ value: o.slug, label: o.name }));
  if (!coordinator && mine.length === 0) {
    return (
      <p className="muted">
        {t('events.boothNeedsOrganisation')}{' '}
        <Link to="/my/enterprises/new">{t('events.submitOrganisation')}</Link>
      </p>
    );
  }
  const products = chosen.data?.products ?? [];
  return (
    <details className="apply-booth">
      <summary>{t('events.applyBooth')}</summary>
      {apply.isSuccess ? (
        <p role="status" className="notice ok">
          {t('events.boothApplied', { status: apply.data.status_label })}
        </p>
      ) : (
        <form
          className="form"
          onSubmit={(ev) => {
            ev.preventDefault();
            if (!chosen.data) return;
            apply.mutate({
              enterprise_id: chosen.data.organisation.id,
              category_id: Number(values.category),
              product_ids: productIds.map(Number),
              note: values.note,
            });
          }}
        >
          {coordinator && (
            <TextField
              label={t('events.findOrganisation')}
              name="search"
              type="search"
              value={values.text}
              onChange={set('text')}
            />
          )}
          <SelectField
            label={t('events.organisation')}
            name="enterprise_id"
            error={err}
            value={values.slug}
            onChange={(slug) => {
              set('slug')(slug);
              setProductIds([]);
            }}
            options={[...mine, ...others]}
            placeholder="—"
            required
          />
          <SelectField
            label={t('events.boothCategory')}
            name="category_id"
            error={err}
            value={values.category}
            onChange={set('category')}
            options={e.booth_categories.map((c) => ({
              value: String(c.id),
              label: c.name || c.category_label,
            }))}
          />
          {values.slug === '' ? null : chosen.isPending ? (
            <Loading label={t('events.loadingProducts')} />
          ) : chosen.isError ? (
            <ErrorState error={chosen.error} retry={() => void chosen.refetch()} />
          ) : products.length === 0 ? (
            <p className="muted">{t('events.noProductsToShow')}</p>
          ) : (
            <CheckboxField
              legend={t('events.boothProducts')}
              hint={t('events.boothProductsHint', { max: MAX_BOOTH_PRODUCTS })}
              name="product_ids"
              error={err}
              max={MAX_BOOTH_PRODUCTS}
              values={productIds}
              onChange={setProductIds}
              options={products.map((p) => ({
                value: String(p.id),
                label:
                  p.price == null
                    ? `${p.name} (${t('products.priceOnRequest')})`
                    : `${p.name} (${formatWon(p.price, i18n.language)})`,
              }))}
            />
          )}
          <TextField
            label={t('events.note')}
            name="note"
            error={err}
            rows={2}
            value={values.note}
            onChange={set('note')}
          />
          <FormFooter
            error={err}
            pending={apply.isPending || (values.slug !== '' && chosen.isPending)}
            submitLabel={t('events.applyBooth')}
          />
        </form>
      )}
    </details>
  );
}

/** The spec's maxItems of product_ids in a booth application. */
const MAX_BOOTH_PRODUCTS = 30;
