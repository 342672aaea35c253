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
import { FormFooter, SelectField, TextField, useFormState } from '../../../components/ui/Form';
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

const DETAIL_FIELDS = [
  ['name', 'fields.name', {}],
  ['name_en', 'fields.nameEn', {}],
  ['social_mission', 'fields.mission', { rows: 3 }],
  ['description', 'fields.description', { rows: 5 }],
  ['phone', 'fields.phone', { type: 'tel' }],
  ['email', 'fields.email', { type: 'email' }],
  ['website', 'fields.website', { type: 'url' }],
  ['address', 'fields.address', {}],
  ['employees_total', 'fields.employeesTotal', { type: 'number', min: 0 }],
  ['employees_vulnerable', 'fields.employeesVulnerable', { type: 'number', min: 0 }],
] as const;

function DetailsForm({ e, etag }: { e: Enterprise; etag: string | null }) {
  const { t } = useTranslation();
  const update = useUpdateEnterprise(e.slug ?? '');
  const { values, set } = useFormState({
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
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const count = (v: string) => (v === '' ? undefined : Number(v));
    const body: Schemas['PatchedEnterpriseRequest'] = {
      ...values,
      employees_total: count(values.employees_total),
      employees_vulnerable: count(values.employees_vulnerable),
    };
    update.mutate({ body, etag });
  };
  const err = update.error;
  const stale = err instanceof ApiError && err.status === 412;
  return (
    <section>
      <h2>{t('manage.details')}</h2>
      <form onSubmit={submit} className="form">
        {DETAIL_FIELDS.map(([name, label, extra]) => (
          <TextField
            key={name}
            label={t(label)}
            name={name}
            error={err}
            value={values[name]}
            onChange={(v) => {
              update.reset();
              set(name)(v);
            }}
            required={name === 'name'}
            {...extra}
          />
        ))}
        {stale && (
          <p className="form-error" role="alert">
            {t('manage.stale')}
          </p>
        )}
        <FormFooter
          error={stale ? null : err}
          pending={update.isPending}
          submitLabel={t('manage.save')}
          success={update.isSuccess && t('manage.saved')}
        />
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
  const form = useFormState({
    name: '',
    description: '',
    price: '',
    category: 'food',
    order_url: '',
    order_contact: '',
  });
  const { values, set } = form;
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
              name: values.name,
              description: values.description,
              price: values.price === '' ? null : Number(values.price),
              category: values.category as Schemas['ProductCategoryEnum'],
              order_url: values.order_url,
              order_contact: values.order_contact,
            },
            { onSuccess: form.reset },
          );
        }}
      >
        <TextField
          label={t('fields.productName')}
          name="name"
          error={err}
          value={values.name}
          onChange={set('name')}
          required
        />
        <TextField
          label={t('fields.description')}
          name="description"
          error={err}
          rows={2}
          value={values.description}
          onChange={set('description')}
        />
        <TextField
          label={t('fields.price')}
          name="price"
          error={err}
          hint={t('manage.priceHint')}
          type="number"
          min={0}
          value={values.price}
          onChange={set('price')}
        />
        <SelectField
          label={t('products.category')}
          name="category"
          error={err}
          value={values.category}
          onChange={set('category')}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`enum.category.${c}`) }))}
        />
        <TextField
          label={t('fields.orderUrl')}
          name="order_url"
          error={err}
          type="url"
          value={values.order_url}
          onChange={set('order_url')}
        />
        <TextField
          label={t('fields.orderContact')}
          name="order_contact"
          error={err}
          value={values.order_contact}
          onChange={set('order_contact')}
        />
        <FormFooter
          error={err}
          pending={create.isPending}
          submitLabel={t('manage.addProduct')}
          success={create.isSuccess && t('manage.productAdded')}
        />
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
        <TextField
          label={t('fields.email')}
          name="email"
          error={add.error}
          type="email"
          value={email}
          onChange={setEmail}
          required
        />
        <SelectField
          label={t('manage.role')}
          name="role"
          error={add.error}
          value={role}
          onChange={(v) => setRole(v as Schemas['RoleEnum'])}
          options={[
            { value: 'editor', label: t('enum.role.editor') },
            { value: 'owner', label: t('enum.role.owner') },
          ]}
        />
        <FormFooter error={add.error} pending={add.isPending} submitLabel={t('manage.addMember')} />
      </form>
    </section>
  );
}

/** Submit a new organisation (pending until a coordinator verifies it). */
export function NewEnterprisePage() {
  const { t } = useTranslation();
  useTitle(t('manage.newTitle'));
  const create = useCreateEnterprise();
  const { values, set } = useFormState({
    name: '',
    kind: 'cooperative',
    district: 'deogyang',
    sector: 'other',
    social_mission: '',
  });
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
            name: values.name,
            kind: values.kind as Schemas['EnterpriseKindEnum'],
            district: values.district as Schemas['DistrictEnum'],
            sector: values.sector as Schemas['SectorEnum'],
            social_mission: values.social_mission,
          });
        }}
      >
        <TextField
          label={t('fields.name')}
          name="name"
          error={err}
          value={values.name}
          onChange={set('name')}
          required
        />
        <SelectField
          label={t('directory.kind')}
          name="kind"
          error={err}
          value={values.kind}
          onChange={set('kind')}
          options={KINDS.map((k) => ({ value: k, label: t(`enum.kind.${k}`) }))}
        />
        <SelectField
          label={t('directory.district')}
          name="district"
          error={err}
          value={values.district}
          onChange={set('district')}
          options={DISTRICTS.map((k) => ({ value: k, label: t(`enum.district.${k}`) }))}
        />
        <SelectField
          label={t('directory.sector')}
          name="sector"
          error={err}
          value={values.sector}
          onChange={set('sector')}
          options={SECTORS.map((k) => ({ value: k, label: t(`enum.sector.${k}`) }))}
        />
        <TextField
          label={t('fields.mission')}
          name="social_mission"
          error={err}
          rows={3}
          value={values.social_mission}
          onChange={set('social_mission')}
        />
        <FormFooter error={err} pending={create.isPending} submitLabel={t('manage.submit')} />
      </form>
    </div>
  );
}
