import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Input } from '../api';
import { compareNames, formatDateTime } from '../format';
import { useApiData } from '../hooks/useApiData';
import { useLiveRefresh } from '../hooks/useLive';
import { useSession } from '../session';
import { Face, isRating, Stars } from './Faces';
import { FeedbackDetail } from './FeedbackDetail';
import { OpenKioskButton } from './OpenKioskButton';
import { onOpenFeedback, takePendingFeedback } from './pending';
import { PrivacyDialog } from './PrivacyDialog';
import { DateRangeFilter, FilterSelect } from '../components/FilterSelect';
import { FormError } from '../components/Field';
import { DataTable } from '../components/DataTable';
import { Blank, RowButton } from '../components/ListParts';


interface Filters {
  rating: string; // '', '1'…'5', 'low'
  tag: string;
  from: string;
  to: string;
  productId: string;
  cashierId: string;
  handled: '' | 'open' | 'done';
}

const EMPTY: Filters = { rating: '', tag: '', from: '', to: '', productId: '', cashierId: '', handled: '' };
const LIMIT = 200;

function toInput(filters: Filters): Input<'feedback.list'> {
  const input: Input<'feedback.list'> = { limit: LIMIT };
  if (filters.rating === 'low') input.maxRating = 2;
  else if (filters.rating) input.rating = Number(filters.rating);
  if (filters.tag) input.tag = filters.tag;
  if (filters.from) input.from = filters.from;
  if (filters.to) input.to = filters.to;
  if (filters.productId) input.productId = filters.productId;
  if (filters.cashierId) input.cashierId = filters.cashierId;
  if (filters.handled) input.handled = filters.handled === 'done';
  return input;
}

