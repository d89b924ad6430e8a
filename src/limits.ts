/**
 * Caps on untrusted input. Profiles are shared between people, so each cap is named in the
 * error it produces and set well above anything a real profile needs: a profile of 200 papers,
 * 30 models and 40 career entries is about 150 KiB.
 */
export const limits = {
  /** Largest profile or report spec, in bytes. */
  fileBytes: 1024 * 1024,
  /** Largest template or CSS file in a template folder, in bytes. */
  templateBytes: 512 * 1024,
  /** Most files a template folder may hold (the built-in set has 13). */
  templateFiles: 64,
  /** All the files of a template folder together, in bytes. */
  templateFolderBytes: 2 * 1024 * 1024,
  /** Heap of the worker that runs the templates, in MiB: a template that grows past it is stopped. */
  templateHeapMb: 512,
  /** Largest HTML the templates may produce, in characters (the 8 x 200-paper report is ~9 MB). */
  htmlChars: 64 * 1024 * 1024,
  /** Deepest nesting of YAML mappings and lists. A profile needs 5. */
  depth: 32,
  /** Most values a document may expand to through aliases (`*name`). */
  aliasExpansion: 10_000,
  /** Most people in one report. */
  people: 8,
  papers: 500,
  models: 100,
  careerEntries: 100,
  educationEntries: 30,
  balancePoints: 20,
  sources: 1000,
  /** Innovations, metrics, evidence and other short lists. */
  listItems: 50,
  /** Names, titles, labels. */
  shortText: 300,
  /** Summaries, notes, evidence. */
  longText: 4000,
  /** Marks a single chart may draw before it aggregates or keeps the top entries. */
  chartPoints: 400,
  /** Largest portrait file (`person.photo`), in bytes: a phone's full-size photo is 3 to 8 MiB. */
  portraitBytes: 16 * 1024 * 1024,
  /** Most pixels a portrait may declare, checked before it is decoded (a small file can declare billions). */
  portraitPixels: 60_000_000,
  /** The whole render (page load and print), in milliseconds. */
  renderTimeoutMs: 60_000,
  /**
   * Most pages a report's PDF may have: a report laid out longer is refused before it is
   * printed, and a PDF that comes out longer is refused too (see print/page-budget.ts). Measured:
   * 8 people with 370 papers, 100 models and 100 roles each print 440 pages, the renderer
   * peaking at 2.9 GiB; 8 with 500 papers would print 515 and are refused.
   */
  pdfPages: 450,
  /**
   * Memory each Chromium process may allocate, in MiB (RLIMIT_DATA; see print/memory-limit.ts):
   * the 4 GiB Chromium's own sandbox gives a renderer, which the longest report allowed fits.
   */
  chromiumMemoryMb: 4096,
  /**
   * Everything one queued report carries (spec, profiles, template folder, portraits), in
   * bytes: a job waits in Redis's memory until a worker takes it. Eight people of 200 papers
   * each come to about 1.2 MiB.
   */
  jobInputBytes: 8 * 1024 * 1024,
} as const;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KiB`;
  return `${bytes} bytes`;
}
