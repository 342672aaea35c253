import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  useAddMember,
  useCreateEnterprise,
  useCreateProduct,
  useDeleteProduct,
  useEnterprise,
  useMembers,
  useProducts,
  useRemoveMember,
  useUpdateEnterprise,
  useUploadLogo,
  type Enterprise,
} from '../api/queries';
import { ApiError, fieldErrors, type Schemas } from '../../../lib/api-client';
import { Field } from '../../../components/ui/Field';
import { Empty, ErrorState, FormError, Loading } from '../../../components/ui/States';
import { useTitle } from '../../../lib/useTitle';
import { formatWon } from '../../../lib/format';
import { CATEGORIES, DISTRICTS, KINDS, SECTORS } from './choices';

const errs = fieldErrors;

/** My organisation: details, logo, products and members (owners, editors, coordinators). */
export function ManagePage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const q = useEnterprise(slug);
  useTitle(q.data ? t('manage.title', { name: q.data.data.name }) : t('manage.heading'));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  return (
    <div className="page">
      <h1>{t('manage.title', { name: q.data.data.name })}</h1>
      <p>
        <Link to={`/enterprises/${slug}`}>{t('manage.viewPublic')}</Link>
      </p>
      {!q.data.data.is_verified && <p className="notice">{t('manage.pending')}</p>}
      <DetailsForm key={slug} e={q.data.data} etag={q.data.etag} />
      <LogoForm slug={slug} />
      <ProductsSection slug={slug} />
      <MembersSection slug={slug} />
    </div>
  );
}

function DetailsForm({ e, etag }: { e: Enterprise; etag: string | null }) {
  const { t } = useTranslation();
  const update = useUpdateEnterprise(e.slug ?? '');
  const [form, setForm] = useState({
    name: e.name,
    name_en: e.name_en ?? '',
    social_mission: e.social_mission ?? '',
    description: e.description ?? '',
    phone: e.phone ?? '',
    email: e.email ?? '',
    website: e.website ?? '',
    address: e.address ?? '',
    employees_total: e.employees_total?.toString() ?? '',
    employees_vulnerable: e.employees_vulnerable?.toString() ?? '',
  });
  const [saved, setSaved] = useState(false);
  const set = (k: keyof typeof form) => (ev: { target: { value: string } }) => {
    setSaved(false);
    setForm({ ...form, [k]: ev.target.value });
  };
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const body: Schemas['PatchedEnterpriseRequest'] = {
      name: form.name,
      name_en: form.name_en,
      social_mission: form.social_mission,
      description: form.description,
      phone: form.phone,
      email: form.email,
      website: form.website,
      address: form.address,
      employees_total: form.employees_total === '' ? undefined : Number(form.employees_total),
      employees_vulnerable: form.employees_vulnerable === '' ? undefined : Number(form.employees_vulnerable),
    };
    update.mutate({ body, etag }, { onSuccess: () => setSaved(true) });
  };
  const err = update.error;
  const stale = err instanceof ApiError && err.status === 412;
  return (
    <section>
      <h2>{t('manage.details')}</h2>
      <form onSubmit={submit} className="form">
        <Field label={t('fields.name')} errors={errs(err, 'name')}>
          {(p) => <input {...p} value={form.name} onChange={set('name')} required />}
        </Field>
        <Field label={t('fields.nameEn')} errors={errs(err, 'name_en')}>
          {(p) => <input {...p} value={form.name_en} onChange={set('name_en')} />}
        </Field>
        <Field label={t('fields.mission')} errors={errs(err, 'social_mission')}>
          {(p) => <textarea {...p} rows={3} value={form.social_mission} onChange={set('social_mission')} />}
        </Field>
        <Field label={t('fields.description')} errors={errs(err, 'description')}>
          {(p) => <textarea {...p} rows={5} value={form.description} onChange={set('description')} />}
        </Field>
        <Field label={t('fields.phone')} errors={errs(err, 'phone')}>
          {(p) => <input {...p} type="tel" value={form.phone} onChange={set('phone')} />}
        </Field>
        <Field label={t('fields.email')} errors={errs(err, 'email')}>
          {(p) => <input {...p} type="email" value={form.email} onChange={set('email')} />}
        </Field>
        <Field label={t('fields.website')} errors={errs(err, 'website')}>
          {(p) => <input {...p} type="url" value={form.website} onChange={set('website')} />}
        </Field>
        <Field label={t('fields.address')} errors={errs(err, 'address')}>
          {(p) => <input {...p} value={form.address} onChange={set('address')} />}
        </Field>
        <Field label={t('fields.employeesTotal')} errors={errs(err, 'employees_total')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={0}
              value={form.employees_total}
              onChange={set('employees_total')}
            />
          )}
        </Field>
        <Field label={t('fields.employeesVulnerable')} errors={errs(err, 'employees_vulnerable')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={0}
              value={form.employees_vulnerable}
              onChange={set('employees_vulnerable')}
            />
          )}
        </Field>
        {stale ? (
          <p className="form-error" role="alert">
            {t('manage.stale')}
          </p>
        ) : (
          <FormError error={err} withFields />
        )}
        {saved && (
          <p className="notice ok" role="status">
            {t('manage.saved')}
          </p>
        )}
        <button type="submit" disabled={update.isPending}>
          {t('manage.save')}
        </button>
      </form>
    </section>
  );
}

