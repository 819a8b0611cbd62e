// How the dashboard writes its figures in the person's language: shares and counts. Durations are dom.js `hours`
// ("45 min", "1.5 h", "3.0 days", the number written the language's way), as on every other screen.
import { t, formatNumber } from '../../i18n.js';

const ONE_DECIMAL = { minimumFractionDigits: 1, maximumFractionDigits: 1 };

/** A share (0..1) as a percentage with one decimal; '—' when there is none. */
export function percent(share) {
  if (share === null || share === undefined) return '—';
  return t('dashboard.percent', { value: formatNumber(Math.round(share * 1000) / 10, ONE_DECIMAL) });
}

/** A percentage already computed (e.g. 82.4) as the language writes it. */
export function percentValue(value) {
  return value === null || value === undefined ? '—' : t('dashboard.percent', { value: formatNumber(value) });
}

/** A number or '—', written the language's way (for table cells). */
export function figure(n) {
  return typeof n === 'number' && Number.isFinite(n) ? formatNumber(n) : (n ?? '—');
}
