import { obj, str } from './json-source.js';
import type { ImportFormat } from './types.js';

/**
 * Which format a file is in, from its content (extensions lie: Zotero exports `.json` for both
 * CSL-JSON and its own format). Undefined when nothing fits; the caller says so.
 */
export function detectFormat(text: string, json: unknown): ImportFormat | undefined {
  if (json === undefined) return /@\s*[A-Za-z]+\s*[{(]/.test(text) ? 'bibtex' : undefined;
  if (Array.isArray(json)) return json.length === 0 || obj(json[0])?.['type'] !== undefined || obj(json[0])?.['title'] !== undefined ? 'csl-json' : undefined;
  const root = obj(json);
  if (!root) return undefined;
  if (root['orcid-identifier'] || root['activities-summary'] || isOrcidSection(root)) return 'orcid';
  const first = Array.isArray(root['results']) ? obj(root['results'][0]) : root;
  if (/^https?:\/\/openalex\.org\//i.test(str(first?.['id']) ?? '') || (Array.isArray(root['results']) && obj(root['meta']))) return 'openalex';
  if (obj(root['basics']) || Array.isArray(root['work']) || Array.isArray(root['publications']) || /jsonresume/i.test(str(root['$schema']) ?? '')) return 'json-resume';
  if (root['type'] !== undefined && root['title'] !== undefined) return 'csl-json';
  return undefined;
}

function isOrcidSection(root: Record<string, unknown>): boolean {
  if (Array.isArray(root['affiliation-group'])) return true;
  if (['employments', 'educations', 'distinctions', 'works'].some((k) => obj(root[k])?.['path'] !== undefined || Array.isArray(obj(root[k])?.['affiliation-group']))) return true;
  return Array.isArray(root['group']) && typeof root['path'] === 'string';
}
