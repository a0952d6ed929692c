import { html, trusted, type Html } from './html';
import { PAGE_CSS } from './page-style';

/** The page's views, for the navigation. */
export type ViewName = 'day' | 'outlook' | 'record' | 'models';

/** What every view puts in the shell. */
export interface LayoutOptions {
  title: string;
  active?: ViewName;
  /** True when what the view shows is demo data (a generated league): a banner says so. */
  demo: boolean;
  body: Html;
}

const STYLE = trusted(`<style>${PAGE_CSS}</style>`);

const NAV: readonly [ViewName, string, string][] = [
  ['day', '/', 'Games'],
  ['outlook', '/outlook', 'Outlook'],
  ['record', '/record', 'Record'],
  ['models', '/models', 'Models'],
];

const DEMO_TEXT = trusted(
  'These games, lines and forecasts come from a generated league (the zero-setup demo), not the real NBA.',
);

/** The demo banner: words, not only a colour, on every view that shows generated data. */
export const DEMO_BANNER = html`<p class="demo" role="note"><strong>Demo data.</strong> ${DEMO_TEXT}</p>`;

const FOOTER = trusted(
  "Forecasts of the home team winning, from the models in the registry, beside the betting market's closing line. " +
    'Times are US Eastern unless your browser shows your own.',
);

/** The HTML document around a view: head, navigation, demo banner, footer. */
export function layout(options: LayoutOptions): string {
  const links = NAV.map(
    ([name, href, label]) =>
      html`<a href="${href}"${options.active === name ? trusted(' aria-current="page"') : ''}>${label}</a>`,
  );
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${options.title} · NBA forecasts</title>
${STYLE}
<script src="/assets/page.js" defer></script>
</head>
<body>
<header class="site"><nav class="site" aria-label="Site"><a class="brand" href="/">NBA forecasts</a>${links}<a href="/docs">API</a></nav></header>
<main id="main">
${options.demo ? DEMO_BANNER : ''}${options.body}
</main>
<footer class="site">${FOOTER}</footer>
</body>
</html>
`.text;
}
