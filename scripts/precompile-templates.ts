/**
 * `npm run build` (and `npm pack`) runs this after tsc: it writes the built-in templates,
 * precompiled, beside the compiled JavaScript (src/render/precompiled-templates.ts says where and
 * why), so a build with them neither compiles templates nor starts the template worker.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { precompiledTemplatesModule } from '../src/render/compile-templates.js';
import { readTemplateSet } from '../src/render/template-set.js';

const target = fileURLToPath(new URL('../dist/render/built-in-templates.precompiled.js', import.meta.url));
await writeFile(target, precompiledTemplatesModule(await readTemplateSet()));
