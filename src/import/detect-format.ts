import { obj, str } from './json-source.js';
import { isSingleAffiliation, isSingleFunding, isSingleWork } from './orcid.js';
import type { ImportFormat } from './types.js';

/**
 * Which format a file is in, from its content (extensions lie: Zotero exports `.json` for both
 * CSL-JSON and its own format, and pyalex saves OpenAlex works as a plain array). Undefined when
 * nothing fits; the caller says so.
 */
export function detectFormat(text: string, json: unknown): ImportFormat | undefined {
  if (json === undefined) return /@\s*[A-Za-z]+\s*[{(]/.test(text) ? 'bibtex' : undefined;
  if (Array.isArray(json)) {
    const first = obj(json[0]);
    if (first && isOpenAlex(first)) return 'openalex';
    if (first && isOrcidItem(first)) return 'orcid';
    return json.length === 0 || first?.['type'] !== undefined || first?.['title'] !== undefined
      ? 'csl-json'
      : undefined;
  }
  const root = obj(json);
  if (!root) return undefined;
  if (isOpenAlex(root) || (Array.isArray(root['results']) && obj(root['meta']))) return 'openalex';
  if (
    root['orcid-identifier'] ||
    root['activities-summary'] ||
    isOrcidSection(root) ||
    isOrcidItem(root) ||
    Array.isArray(root['bulk'])
  )
    return 'orcid';
  if (
    obj(root['basics']) ||
    Array.isArray(root['work']) ||
    Array.isArray(root['publications']) ||
    /jsonresume/i.test(str(root['$schema']) ?? '')
  )
    return 'json-resume';
  if (root['type'] !== undefined && root['title'] !== undefined) return 'csl-json';
  return undefined;
}

function isOpenAlex(item: Record<string, unknown>): boolean {
  return /^https?:\/\/openalex\.org\//i.test(str(item['id']) ?? '');
}

function isOrcidItem(item: Record<string, unknown>): boolean {
  return isSingleWork(item) || isSingleFunding(item) || isSingleAffiliation(item);
}

function isOrcidSection(root: Record<string, unknown>): boolean {
  if (Array.isArray(root['affiliation-group'])) return true;
  if (
    ['employments', 'educations', 'distinctions', 'works'].some(
      (k) => obj(root[k])?.['path'] !== undefined || Array.isArray(obj(root[k])?.['affiliation-group']),
    )
  )
    return true;
  return Array.isArray(root['group']) && typeof root['path'] === 'string';
}
