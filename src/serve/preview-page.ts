import { randomBytes } from 'node:crypto';

/** What the browser is told after each build: the build number, and the problems if it failed. */
export interface PreviewState {
  readonly build: number;
  readonly problems: readonly { readonly where: string; readonly path: string; readonly message: string }[];
  readonly error?: string;
}

/**
 * The report as served for the live preview: the built HTML with a small script that listens
 * for rebuilds (server-sent events), reloads on a new build and shows problems as an overlay.
 * Only this served copy carries a script; the files on disk stay script-free. The report's
 * Content-Security-Policy is kept and extended by exactly that script (by nonce) and a
 * connection back to this server.
 */
export function previewPage(html: string, build: number): string {
  const nonce = randomBytes(16).toString('base64');
  const withPolicy = html.replace(/(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/i, (_m, open: string, policy: string, close: string) => `${open}${policy}; script-src 'nonce-${nonce}'; connect-src 'self'${close}`);
  const script = `<script nonce="${nonce}">${reloadScript(build)}</script>`;
  return withPolicy.includes('</body>') ? withPolicy.replace('</body>', `${script}</body>`) : `${withPolicy}${script}`;
}

/** Before the first good build: a blank page that still shows the overlay and reloads. */
export function waitingPage(build: number): string {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>profile-report preview</title></head><body><p style="font:16px system-ui;margin:2rem">Waiting for the first good build…</p></body></html>`;
  return previewPage(html, build);
}

// Runs in the browser. Builds the overlay with textContent only: messages quote profile text.
function reloadScript(build: number): string {
  return `(() => {
  const shown = ${JSON.stringify(build)};
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
  const events = new EventSource('/events');
  events.addEventListener('state', (event) => {
    const state = JSON.parse(event.data);
    if (state.build !== shown) location.reload();
    else overlay(state);
  });
})();`;
}
