// `npm run build`, after tsc: the built-in message catalogues (templates/messages/*.yaml)
// compiled to JSON beside the compiled code, so a build reads them without parsing YAML.
// See src/i18n/compiled-catalogue.ts.
import { builtInMessagesDir } from '../dist/i18n/catalogue.js';
import { compiledCataloguesDir, writeCompiledCatalogues } from '../dist/i18n/compiled-catalogue.js';
import { shippedLanguages } from '../dist/i18n/languages.js';

writeCompiledCatalogues(builtInMessagesDir, compiledCataloguesDir, shippedLanguages);
