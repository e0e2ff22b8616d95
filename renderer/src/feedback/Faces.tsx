/**
 * The five rating faces, drawn (no emoji font needed on the shop's PC): 1 angry … 5 delighted.
 * Colors go from red to green so the scale reads at a glance.
 */
export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_COLORS: Record<Rating, { fill: string; stroke: string }> = {
  1: { fill: '#e5534b', stroke: '#9c2620' },
  2: { fill: '#f08a3c', stroke: '#a5501a' },
  3: { fill: '#f5c431', stroke: '#a07a0c' },
  4: { fill: '#8cc84b', stroke: '#4d7f1d' },
  5: { fill: '#2fb463', stroke: '#166c38' },
};

const INK = '#2b1d12';

export function Face({ rating, size = 96, title }: { rating: Rating; size?: number; title?: string }) {
  const { fill, stroke } = RATING_COLORS[rating];
  const line = { stroke: INK, strokeWidth: 5, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const, fill: 'none' };
  return (
    <svg width={size} height={size} viewBox="0 0 100 100" role={title ? 'img' : undefined} aria-hidden={title ? undefined : true} aria-label={title} focusable="false">
      <circle cx="50" cy="50" r="45" fill={fill} stroke={stroke} strokeWidth="3" />
      {/* A soft highlight so the faces do not look flat. */}
      <ellipse cx="38" cy="26" rx="18" ry="9" fill="#ffffff" opacity="0.22" />
      {rating === 5 ? (
        <>
          <path d="M26 43 Q34 33 42 43" {...line} />
          <path d="M58 43 Q66 33 74 43" {...line} />
          <path d="M27 58 Q50 90 73 58 Z" fill={INK} stroke={INK} strokeWidth="4" strokeLinejoin="round" />
          <path d="M38 72 Q50 80 62 72 Q56 84 50 84 Q44 84 38 72 Z" fill="#e8615a" />
        </>
      ) : (
        <>
          <circle cx="35" cy="42" r="5.5" fill={INK} />
          <circle cx="65" cy="42" r="5.5" fill={INK} />
        </>
      )}
      {rating === 1 && (
        <>
          <path d="M22 28 L43 35" {...line} />
          <path d="M78 28 L57 35" {...line} />
          <path d="M30 76 Q50 56 70 76" {...line} />
        </>
      )}
      {rating === 2 && <path d="M32 73 Q50 61 68 73" {...line} />}
      {rating === 3 && <path d="M33 68 L67 68" {...line} />}
      {rating === 4 && <path d="M30 62 Q50 80 70 62" {...line} />}
    </svg>
  );
}

/** "★★☆☆☆" for a rating, for tables and alerts (the number is always next to it). */
export function Stars({ rating }: { rating: number }) {
  const full = Math.max(0, Math.min(5, Math.round(rating)));
  return (
    <span className="fb-stars" aria-hidden="true">
      <span className="fb-stars-on">{'★'.repeat(full)}</span>
      <span className="fb-stars-off">{'★'.repeat(5 - full)}</span>
    </span>
  );
}

export const isRating = (n: number): n is Rating => n === 1 || n === 2 || n === 3 || n === 4 || n === 5;