/** The managers' inbox of customer feedback (#/avaliacoes): filters, the list, the detail and "Marcar como tratada". */
export function InboxScreen() {
  const { t } = useTranslation();
  const { session, timeZone } = useSession();
  const isAdmin = session.user.role === 'admin';
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [openId, setOpenId] = useState<string | null>(null);
  const [privacy, setPrivacy] = useState(false);
  const [tags, setTags] = useState<string[]>([]);
  const [products, setProducts] = useState<{ id: string; name: string }[]>([]);
  const [people, setPeople] = useState<{ id: string; name: string }[]>([]);

  const { data: rows, error, reload: load } = useApiData(useCallback(() => api.call('feedback.list', toInput(filters)), [filters]));
  useLiveRefresh(['feedback.received'], () => void load(), 200);

  // An alert's "Abrir": from another screen (read once on arrival) or while the inbox is on screen.
  useEffect(() => {
    const pending = takePendingFeedback();
    if (pending) setOpenId(pending);
    return onOpenFeedback((id) => setOpenId(takePendingFeedback() ?? id));
  }, []);

  // What the filters offer: the tags, the products (from the catalog) and the people who sell.
  useEffect(() => {
    let cancelled = false;
    void Promise.all([api.call('feedback.kiosk', {}), api.call('catalog.snapshot', { includeInactive: true }), api.call('users.list', { includeInactive: true })]).then(
      ([kiosk, catalog, users]) => {
        if (cancelled) return;
        if (kiosk.ok) setTags(kiosk.result.tags);
        if (catalog.ok) setProducts(catalog.result.products.map((p) => ({ id: p.id, name: p.name })).sort((a, b) => compareNames(a.name, b.name)));
        if (users.ok) setPeople(users.result.filter((u) => u.role !== 'kitchen' && u.role !== 'stockroom').map((u) => ({ id: u.id, name: u.name })).sort((a, b) => compareNames(a.name, b.name)));
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((current) => ({ ...current, [key]: value }));
  const dirty = useMemo(() => Object.entries(filters).some(([key, value]) => value !== EMPTY[key as keyof Filters]), [filters]);
  const tagOptions = useMemo(() => (filters.tag && !tags.includes(filters.tag) ? [filters.tag, ...tags] : tags), [filters.tag, tags]);

  return (
    <div className="page-content page-content-wide" data-testid="feedback-inbox">
      <div className="page-header">
        <div>
          <h1>{t('feedback.inbox.title')}</h1>
          <p className="muted">{t('feedback.inbox.subtitle')}</p>
        </div>
        <div className="toolbar">
          {isAdmin && (
            <button type="button" className="button button-ghost" onClick={() => setPrivacy(true)} data-testid="feedback-privacy">
              {t('feedback.inbox.privacy')}
            </button>
          )}
          <OpenKioskButton className="button button-primary" />
        </div>
      </div>

      <div className="filters fb-filters" role="search">
        <FilterSelect
          id="fb-rating"
          label={t('feedback.inbox.rating')}
          allLabel={t('feedback.inbox.allRatings')}
          value={filters.rating}
          options={[{ value: 'low', label: t('feedback.inbox.low') }, ...[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: `${n} ★ · ${t(`feedback.ratings.r${n as 1 | 2 | 3 | 4 | 5}`)}` }))]}
          onChange={(v) => set('rating', v)}
          testId="feedback-filter-rating"
        />
        <FilterSelect
          id="fb-tag"
          label={t('feedback.inbox.tag')}
          allLabel={t('feedback.inbox.allTags')}
          value={filters.tag}
          options={tagOptions.map((tag) => ({ value: tag, label: tag }))}
          onChange={(v) => set('tag', v)}
          testId="feedback-filter-tag"
        />
        <FilterSelect
          id="fb-product"
          label={t('feedback.inbox.product')}
          allLabel={t('feedback.inbox.allProducts')}
          value={filters.productId}
          options={products.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(v) => set('productId', v)}
          testId="feedback-filter-product"
        />
        <FilterSelect
          id="fb-cashier"
          label={t('feedback.inbox.cashier')}
          allLabel={t('feedback.inbox.allCashiers')}
          value={filters.cashierId}
          options={people.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(v) => set('cashierId', v)}
          testId="feedback-filter-cashier"
        />
        <DateRangeFilter
          value={filters}
          labels={{ from: t('feedback.inbox.from'), to: t('feedback.inbox.to') }}
          onChange={(change) => setFilters((current) => ({ ...current, ...change }))}
          className="fb-date"
          testIds={{ from: 'feedback-filter-from', to: 'feedback-filter-to' }}
        />
        <div className="field fb-handled">
          <span className="field-label" id="fb-handled-label">
            {t('feedback.inbox.handled')}
          </span>
          <div className="fb-handled-row">
            <div className="segmented" role="radiogroup" aria-labelledby="fb-handled-label">
              {(['', 'open', 'done'] as const).map((value) => (
                <button
                  key={value || 'all'}
                  type="button"
                  role="radio"
                  aria-checked={filters.handled === value}
                  className="segmented-option"
                  onClick={() => set('handled', value)}
                  data-testid={`feedback-filter-handled-${value || 'all'}`}
                >
                  {value === '' ? t('feedback.inbox.all') : value === 'open' ? t('feedback.inbox.open') : t('feedback.inbox.done')}
                </button>
              ))}
            </div>
            {dirty && (
              <button type="button" className="button button-ghost" onClick={() => setFilters(EMPTY)} data-testid="feedback-filter-clear">
                {t('feedback.inbox.clear')}
              </button>
            )}
          </div>
        </div>
      </div>

      <FormError message={error} />

      {rows && (
        <p className="muted small" role="status" aria-live="polite">
          {t('feedback.inbox.count', { count: rows.length })}
        </p>
      )}
      <DataTable
        className="fb-table"
        testId="feedback-list"
        caption={t('feedback.inbox.title')}
        rows={rows}
        rowKey={(row) => row.id}
        rowProps={(row) => ({
          className: `fb-row${row.rating <= 2 && !row.handledAt ? ' fb-row-low' : ''}`,
          onClick: () => setOpenId(row.id),
          'data-testid': 'feedback-row',
          'data-order': row.orderNumber,
          'data-rating': row.rating,
          'data-handled': row.handledAt ? 'true' : 'false',
        })}
        loading={error ? undefined : t('common.loading')}
        empty={t('feedback.inbox.empty')}
        emptyClassName="fb-empty"
        columns={[
          { key: 'when', header: t('feedback.inbox.columns.when'), className: 'nowrap', cell: (row) => formatDateTime(row.createdAt, timeZone) },
          { key: 'order', header: t('feedback.inbox.columns.order'), className: 'nowrap strong', cell: (row) => row.orderNumber },
          {
            key: 'rating',
            header: t('feedback.inbox.columns.rating'),
            className: 'nowrap',
            cell: (row) => (
              <span className="fb-rating-cell">
                {isRating(row.rating) && <Face rating={row.rating} size={28} />}
                <span className="visually-hidden">{t('feedback.detail.rated', { rating: row.rating })}</span>
                <Stars rating={row.rating} />
              </span>
            ),
          },
          {
            key: 'tags',
            header: t('feedback.inbox.columns.tags'),
            cell: (row) => (
              <span className="fb-chips">
                {row.tags.map((tag) => (
                  <span key={tag} className="fb-chip">
                    {tag}
                  </span>
                ))}
              </span>
            ),
          },
          {
            key: 'comment',
            header: t('feedback.inbox.columns.comment'),
            className: 'fb-comment-cell',
            cell: (row) => (
              <>
                {row.comment ? <span className="fb-comment-text">{row.comment}</span> : <Blank />}
                {row.hasContact && <span className="cell-sub">{t('feedback.inbox.contact')}</span>}
              </>
            ),
          },
          { key: 'cashier', header: t('feedback.inbox.columns.cashier'), cell: (row) => row.cashierName },
          {
            key: 'status',
            header: t('feedback.inbox.columns.status'),
            cell: (row) => (
              <span className={`badge ${row.handledAt ? 'badge-success' : row.rating <= 2 ? 'badge-danger' : 'badge-muted'}`} data-testid="feedback-row-status">
                {row.handledAt ? t('feedback.inbox.statusDone') : t('feedback.inbox.statusOpen')}
              </span>
            ),
          },
          {
            key: 'view',
            header: <span className="visually-hidden">{t('feedback.inbox.view')}</span>,
            actions: true,
            cell: (row) => (
              <RowButton
                onClick={(e) => {
                  e.stopPropagation();
                  setOpenId(row.id);
                }}
                data-testid="feedback-open"
              >
                {t('feedback.inbox.view')}
              </RowButton>
            ),
          },
        ]}
      />

      {openId && <FeedbackDetail id={openId} onClose={() => setOpenId(null)} onHandled={() => void load()} />}
      {privacy && <PrivacyDialog onClose={() => setPrivacy(false)} />}
    </div>
  );
}
