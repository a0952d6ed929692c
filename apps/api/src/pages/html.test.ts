import { escapeHtml, html, trusted } from './html';

test('values are escaped, markup built by html or trusted is not, lists join, absent values vanish', () => {
  const name = `<script>alert("x")</script> & 'co'`;
  expect(escapeHtml(name)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;');
  const inner = html`<b>${name}</b>`;
  expect(html`<p>${inner}${trusted('<br>')}${[1, ' & ', 2]}${null}${undefined}${false}</p>`.text).toBe(
    '<p><b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</b><br>1 &amp; 2</p>',
  );
  expect(html`<a href="/?date=${'x" onclick="y'}">`.text).toBe('<a href="/?date=x&quot; onclick=&quot;y">');
});
