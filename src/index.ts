/**
 * profile-report as a library. Everything the CLI does is here, and it works in memory:
 *
 *     import { buildReport, memoryReader } from 'profile-report';
 *     const { html, pdf, charts } = await buildReport({ spec: 'data/report.yaml' });
 *
 * Nothing is written unless `write: true` is given; nothing calls process.exit or prints.
 */

// Building
export { buildReport } from './build-report.js';
export type { BuildReportOptions, BuildReportResult } from './build-report.js';
export { BuildContext } from './build-context.js';
export { resolveBuild } from './resolve-build.js';
export type { BuildOptions, OutputFormat, ResolvedBuild } from './resolve-build.js';
export { localToday } from './local-today.js';
export { WatchSession } from './watch/watch-session.js';
export type { WatchBuild, WatchHooks, WatchOptions } from './watch/watch-session.js';

// The stages, for callers who want one of them alone
export { loadInputs } from './load/load-inputs.js';
export type { InputRequest, LoadedInputs, LoadedProfile } from './load/load-inputs.js';
export { loadReport } from './load/load-report.js';
export type { LoadedReport } from './load/load-report.js';
export { deriveReport } from './derive/derive-report.js';
export type { DerivedReport } from './derive/derive-report.js';
export type { ChartConfig, ChartSpec } from './derive/chart-spec.js';
export type { ReportView } from './derive/view-model.js';
export { renderReport } from './pipeline.js';
export type { PipelineHooks, RenderedReport, StageTiming } from './pipeline.js';
export { writeArtifacts } from './write/write-artifacts.js';
export type { Artifact, WrittenArtifact } from './write/write-artifacts.js';

// Validation and the schema
export { validateProfiles } from './validate/validate-files.js';
export type { ValidateOptions, ValidationReport } from './validate/validate-files.js';
export { profileSchema } from './schema/profile-schema.js';
export type {
  BalancePoint,
  CareerEntry,
  Education,
  LocalisedProfile,
  Metric,
  Model,
  Paper,
  Person,
  Profile,
  Source,
} from './schema/profile-schema.js';
export { isLanguageTag, pickText, reportLanguages } from './schema/localised-text.js';
export type { LocalisedText, PickedText, ReportLanguage } from './schema/localised-text.js';
export { localiseProfile } from './schema/localise-profile.js';
export type { LocalisedResult } from './schema/localise-profile.js';
export { reportSchema, pageSizes, sectionNames } from './schema/report-schema.js';
export type { PageSize, ReportSpec, SectionName } from './schema/report-schema.js';
export { profileJsonSchema, reportJsonSchema } from './schema/json-schema.js';

// Importing records (BibTeX, CSL-JSON, ORCID, OpenAlex, JSON Resume) into profiles
export { importIntoProfile } from './import/import-profile.js';
export type { ImportOptions, ImportResult } from './import/import-profile.js';
export type { Conflict, Duplicate } from './import/import-plan.js';
export { importDiff } from './import/describe-import.js';
export { importFormats } from './import/types.js';
export type { ImportFormat } from './import/types.js';

// Languages: messages, dates, numbers and lists as the reader's locale writes them
export { Locale, builtInLocale } from './i18n/locale.js';
export { Messages } from './i18n/messages.js';
export type { MessageValues } from './i18n/messages.js';
export { builtInCatalogue, parseCatalogue } from './i18n/catalogue.js';
export type { Catalogue } from './i18n/catalogue.js';
export { shippedLanguages, textDirection } from './i18n/languages.js';
export { comparisonTitle } from './i18n/report-title.js';
export type { Language, TextDirection } from './i18n/languages.js';

// Reading inputs
export { memoryReader, readInputFile } from './load/read-input-file.js';
export type { FileReader, ReadResult } from './load/read-input-file.js';

// Errors
export {
  ProfileReportError,
  RenderError,
  UsageError,
  UserError,
  ValidationError,
  exitCodeOf,
  exitCodes,
  formatProblem,
} from './errors.js';
export type { ExitCode, Problem } from './errors.js';

// The shape of --json output
export { buildSummarySchema, validateSummarySchema } from './cli/json-summary.js';
export type { BuildSummary, ReportOutcome, ValidateSummary } from './cli/json-summary.js';
export { limits } from './limits.js';
