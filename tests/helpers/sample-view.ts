import { BuildContext } from '../../src/build-context.js';
import { buildSampleHtml } from './sample-build.js';

/** The view the sample's templates are rendered with, as the pipeline hands it to them. */
export async function sampleView(): Promise<object> {
  const context = new BuildContext();
  const render = context.renderTemplates.bind(context);
  let view: object | undefined;
  context.renderTemplates = (set, page, timeoutMs) => {
    view = page;
    return render(set, page, timeoutMs);
  };
  try {
    await buildSampleHtml({ context });
  } finally {
    await context.close();
  }
  if (!view) throw new Error('the sample was built without rendering its templates');
  return view;
}
