// How the dashboard writes its figures in the person's language: durations, shares and the period of a panel.
// Durations keep the dashboard's short units ("45 min", "1.5 h", "3.0 days") with the number written the language's
// way; Intl's own hour unit ("1.5 hr") would change what staff have read on this screen all along.
import { t, formatNumber } from '../../i18n.js';

const ONE_DECIMAL = { minimumFractionDigits: 1, maximumFractionDigits: 1 };

/** Hours as the dashboard shows them: under an hour in minutes, under two days in hours, beyond in days. */
export function duration(hoursValue) {
  if (hoursValue === null || hoursValue === undefined || !Number.isFinite(Number(hoursValue))) return '—';
  const value = Number(hoursValue);
  if (value < 1) return t('dashboard.duration.minutes', { count: Math.round(value * 60) });
  if (value < 48) return t('dashboard.duration.hours', { count: value, value: formatNumber(value, ONE_DECIMAL) });
  const days = value / 24;
  return t('dashboard.duration.days', { count: days, value: formatNumber(days, ONE_DECIMAL) });
}

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