function LogoForm({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const upload = useUploadLogo(slug);
  const [file, setFile] = useState<File | null>(null);
  return (
    <section>
      <h2>{t('manage.logo')}</h2>
      <form
        className="form inline"
        onSubmit={(ev) => {
          ev.preventDefault();
          if (file) upload.mutate(file);
        }}
      >
        <Field label={t('manage.logoFile')} errors={errs(upload.error, 'file')} hint={t('manage.logoHint')}>
          {(p) => (
            <input
              {...p}
              type="file"
              accept="image/png,image/jpeg,image/webp"
              onChange={(ev) => setFile(ev.target.files?.[0] ?? null)}
            />
          )}
        </Field>
        <button type="submit" disabled={!file || upload.isPending}>
          {t('manage.upload')}
        </button>
        {upload.isSuccess && (
          <p role="status" className="notice ok">
            {t('manage.saved')}
          </p>
        )}
      </form>
    </section>
  );
}

function ProductsSection({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const products = useProducts({ enterprise: slug, page_size: 100 });
  const create = useCreateProduct(slug);
  const remove = useDeleteProduct();
  const empty = { name: '', description: '', price: '', category: 'food', order_url: '', order_contact: '' };
  const [form, setForm] = useState(empty);
  const set = (k: keyof typeof form) => (ev: { target: { value: string } }) =>
    setForm({ ...form, [k]: ev.target.value });
  const err = create.error;
  return (
    <section>
      <h2>{t('manage.products')}</h2>
      {products.isPending ? (
        <Loading />
      ) : products.isError ? (
        <ErrorState error={products.error} />
      ) : products.data.results.length === 0 ? (
        <Empty>{t('products.empty')}</Empty>
      ) : (
        <ul className="list">
          {products.data.results.map((p) => (
            <li key={p.id}>
              <Link to={`/products/${p.id}`}>{p.name}</Link>{' '}
              <span className="muted">
                {p.price == null ? t('products.priceOnRequest') : formatWon(p.price, i18n.language)}
              </span>{' '}
              <button
                type="button"
                className="small secondary"
                onClick={() => {
                  if (window.confirm(t('manage.confirmDelete', { name: p.name }))) remove.mutate(p.id);
                }}
              >
                {t('manage.delete')}
                <span className="sr-only"> {p.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('manage.addProduct')}</h3>
      <form
        className="form"
        onSubmit={(ev) => {
          ev.preventDefault();
          create.mutate(
            {
              name: form.name,
              description: form.description,
              price: form.price === '' ? null : Number(form.price),
              category: form.category as Schemas['ProductCategoryEnum'],
              order_url: form.order_url,
              order_contact: form.order_contact,
            },
            { onSuccess: () => setForm(empty) },
          );
        }}
      >
        <Field label={t('fields.productName')} errors={errs(err, 'name')}>
          {(p) => <input {...p} value={form.name} onChange={set('name')} required />}
        </Field>
        <Field label={t('fields.description')} errors={errs(err, 'description')}>
          {(p) => <textarea {...p} rows={2} value={form.description} onChange={set('description')} />}
        </Field>
        <Field label={t('fields.price')} errors={errs(err, 'price')} hint={t('manage.priceHint')}>
          {(p) => <input {...p} type="number" min={0} value={form.price} onChange={set('price')} />}
        </Field>
        <Field label={t('products.category')} errors={errs(err, 'category')}>
          {(p) => (
            <select {...p} value={form.category} onChange={set('category')}>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`enum.category.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fields.orderUrl')} errors={errs(err, 'order_url')}>
          {(p) => <input {...p} type="url" value={form.order_url} onChange={set('order_url')} />}
        </Field>
        <Field label={t('fields.orderContact')} errors={errs(err, 'order_contact')}>
          {(p) => <input {...p} value={form.order_contact} onChange={set('order_contact')} />}
        </Field>
        <FormError error={err} withFields />
        {create.isSuccess && (
          <p role="status" className="notice ok">
            {t('manage.productAdded')}
          </p>
        )}
        <button type="submit" disabled={create.isPending}>
          {t('manage.addProduct')}
        </button>
      </form>
    </section>
  );
}

function MembersSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const members = useMembers(slug, true);
  const add = useAddMember(slug);
  const remove = useRemoveMember(slug);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Schemas['RoleEnum']>('editor');
  return (
    <section>
      <h2>{t('manage.members')}</h2>
      {members.isPending ? (
        <Loading />
      ) : members.isError ? (
        <ErrorState error={members.error} />
      ) : (
        <ul className="list">
          {members.data.map((m) => (
            <li key={m.id}>
              {m.display_name} <span className="muted">{m.email}</span>{' '}
              <span className="badge">{m.role_label}</span>{' '}
              <button type="button" className="small secondary" onClick={() => remove.mutate(m.id)}>
                {t('manage.remove')}
                <span className="sr-only"> {m.display_name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormError error={remove.error} />
      <form
        className="form inline"
        onSubmit={(ev) => {
          ev.preventDefault();
          add.mutate({ email, role }, { onSuccess: () => setEmail('') });
        }}
      >
        <Field label={t('fields.email')} errors={errs(add.error, 'email')}>
          {(p) => (
            <input {...p} type="email" value={email} onChange={(ev) => setEmail(ev.target.value)} required />
          )}
        </Field>
        <Field label={t('manage.role')} errors={errs(add.error, 'role')}>
          {(p) => (
            <select {...p} value={role} onChange={(ev) => setRole(ev.target.value as Schemas['RoleEnum'])}>
              <option value="editor">{t('enum.role.editor')}</option>
              <option value="owner">{t('enum.role.owner')}</option>
            </select>
          )}
        </Field>
        <FormError error={add.error} withFields />
        <button type="submit" disabled={add.isPending}>
          {t('manage.addMember')}
        </button>
      </form>
    </section>
  );
}

/** Submit a new organisation (pending until a coordinator verifies it). */
export function NewEnterprisePage() {
  const { t } = useTranslation();
  useTitle(t('manage.newTitle'));
  const create = useCreateEnterprise();
  const [form, setForm] = useState({
    name: '',
    kind: 'cooperative',
    district: 'deogyang',
    sector: 'other',
    social_mission: '',
  });
  const set = (k: keyof typeof form) => (ev: { target: { value: string } }) =>
    setForm({ ...form, [k]: ev.target.value });
  const err = create.error;
  if (create.isSuccess) {
    return (
      <div className="page">
        <h1>{t('manage.newTitle')}</h1>
        <p role="status" className="notice ok">
          {t('manage.submitted')}
        </p>
        <Link className="button" to={`/my/enterprises/${create.data.slug}`}>
          {t('enterprises.manage')}
        </Link>
      </div>
    );
  }
  return (
    <div className="page">
      <h1>{t('manage.newTitle')}</h1>
      <p>{t('manage.newLead')}</p>
      <form
        className="form"
        onSubmit={(ev) => {
          ev.preventDefault();
          create.mutate({
            name: form.name,
            kind: form.kind as Schemas['EnterpriseKindEnum'],
            district: form.district as Schemas['DistrictEnum'],
            sector: form.sector as Schemas['SectorEnum'],
            social_mission: form.social_mission,
          });
        }}
      >
        <Field label={t('fields.name')} errors={errs(err, 'name')}>
          {(p) => <input {...p} value={form.name} onChange={set('name')} required />}
        </Field>
        <Field label={t('directory.kind')} errors={errs(err, 'kind')}>
          {(p) => (
            <select {...p} value={form.kind} onChange={set('kind')}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`enum.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('directory.district')} errors={errs(err, 'district')}>
          {(p) => (
            <select {...p} value={form.district} onChange={set('district')}>
              {DISTRICTS.map((k) => (
                <option key={k} value={k}>
                  {t(`enum.district.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('directory.sector')} errors={errs(err, 'sector')}>
          {(p) => (
            <select {...p} value={form.sector} onChange={set('sector')}>
              {SECTORS.map((k) => (
                <option key={k} value={k}>
                  {t(`enum.sector.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fields.mission')} errors={errs(err, 'social_mission')}>
          {(p) => <textarea {...p} rows={3} value={form.social_mission} onChange={set('social_mission')} />}
        </Field>
        <FormError error={err} withFields />
        <button type="submit" disabled={create.isPending}>
          {t('manage.submit')}
        </button>
      </form>
    </div>
  );
}
