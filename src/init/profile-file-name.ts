import { slug } from '../derive/format.js';

/**
 * The file name `init NAME` (and `import --new NAME`) gives a profile: the name in lower case
 * with words joined by dashes, in whatever script it is written (`曾妍.yaml`, `zoe-celik.yaml`,
 * `иван-петров.yaml`), so that two people never share a file name merely because their names
 * are not in Latin script.
 */
export function profileFileName(name: string): string {
  return `${slug(name, { keep: 'letters', fallback: 'person', max: 60 })}.yaml`;
}
