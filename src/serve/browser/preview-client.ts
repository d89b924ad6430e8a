/**
 * The script of the served page (see ../preview-page.ts). It runs in the browser, where it
 * listens for builds, puts each new one in place and shows the problems of a failed one.
 * Compiled on its own (tsconfig.json beside it: the DOM's types, not Node's) into
 * dist/serve/browser/, and inlined by the server as `startPreview(<build shown>)`.
 */

/** What the server sends after each build; PreviewState in ../preview-page.ts. */
interface PreviewState {
  readonly build: number;
  readonly problems: readonly { readonly where: string; readonly path: string; readonly message: string }[];
  readonly error?: string;
}

/** A build's HTML as the server sent it (no script), to rebuild the next one from its change. */
interface Build {
  readonly build: number;
  readonly text: string;
}

const overlayStyle =
  'position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;z-index:2147483647;background:#2b0b0b;color:#fff;' +
  'font:14px/1.45 ui-monospace,monospace;padding:12px 16px;border-top:4px solid #e5484d;white-space:pre-wrap';

// Marks for the browser's performance panel (and the bench): where an update spends its time.
function mark(name: string): void {
  performance.clearMarks(name);
  performance.mark(name);
}

// The policy the report carries, without what the served copy adds for this script.
function policyOf(doc: Document): string {
  return (doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '').replace(
    /; script-src 'nonce-[^']*'; connect-src 'self'$/,
    '',
  );
}

// Styles whose text is unchanged (the inline fonts, most of the page's bytes) stay parsed and
// decoded. False when the head cannot be matched style for style: the page must reload.
function keepStyles(next: Document): boolean {
  const oldStyles = [...document.head.querySelectorAll('style')];
  const newStyles = [...next.head.querySelectorAll('style')];
  if (oldStyles.length !== newStyles.length) return false;
  newStyles.forEach((style, i) => {
    const old = oldStyles[i];
    if (old && style.textContent !== old.textContent) old.replaceWith(document.adoptNode(style));
  });
  return true;
}

// Chart images the build left as they were keep their decoded pictures.
function keepImages(body: HTMLElement): void {
  const images = new Map([...document.body.querySelectorAll('img')].map((img) => [img.getAttribute('src'), img]));
  for (const img of body.querySelectorAll('img')) {
    const old = images.get(img.getAttribute('src'));
    if (
      !old ||
      old.attributes.length !== img.attributes.length ||
      [...img.attributes].some((a) => old.getAttribute(a.name) !== a.value)
    )
      continue;
    images.delete(img.getAttribute('src'));
    img.replaceWith(old);
  }
}

// Tells the server once the new text is laid out, so that Chromium prints the PDF after,
// not while, this page does its work.
function shownNow(): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      fetch('/shown', { cache: 'no-store' }).catch(() => undefined);
    }),
  );
}

// Called by the script the server inlines, so nothing here refers to it.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
function startPreview(initial: number): void {
  let shown = initial;
  let box: HTMLElement | undefined;
  let base: Build | undefined;

  // Built with textContent only: messages quote profile text.
  const overlay = (state: PreviewState): void => {
    box?.remove();
    box = undefined;
    if (state.problems.length === 0 && !state.error) return;
    box = document.createElement('div');
    box.id = 'profile-report-problems';
    box.setAttribute('role', 'alert');
    box.style.cssText = overlayStyle;
    const title = document.createElement('strong');
    title.textContent = 'The last edit did not build; this is the last good report.';
    box.append(title);
    const lines = state.problems.map((p) => `${p.where}  ${p.path || '(file)'}  ${p.message}`);
    for (const text of state.error ? [...lines, state.error] : lines) {
      const line = document.createElement('div');
      line.textContent = text;
      box.append(line);
    }
    document.body.append(box);
  };

  // The next build, rebuilt from only what changed since `base` (see ../page-delta.ts). A
  // rebuilt text of the wrong length is refused.
  const fetchBuild = async (): Promise<Build> => {
    const response = await fetch(`/next?from=${base ? base.build : 0}`, { cache: 'no-store' });
    if (!response.ok) throw new Error('no build to show');
    const body = await response.text();
    const header = (name: string): string => response.headers.get(`x-preview-${name}`) ?? '';
    const [start = 0, end = 0] = header('keep').split(',').map(Number);
    const text =
      base && Number(header('from')) === base.build
        ? base.text.slice(0, start) + body + base.text.slice(base.text.length - end)
        : body;
    if (text.length !== Number(header('length'))) throw new Error('the page could not be rebuilt');
    base = { build: Number(header('build')), text };
    return base;
  };

  // The new build replaces the body in place rather than reloading the page, so the reader
  // keeps their place. Anything else (another policy, a failed fetch) reloads.
  const swap = async (): Promise<void> => {
    const { build, text } = await fetchBuild();
    mark('preview-fetched');
    // A parsed document's scripts never run (and the build's HTML has none).
    const next = new DOMParser().parseFromString(text, 'text/html');
    mark('preview-parsed');
    for (const old of next.querySelectorAll('script')) old.remove();
    if (policyOf(next) !== policyOf(document) || !keepStyles(next)) {
      location.reload();
      return;
    }
    for (const name of ['lang', 'dir']) {
      const value = next.documentElement.getAttribute(name);
      if (value === null) document.documentElement.removeAttribute(name);
      else document.documentElement.setAttribute(name, value);
    }
    document.title = next.title;
    const body = document.adoptNode(next.body);
    keepImages(body);
    box = undefined;
    document.body.replaceWith(body);
    shown = build;
    mark('preview-swapped');
  };

  if (document.readyState === 'complete') shownNow();
  else addEventListener('load', shownNow);

  // The build shown now, fetched while nothing else happens, so the next save needs only its change.
  let queue: Promise<unknown> = fetchBuild().catch(() => undefined);
  const events = new EventSource('/events');
  events.addEventListener('state', (event) => {
    const state = JSON.parse(event.data as string) as PreviewState;
    mark('preview-event');
    queue = queue
      .then(async () => {
        if (state.build !== shown) {
          await swap();
          shownNow();
        }
        overlay(state);
      })
      .catch(() => {
        location.reload();
      });
  });
}
