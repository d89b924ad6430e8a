/**
 * The script of the served page (see preview-page.ts), as text: it runs in the browser, where
 * it listens for builds, puts each new one in place and shows the problems of a failed one.
 */
// Builds the overlay with textContent only: messages quote profile text.
export function reloadScript(build: number): string {
  return `(() => {
  let shown = ${JSON.stringify(build)};
  let box;
  const overlay = (state) => {
    if (box) box.remove();
    box = undefined;
    if (!state.problems.length && !state.error) return;
    box = document.createElement('div');
    box.id = 'profile-report-problems';
    box.setAttribute('role', 'alert');
    box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;z-index:2147483647;background:#2b0b0b;color:#fff;font:14px/1.45 ui-monospace,monospace;padding:12px 16px;border-top:4px solid #e5484d;white-space:pre-wrap';
    const title = document.createElement('strong');
    title.textContent = 'The last edit did not build; this is the last good report.';
    box.append(title);
    for (const p of state.problems) {
      const line = document.createElement('div');
      line.textContent = p.where + '  ' + (p.path || '(file)') + '  ' + p.message;
      box.append(line);
    }
    if (state.error) {
      const line = document.createElement('div');
      line.textContent = state.error;
      box.append(line);
    }
    document.body.append(box);
  };
  // Marks for the browser's performance panel (and the bench): where an update spends its time.
  const mark = (name) => {
    performance.clearMarks(name);
    performance.mark(name);
  };
  // The HTML of a build as the server sent it (no script), to rebuild the next one from only
  // what changed (see page-delta.ts). A rebuilt text of the wrong length is refused.
  let base;
  const fetchBuild = async () => {
    const response = await fetch('/next?from=' + (base ? base.build : 0), { cache: 'no-store' });
    if (!response.ok) throw new Error('no build to show');
    const body = await response.text();
    const header = (name) => response.headers.get('x-preview-' + name) || '';
    const [start, end] = header('keep').split(',').map(Number);
    const text = base && Number(header('from')) === base.build ? base.text.slice(0, start) + body + base.text.slice(base.text.length - end) : body;
    if (text.length !== Number(header('length'))) throw new Error('the page could not be rebuilt');
    base = { build: Number(header('build')), text };
    return base;
  };
  // The policy the report carries, without what the served copy adds for this script.
  const policyOf = (doc) => (doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') || '').replace(/; script-src 'nonce-[^']*'; connect-src 'self'$/, '');
  // The new build replaces the body in place rather than reloading the page: the styles whose
  // text is unchanged (the inline fonts, most of the page's bytes) stay parsed and decoded, and
  // the reader keeps their place. Anything else (another policy, a failed fetch) reloads.
  const swap = async () => {
    const { build, text } = await fetchBuild();
    mark('preview-fetched');
    // A parsed document's scripts never run (and the build's HTML has none).
    const next = new DOMParser().parseFromString(text, 'text/html');
    mark('preview-parsed');
    if (policyOf(next) !== policyOf(document)) return location.reload();
    for (const old of next.querySelectorAll('script')) old.remove();
    const oldStyles = [...document.head.querySelectorAll('style')];
    const newStyles = [...next.head.querySelectorAll('style')];
    if (oldStyles.length !== newStyles.length) return location.reload();
    newStyles.forEach((style, i) => {
      if (style.textContent !== oldStyles[i].textContent) oldStyles[i].replaceWith(document.adoptNode(style));
    });
    for (const name of ['lang', 'dir']) {
      const value = next.documentElement.getAttribute(name);
      if (value === null) document.documentElement.removeAttribute(name);
      else document.documentElement.setAttribute(name, value);
    }
    document.title = next.title;
    // Chart images the build left as they were keep their decoded pictures.
    const body = document.adoptNode(next.body);
    const images = new Map([...document.body.querySelectorAll('img')].map((img) => [img.getAttribute('src'), img]));
    for (const img of body.querySelectorAll('img')) {
      const old = images.get(img.getAttribute('src'));
      if (!old || old.attributes.length !== img.attributes.length || [...img.attributes].some((a) => old.getAttribute(a.name) !== a.value)) continue;
      images.delete(img.getAttribute('src'));
      img.replaceWith(old);
    }
    box = undefined;
    document.body.replaceWith(body);
    shown = build;
    mark('preview-swapped');
  };
  // Tells the server once the new text is laid out, so that Chromium prints the PDF after,
  // not while, this page does its work.
  const shownNow = () => requestAnimationFrame(() => setTimeout(() => fetch('/shown', { cache: 'no-store' }).catch(() => {})));
  if (document.readyState === 'complete') shownNow();
  else addEventListener('load', shownNow);
  // The build shown now, fetched while nothing else happens, so the next save needs only its change.
  let queue = fetchBuild().catch(() => undefined);
  const events = new EventSource('/events');
  events.addEventListener('state', (event) => {
    const state = JSON.parse(event.data);
    mark('preview-event');
    queue = queue.then(async () => {
      if (state.build !== shown) {
        await swap();
        shownNow();
      }
      overlay(state);
    }).catch(() => location.reload());
  });
})();`;
}
