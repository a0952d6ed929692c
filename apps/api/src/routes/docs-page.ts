/**
 * The interactive documentation page: a small self-contained renderer of /openapi.json (no CDN is
 * reachable from the deployment, and the CSP allows only same-origin scripts). It lists the
 * operations by tag with their parameters, bodies and responses, and can send requests.
 */
export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>NBA predictions API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:980px;padding:16px;color:#1d2330}
h1{font-size:22px}h2{font-size:17px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:28px}
details{border:1px solid #d6dbe4;border-radius:6px;margin:8px 0;background:#fafbfd}
summary{cursor:pointer;padding:8px 10px;font-weight:600}
.m{display:inline-block;min-width:52px;text-align:center;border-radius:4px;color:#fff;font-size:12px;padding:2px 6px;margin-right:8px}
.get{background:#2f7bd8}.post{background:#2e9d5b}.body{padding:0 12px 12px}
pre{background:#f0f2f6;padding:8px;border-radius:4px;overflow:auto;max-height:360px;font-size:12px}
textarea{width:100%;min-height:110px;font:12px monospace}input{font:13px monospace;margin:2px 6px 2px 0}
button{padding:4px 14px;margin-top:6px;cursor:pointer}.status{font-weight:600}
</style></head>
<body><h1>NBA predictions API</h1><p id="desc">Loading <a href="/openapi.json">/openapi.json</a>…</p><div id="ops"></div>
<script src="/docs/app.js"></script></body></html>
`;

export const DOCS_JS = `'use strict';
(async function () {
  const doc = await (await fetch('/openapi.json')).json();
  const schemas = (doc.components && doc.components.schemas) || {};
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const k of kids) e.append(k);
    return e;
  };
  const resolve = (s, depth) => {
    if (!s || depth > 8) return s;
    if (s.$ref) return resolve(schemas[s.$ref.split('/').pop()], depth + 1);
    if (Array.isArray(s)) return s.map((x) => resolve(x, depth + 1));
    if (typeof s !== 'object') return s;
    const out = {};
    for (const [k, v] of Object.entries(s)) out[k] = typeof v === 'object' ? resolve(v, depth + 1) : v;
    return out;
  };
  const example = (s) => {
    if (!s) return null;
    if (s.example !== undefined) return s.example;
    if (s.default !== undefined) return s.default;
    if (s.enum) return s.enum[0];
    if (s.anyOf) return example(s.anyOf[0]);
    if (s.type === 'object') {
      const o = {};
      for (const k of s.required || Object.keys(s.properties || {})) o[k] = example((s.properties || {})[k]);
      return o;
    }
    if (s.type === 'array') return [example(s.items)];
    return { string: 'text', integer: 1, number: 0.5, boolean: false }[s.type] ?? null;
  };
  document.getElementById('desc').textContent = doc.info.description + ' (OpenAPI ' + doc.openapi + ', version ' + doc.info.version + ')';
  const root = document.getElementById('ops');
  for (const tag of doc.tags) {
    root.append(el('h2', {}, tag.name + ' — ' + tag.description));
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (!op.tags.includes(tag.name)) continue;
        const body = el('div', { class: 'body' });
        const inputs = {};
        for (const p of op.parameters || []) {
          const s = resolve(p.schema, 0);
          inputs[p.name] = el('input', { placeholder: p.name, value: String(example(s) ?? '') });
          body.append(el('div', {}, el('code', {}, p.name + (p.required ? ' (required) ' : ' ')), inputs[p.name]));
        }
        let textarea;
        if (op.requestBody) {
          const s = resolve(op.requestBody.content['application/json'].schema, 0);
          textarea = el('textarea', {});
          textarea.value = JSON.stringify(example(s), null, 2);
          body.append(el('div', {}, 'Request body'), textarea, el('details', {}, el('summary', {}, 'Request schema'), el('pre', {}, JSON.stringify(s, null, 2))));
        }
        for (const [status, r] of Object.entries(op.responses)) {
          const media = r.content && Object.values(r.content)[0];
          body.append(el('details', {}, el('summary', {}, status + ' ' + r.description), el('pre', {}, JSON.stringify(resolve(media && media.schema, 0), null, 2))));
        }
        const out = el('pre', {}, '');
        const statusLine = el('div', { class: 'status' }, '');
        const send = el('button', {}, 'Send');
        send.addEventListener('click', async () => {
          const q = new URLSearchParams();
          for (const [k, i] of Object.entries(inputs)) if (i.value !== '') q.set(k, i.value);
          const url = path + (q.toString() ? '?' + q : '');
          const t0 = performance.now();
          try {
            const res = await fetch(url, { method: method.toUpperCase(), headers: textarea ? { 'content-type': 'application/json' } : {}, body: textarea ? textarea.value : undefined });
            const text = await res.text();
            statusLine.textContent = res.status + ' ' + res.statusText + ' in ' + Math.round(performance.now() - t0) + ' ms, request id ' + res.headers.get('x-request-id');
            try { out.textContent = JSON.stringify(JSON.parse(text), null, 2); } catch { out.textContent = text; }
          } catch (err) { statusLine.textContent = String(err); }
        });
        body.append(send, statusLine, out);
        root.append(el('details', {}, el('summary', {}, el('span', { class: 'm ' + method }, method.toUpperCase()), path + ' — ' + op.summary), body));
      }
    }
  }
})().catch((err) => { document.getElementById('desc').textContent = 'Cannot load the API description: ' + err; });
`;
