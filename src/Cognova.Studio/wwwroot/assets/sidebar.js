// The table list: grouped by DbContext (tables its entities map to) and then by schema; every other
// table, view and schema of the database after them. C# names beside SQL names, the row estimate.
import { h, clear, formatCount } from './dom.js';
import { tableHref, parseRoute } from './router.js';

export function renderSidebar(sidebar, { tables, model }) {
  const search = h('input', { type: 'search', placeholder: 'Find a table…', 'aria-label': 'Find a table', 'data-role': 'table-search' });
  const list = h('div', { class: 'table-groups' });
  const draw = () => {
    const needle = search.value.trim().toLowerCase();
    const visible = tables.filter((t) => !needle
      || `${t.schema}.${t.name}`.toLowerCase().includes(needle)
      || t.entities.some((e) => e.clrName.toLowerCase().includes(needle)));
    clear(list).append(...groups(visible, model));
  };
  search.addEventListener('input', draw);
  clear(sidebar).append(search, list);
  draw();
}

function groups(tables, model) {
  const contextNames = [...new Set([
    ...((model && model.contexts) || []).map((c) => c.name),
    ...tables.flatMap((t) => t.entities.map((e) => e.context)),
  ])];
  const sections = contextNames.map((name) => section(name, tables.filter((t) => t.entities.some((e) => e.context === name)), name));
  const unmapped = tables.filter((t) => t.entities.length === 0);
  if (unmapped.length) sections.push(section(contextNames.length ? 'Not in the model' : 'Tables', unmapped, null));
  return sections;
}

function section(title, tables, contextName) {
  if (!tables.length) return null;
  const bySchema = new Map();
  for (const table of tables) {
    if (!bySchema.has(table.schema)) bySchema.set(table.schema, []);
    bySchema.get(table.schema).push(table);
  }
  return h('details', { class: 'table-group', open: true, 'data-context': contextName || '' },
    h('summary', {}, title),
    [...bySchema].map(([schema, list]) => h('div', { class: 'schema' },
      h('h3', {}, schema),
      h('ul', {}, list.map((table) => item(table, contextName))))));
}

function item(table, contextName) {
  const entity = table.entities.find((e) => e.context === contextName) || table.entities[0];
  const route = parseRoute();
  const active = route.view === 'table' && route.schema === table.schema && route.table === table.name;
  return h('li', {},
    h('a', {
      href: tableHref(table.schema, table.name), 'data-table': `${table.schema}.${table.name}`, class: active ? 'active' : null,
      title: entity ? entity.name : `${table.schema}.${table.name}`,
    },
      h('span', { class: 'sql-name' }, table.name),
      entity && entity.clrName !== table.name ? h('span', { class: 'clr-name' }, entity.clrName) : null,
      table.kind !== 'table' ? h('span', { class: 'kind' }, kindLabel(table.kind)) : null,
      h('span', { class: 'estimate', title: 'Estimated rows (reltuples)' }, table.estimate === null || table.estimate === undefined ? '' : `≈${formatCount(table.estimate)}`)));
}

function kindLabel(kind) {
  return { view: 'view', materializedView: 'mat. view', foreignTable: 'foreign', partitionedTable: 'partitioned' }[kind] || kind;
}
