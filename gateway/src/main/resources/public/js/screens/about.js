// About: what runs behind the gateway, whether each service is healthy, and where its API is documented.
import { api } from '../api.js';
import { h, mount, errorBox, loading, timeAgo } from '../dom.js';

// What ./helpdesk up's supervisor says, when it runs: restarts and how long the process has been up.
function supervised(s) {
  const p = s.supervision;
  if (!p) return '—';
  const restarts = `${p.restarts} restart${p.restarts === 1 ? '' : 's'}`;
  return [p.state, p.since ? `since ${timeAgo(p.since)}` : null, restarts].filter(Boolean).join(' · ');
}

export async function render(container) {
  const list = h('div', {}, loading('Asking the services…'));
  container.append(h('section', { class: 'page' }, h('h1', {}, 'About Campus Helpdesk'),
    h('p', { class: 'lead' }, 'Students report problems, the helpdesk answers and closes them, and three analytics '
      + 'services follow every change live. This gateway serves the web pages and passes requests on.'),
    h('section', { class: 'card' }, h('h2', {}, 'Services'), list,
      h('p', { class: 'hint' }, 'Swagger UI and OpenAPI links open each service directly; in a deployment where only '
        + 'the gateway is published they are reachable from inside the network only.'))));
  try {
    const services = await api('/api/services');
    mount(list, h('table', { class: 'table' },
      h('thead', {}, h('tr', {}, ['Service', 'Serves', 'Health', 'Supervisor', 'API'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {},
        h('tr', {}, h('td', {}, 'gateway'), h('td', {}, '/, /api/session, /api/live'),
          h('td', {}, h('span', { class: 'badge status-up' }, '✓ UP')), h('td', {}, '—'),
          h('td', {}, h('a', { href: '/swagger-ui/index.html' }, 'Swagger UI'), ' · ', h('a', { href: '/health' }, 'health'))),
        services.map(s => h('tr', {}, h('td', {}, s.name), h('td', {}, h('code', {}, s.prefix)),
          h('td', {}, h('span', { class: `badge status-${s.health.toLowerCase()}` }, `${s.health === 'UP' ? '✓' : '✗'} ${s.health}`)),
          h('td', {}, supervised(s)),
          h('td', {}, s.swaggerUi ? [h('a', { href: s.swaggerUi }, 'Swagger UI'), ' · ', h('a', { href: s.healthUrl }, 'health')] : '—'))))));
  } catch (err) {
    mount(list, errorBox(err));
  }
}
