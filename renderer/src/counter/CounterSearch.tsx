import { useEffect, useRef } from 'react';
import { formatBRL } from '../format';
import type { LoadedCatalog } from './useCatalog';
import type { Counter } from './useCounter';

/** The catalog side of the counter: the search box, the category tiles and what they show. */
export function CounterSearch({ counter, catalog }: { counter: Counter; catalog: LoadedCatalog }) {
  const { t, searchRef, focusSearch, addProduct, setDialog, toggleSoldOut } = counter;
  const { query, highlight, setHighlight, setQuery, setCategoryId, typedQuantity, searching, shownCategory, search } = counter.search;
  const { categories } = catalog.snapshot;

  // Keep the highlighted result in view.
  const resultsRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    resultsRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [highlight]);

  return (
    <>
      <div className="counter-search">
        <label htmlFor="counter-search" className="visually-hidden">
          {t('counter.searchLabel')}
        </label>
        <svg className="counter-search-icon" width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" aria-hidden="true">
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
        <input
          id="counter-search"
          ref={searchRef}
          className="input counter-search-input"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('counter.searchPlaceholder')}
          value={query}
          onChange={(e) => counter.changeQuery(e.target.value)}
          role="combobox"
          aria-expanded={search.results.length > 0}
          aria-controls="counter-results"
          aria-activedescendant={search.results[highlight] ? `result-${search.results[highlight]!.id}` : undefined}
          data-testid="counter-search"
        />
        <kbd className="counter-search-kbd">F2</kbd>
        {typedQuantity > 1 && <span className="badge badge-warning counter-quantity">{t('counter.timesQuantity', { count: typedQuantity })}</span>}
      </div>

      <div className="category-strip" role="toolbar" aria-label={t('counter.categories')}>
        {categories.map((category) => (
          <button
            key={category.id}
            type="button"
            className="category-tile"
            style={{ '--tile-color': category.color } as React.CSSProperties}
            aria-pressed={!searching && shownCategory === category.id}
            onClick={() => {
              setCategoryId(category.id);
              setQuery('');
              setHighlight(0);
            }}
            data-testid="category-tile"
          >
            {category.name}
          </button>
        ))}
      </div>

      <div className="counter-results">
        {searching || shownCategory ? (
          search.results.length ? (
            <>
              <ul id="counter-results" ref={resultsRef} className={searching ? 'result-list' : 'product-grid'} role="listbox" aria-label={t('counter.results')}>
                {search.results.map((product, i) => {
                  const category = product.categoryId ? catalog.maps.categories.get(product.categoryId) : undefined;
                  return (
                    <li
                      key={product.id}
                      id={`result-${product.id}`}
                      role="option"
                      aria-selected={searching && i === highlight}
                      aria-disabled={product.soldOut}
                      className={`${searching ? 'result-row' : 'product-tile'}${product.soldOut ? ' sold-out' : ''}`}
                      style={category ? ({ '--tile-color': category.color } as React.CSSProperties) : undefined}
                      data-testid={searching ? 'search-result' : 'product-tile'}
                      data-product-name={product.name}
                      onClick={() => {
                        addProduct(product, typedQuantity);
                        setQuery('');
                        focusSearch();
                      }}
                      onMouseEnter={() => searching && setHighlight(i)}
                      onContextMenu={(e) => {
                        // Right click or long press: the product's menu, out of the selling path.
                        e.preventDefault();
                        if (!product.soldOut) setDialog({ kind: 'soldOut', product });
                      }}
                      title={product.soldOut ? undefined : t('counter.soldOutHint')}
                    >
                      <span className="result-name">{product.name}</span>
                      <span className="result-meta">
                        <span className="code">{product.code}</span>
                        {product.soldOut && <span className="badge badge-danger">{t('counter.soldOutBadge')}</span>}
                      </span>
                      <span className="result-price">{formatBRL(product.price)}</span>
                      {product.soldOut && (
                        <button
                          type="button"
                          className="result-soldout"
                          title={t('counter.markAvailable')}
                          aria-label={`${t('counter.markAvailable')}: ${product.name}`}
                          onClick={(e) => {
                            e.stopPropagation();
                            void toggleSoldOut(product);
                          }}
                          data-testid="mark-available"
                        >
                          {t('counter.available')}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
              {search.total > search.results.length && <p className="muted small results-more">{t('counter.moreResults', { count: search.total - search.results.length })}</p>}
            </>
          ) : (
            <p className="counter-hint">{t('counter.noResults')}</p>
          )
        ) : (
          <div className="counter-hint">
            <p className="counter-hint-title">{t('counter.hintTitle')}</p>
            <p className="muted">{t('counter.hintText')}</p>
          </div>
        )}
      </div>
    </>
  );
}
