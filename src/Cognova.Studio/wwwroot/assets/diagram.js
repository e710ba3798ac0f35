// The entity-relationship diagram of the model: one SVG per context, a box per entity with a table or view
// (its columns, the key marked), a line per foreign key from the dependent's column to the principal.
// The layout is a grid in name order, so the same model always gives the same picture.
import { h, clear } from './dom.js';
import { tableHref } from './router.js';

const SVG = 'http://www.w3.org/2000/svg';
const BOX_WIDTH = 260;
const HEADER = 28;
const LINE = 18;
const GAP_X = 90;
const GAP_Y = 50;
const MARGIN = 20;

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child) element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

export function showDiagram(main, context) {
  const contexts = (context.model && context.model.contexts) || [];
  clear(main).append(h('h1', {}, 'Diagram'));
  if (!contexts.length) {
    main.append(h('p', { class: 'muted' }, 'The model has no DbContext with entities.'));
    return;
  }
  for (const dbContext of contexts) {
    main.append(h('h2', {}, dbContext.name), h('div', { class: 'diagram-scroll' }, contextDiagram(dbContext)));
  }
}

function drawnEntities(dbContext) {
  const byName = new Map(dbContext.entities.map((e) => [e.name, e]));
  return dbContext.entities
    .filter((e) => e.table && (e.storage || '').toLowerCase() !== 'none')
    // An owned type stored in its owner's table is part of the owner's box.
    .filter((e) => !(e.owned && byName.get(e.owned.owner) && byName.get(e.owned.owner).table === e.table))
    .sort((a, b) => a.clrName.localeCompare(b.clrName) || a.name.localeCompare(b.name));
}

function layout(entities) {
  const perRow = Math.max(1, Math.ceil(Math.sqrt(entities.length)));
  const boxes = new Map();
  let y = MARGIN;
  for (let start = 0; start < entities.length; start += perRow) {
    const row = entities.slice(start, start + perRow);
    let height = 0;
    row.forEach((entity, i) => {
      const columns = entity.properties.filter((p) => p.column);
      const box = { entity, columns, x: MARGIN + i * (BOX_WIDTH + GAP_X), y, height: HEADER + columns.length * LINE + 8 };
      boxes.set(entity.name, box);
      height = Math.max(height, box.height);
    });
    y += height + GAP_Y;
  }
  const width = MARGIN * 2 + Math.min(perRow, entities.length) * (BOX_WIDTH + GAP_X) - GAP_X;
  return { boxes, width: Math.max(width, BOX_WIDTH + 2 * MARGIN), height: y - GAP_Y + MARGIN };
}

function contextDiagram(dbContext) {
  const entities = drawnEntities(dbContext);
  const { boxes, width, height } = layout(entities);
  const root = svg('svg', { class: 'diagram', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Entities of ${dbContext.name}` },
    svg('defs', {}, svg('marker', { id: `arrow-${dbContext.name}`, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' },
      svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow' }))));
  const lines = svg('g', { class: 'relationships' });
  root.append(lines);
  for (const box of boxes.values()) root.append(entityBox(box));
  for (const box of boxes.values()) {
    for (const fk of box.entity.foreignKeys || []) {
      if (fk.isOwnership) continue;
      const target = boxes.get(fk.principalEntity);
      if (!target) continue;
      lines.append(relationship(box, target, fk, dbContext.name));
    }
  }
  return root;
}

function entityBox(box) {
  const { entity, columns, x, y, height } = box;
  const keys = new Set((entity.primaryKey && entity.primaryKey.columns) || []);
  const foreign = new Set((entity.foreignKeys || []).flatMap((fk) => fk.columns));
  const title = entity.schema ? `${entity.schema}.${entity.table}` : entity.table;
  const group = svg('a', { href: tableHref(entity.schema || 'public', entity.table), class: 'entity-box', 'data-entity': entity.clrName },
    svg('rect', { x, y, width: BOX_WIDTH, height, rx: 6, class: 'box' }),
    svg('rect', { x, y, width: BOX_WIDTH, height: HEADER, rx: 6, class: 'box-head' }),
    svg('text', { x: x + 10, y: y + 19, class: 'box-title' }, entity.clrName),
    svg('text', { x: x + BOX_WIDTH - 10, y: y + 19, class: 'box-table', 'text-anchor': 'end' }, title));
  columns.forEach((property, i) => {
    const rowY = y + HEADER + 4 + i * LINE + 13;
    const mark = keys.has(property.column) ? 'PK ' : foreign.has(property.column) ? 'FK ' : '';
    group.append(
      svg('text', { x: x + 10, y: rowY, class: mark ? 'column key' : 'column' }, `${mark}${property.column}`),
      svg('text', { x: x + BOX_WIDTH - 10, y: rowY, class: 'column-type', 'text-anchor': 'end' }, `${shortType(property.storeType)}${property.isNullable ? '?' : ''}`));
  });
  return group;
}

function shortType(storeType) {
  return (storeType || '')
    .replace('timestamp with time zone', 'timestamptz')
    .replace('timestamp without time zone', 'timestamp')
    .replace('character varying', 'varchar');
}

// From the side of the dependent's FK column to the principal's title, on the sides that face each other.
function relationship(from, to, fk, contextName) {
  const index = Math.max(0, from.columns.findIndex((p) => p.column === fk.columns[0]));
  const y1 = from.y + HEADER + 4 + index * LINE + 9;
  const y2 = to.y + HEADER / 2;
  let d;
  if (from === to) {
    const x = from.x + BOX_WIDTH;
    d = `M ${x} ${y1} C ${x + 50} ${y1}, ${x + 50} ${y2}, ${x} ${y2}`;
  } else {
    const rightward = to.x >= from.x + BOX_WIDTH / 2 || (to.x === from.x ? false : to.x > from.x);
    const x1 = rightward ? from.x + BOX_WIDTH : from.x;
    const x2 = to.x === from.x ? to.x : rightward ? to.x : to.x + BOX_WIDTH;
    const bend = to.x === from.x ? -50 : (rightward ? 1 : -1) * Math.max(30, Math.abs(x2 - x1) / 2);
    d = to.x === from.x
      ? `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 + bend} ${y2}, ${x2} ${y2}`
      : `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`;
  }
  return svg('path', { d, class: 'relationship', 'marker-end': `url(#arrow-${contextName})`, 'data-fk': fk.name || '' },
    svg('title', {}, `${fk.columns.join(', ')} → ${fk.principalTable}${fk.onDelete ? ` (on delete ${fk.onDelete})` : ''}`));
}
