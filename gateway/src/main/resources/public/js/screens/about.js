// About: what the desk runs (the gateway, the services behind it, the database where ./helpdesk up runs it), whether
// each is healthy, and where its API is documented.
import { api } from '../api.js';
import { h, data, mount, errorBox, loading, formatDate } from '../dom.js';
import { t, hasText } from '../i18n.js';

// What ./helpdesk up's supervisor says, when it runs: restarts and how long the process has been up.
function supervised(s) {
  const p = s.supervision;
  if (!p) return '—';
  return [stateText(p.state), p.since ? t('about.since', { time: formatDate(p.since) }) : null,
    t('about.restarts', { count: p.restarts })].filter(Boolean).join(' · ');
}

/** The supervisor's state (UP, RESTARTING, FAILING, STOPPED) in words; one the catalogue does not know as itself. */
function stateText(state) {
  return hasText(`about.state.${state}`) ? t(`about.state.${state}`) : state;
}

function healthBadge(health) {
  const words = hasText(`about.health.${health}`) ? t(`about.health.${health}`) : health;
  const mark = { UP: '✓', UNKNOWN: '?' }[health] || '✗';
  return h('span', { class: `badge status-${String(health).toLowerCase()}` }, `${mark} ${words}`);
}

export async function render(container) {
  const list = h('div', { class: 'table-scroll' }, loading(t('about.asking')));
  container.append(h('section', { class: 'page' }, h('h1', {}, t('about.title')),
    h('p', { class: 'lead' }, t('about.lead')),
    h('section', { class: 'card' }, h('h2', {}, t('about.services')), list,
      h('p', { class: 'hint' }, t('about.note')))));
  const links = (swaggerUi, health) => [h('a', { href: swaggerUi }, t('about.swaggerUi')), ' · ',
    h('a', { href: health }, t('about.healthLink'))];
  try {
    const services = await api('/api/services');
    mount(list, h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, ['service', 'serves', 'health', 'supervisor', 'api']
        .map(column => h('th', { scope: 'col' }, t(`about.column.${column}`))))),
      h('tbody', {},
        services.map(s => h('tr', {}, h('td', {}, data('span', {}, s.name)),
          h('td', {}, s.prefix ? data('code', {}, s.prefix) : '—'),
          h('td', {}, healthBadge(s.health)),
          h('td', {}, supervised(s)),
          h('td', {}, s.swaggerUi ? links(s.swaggerUi, s.healthUrl) : '—'))))));
  } catch (err) {
    mount(list, errorBox(err));
  }
}
