/**
 * The largest import file. Records are bigger than profiles: an ORCID record or an OpenAlex page
 * of 200 works is a few MiB, a Google Scholar export of 500 papers about 500 KiB.
 */
export const importFileBytes = 8 * 1024 * 1024;
