// The migrations panel: what the status command said when the studio started (applied, pending, drift,
// schema differences, lock), per context.
import { api } from './api.js';
import { h, clear } from './dom.js';

export async function showMigrations(main) {
  clear(main).append(h('h1', {}, 'Migrations'), h('p', { class: 'muted' }, 'Loading…'));
  let status;
  try {
    status = await api.migrations();
  } catch (error) {
    main.lastChild.replaceWith(h('p', { class: 'error' }, error.message));
    return;
  }
  main.lastChild.remove();
  const reports = status === null || status === undefined ? [] : Array.isArray(status) ? status : status.contexts || [status];
  if (!reports.length) {
    main.append(h('p', { class: 'muted' }, 'No migration status: the studio was started without one.'));
    return;
  }
  main.append(h('p', { class: 'muted' }, 'As dotnet cognova status reported it when the studio started.'));
  for (const report of reports) main.append(contextReport(report));
}

function contextReport(report) {
  if (!report || !Array.isArray(report.applied)) {
    return h('pre', { class: 'sql' }, JSON.stringify(report, null, 2));
  }
  const pending = new Set(report.pending || []);
  const unknown = new Set(report.unknown || []);
  const ids = [...(report.migrations || []), ...(report.unknown || [])];
  const rows = ids.map((id) => {
    const state = unknown.has(id) ? 'unknown' : pending.has(id) ? 'pending' : report.applied.includes(id) ? 'applied' : 'pending';
    return h('tr', { 'data-migration': id }, h('td', {}, h('span', { class: `state ${state}` }, state)), h('td', {}, id));
  });
  const drift = (report.model && report.model.drift) || [];
  const schema = report.schema || {};
  const lock = report.lock || {};
  return h('section', { class: 'migrations', 'data-context': report.context || '' },
    h('h2', {}, report.context || 'Context'),
    h('p', {}, `${report.applied.length} applied, ${pending.size} pending${unknown.size ? `, ${unknown.size} unknown to the code` : ''}`),
    rows.length ? h('table', { class: 'grid compact' }, h('tbody', {}, rows)) : h('p', { class: 'muted' }, 'No migrations in the code.'),
    h('h3', {}, 'Model'),
    report.model && !report.model.hasMigrations ? h('p', { class: 'warning' }, 'No migrations yet: dotnet cognova generate InitialCreate')
      : drift.length ? [h('p', { class: 'warning' }, `${drift.length} change(s) no migration captures:`), h('ul', {}, drift.map((d) => h('li', {}, d)))]
        : h('p', { class: 'success' }, `Matches the snapshot of ${(report.model && report.model.snapshotOf) || 'the last migration'}.`),
    h('h3', {}, 'Schema'),
    !schema.compared ? h('p', { class: 'muted' }, `Not compared${schema.skippedBecause ? `: ${schema.skippedBecause}` : ''}.`)
      : (schema.differences || []).length || (schema.unexplained || []).length
        ? h('ul', {}, [...(schema.differences || []), ...(schema.unexplained || [])].map((d) => h('li', {}, d)))
        : h('p', { class: 'success' }, 'Matches what the applied migrations create.'),
    h('h3', {}, 'Lock'),
    !lock.exists ? h('p', { class: 'muted' }, 'No lock file yet.')
      : (lock.problems || []).length ? h('ul', {}, lock.problems.map((p) => h('li', { class: 'error' }, `${p.code}: ${p.message}`)))
        : (lock.notLocked || []).length ? h('p', { class: 'warning' }, `Not locked: ${lock.notLocked.join(', ')}`)
          : h('p', { class: 'success' }, 'Every migration is locked.'));
}
