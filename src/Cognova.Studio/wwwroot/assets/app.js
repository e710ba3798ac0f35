// The studio's entry point: reads the session, the table list and the model, draws the sidebar and shows
// the view the address names (so a reload or a shared link restores it).
import { api } from './api.js';
import { h, clear } from './dom.js';
import { parseRoute, onRouteChange } from './router.js';
import { renderSidebar } from './sidebar.js';
import { showTable } from './grid.js';
import { showSql } from './sql.js';
import { showDiagram } from './diagram.js';
import { showMigrations } from './migrations.js';

const THEME_KEY = 'cognova-studio-theme';

function applyTheme(theme) {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

function currentTheme() {
  return document.documentElement.dataset.theme
    || (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

function setUpTheme() {
  applyTheme(localStorage.getItem(THEME_KEY));
  document.getElementById('theme-toggle').addEventListener('click', () => {
    const next = currentTheme() === 'dark' ? 'light' : 'dark';
    localStorage.setItem(THEME_KEY, next);
    applyTheme(next);
  });
}

function showHeader(session) {
  document.getElementById('database').textContent = `${session.database} on ${session.host}`;
  const mode = document.getElementById('mode');
  mode.textContent = session.readOnly ? 'Read-only' : 'Writable';
  mode.className = `badge ${session.readOnly ? 'readonly' : 'writable'}`;
  mode.title = session.readOnly
    ? 'PostgreSQL refuses writes on the studio\'s connections; start it with --write to edit.'
    : 'Edits are written to the database.';
  document.body.classList.toggle('read-only', session.readOnly);
  if (session.version) document.title = `Cognova Studio · ${session.database}`;
}

function showHome(main, context) {
  clear(main).append(
    h('h1', {}, session(context)),
    h('p', {}, `${context.tables.length} tables and views. Pick one on the left, or open the SQL console, the diagram or the migrations.`),
    h('ul', {}, (context.session.contexts || []).map((name) => h('li', {}, name))));
}

function session(context) {
  return `${context.session.database} on ${context.session.host}`;
}

function markNavigation(route) {
  for (const link of document.querySelectorAll('[data-nav]')) {
    link.classList.toggle('active', link.dataset.nav === route.view);
  }
  for (const link of document.querySelectorAll('#sidebar a[data-table]')) {
    link.classList.toggle('active', route.view === 'table' && link.dataset.table === `${route.schema}.${route.table}`);
  }
}

async function show(route, context) {
  const main = document.getElementById('main');
  markNavigation(route);
  switch (route.view) {
    case 'table': return showTable(main, route, context);
    case 'sql': return showSql(main, context);
    case 'diagram': return showDiagram(main, context);
    case 'migrations': return showMigrations(main);
    default: return showHome(main, context);
  }
}

async function start() {
  setUpTheme();
  const main = document.getElementById('main');
  let context;
  try {
    const [sessionInfo, tables, model] = await Promise.all([api.session(), api.tables(), api.model().catch(() => null)]);
    context = { session: sessionInfo, tables, model };
  } catch (error) {
    clear(main).append(h('p', { class: 'error' }, error.status === 401
      ? 'This page needs the studio\'s session: open the URL that dotnet cognova studio printed.'
      : error.message));
    return;
  }
  showHeader(context.session);
  renderSidebar(document.getElementById('sidebar'), context);
  onRouteChange((route) => show(route, context));
  await show(parseRoute(), context);
  document.body.dataset.ready = 'true';
}

start();
