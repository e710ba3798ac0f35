// A small element builder: h('button', { class: 'x', onclick: fn }, 'text', child).
// Handlers are attached with addEventListener (the CSP forbids inline handlers).

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'value') {
      element.value = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element) {
  while (element.firstChild) element.firstChild.remove();
  return element;
}

const overlay = () => document.getElementById('overlay');

/** Shows a dialog over the page; returns a function that closes it. Escape closes it too. */
export function openDialog(title, body, { className = '' } = {}) {
  const root = overlay();
  clear(root);
  const close = () => {
    root.hidden = true;
    clear(root);
    document.removeEventListener('keydown', onKey);
  };
  const onKey = (event) => { if (event.key === 'Escape') close(); };
  document.addEventListener('keydown', onKey);
  root.append(h('div', { class: `dialog ${className}`, role: 'dialog', 'aria-label': title },
    h('div', { class: 'dialog-head' },
      h('h2', {}, title),
      h('button', { type: 'button', class: 'ghost', 'aria-label': 'Close', onclick: close }, '×')),
    body));
  root.hidden = false;
  return close;
}

export function formatCount(value) {
  return value === null || value === undefined ? '?' : Number(value).toLocaleString('en-US');
}
