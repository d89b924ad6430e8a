import { formatNumber, formatPeriod, formatQuantity, plural, slug, summariseList } from './format.js';
import { sourceIds } from '../schema/primitives.js';
import type { SourceRef } from '../schema/primitives.js';
import type { SourceIndex, SourceLink } from './source-index.js';
import type { Subject } from './subject.js';
import type { GlanceView, PersonView, Sourced } from './view-model.js';
import { stanceText } from './charts/balance-charts.js';

export function personView(subject: Subject, sources: SourceIndex, usedIds: Set<string>): PersonView {
  const { person } = subject.profile;
  let id = `person-${slug(person.name, String(subject.index + 1))}`;
  while (usedIds.has(id)) id = `${id}-${subject.index + 1}`;
  usedIds.add(id);
  return {
    index: subject.index,
    id,
    name: person.name,
    ...(person.nativeName ? { nativeName: person.nativeName } : {}),
    colour: subject.style.colour,
    tint: subject.style.tint,
    markerClass: `marker-${subject.style.marker.toLowerCase()}`,
    headline: person.headline,
    ...(person.currentRole ? { currentRole: person.currentRole } : {}),
    ...(person.birthYear !== undefined ? { born: String(person.birthYear) } : {}),
    counts: `${plural(subject.profile.papers.length, 'paper')} · ${plural(subject.profile.models.length, 'model or system', 'models and systems')}`,
    ...(subject.profile.balance.length ? { balance: subject.profile.balance.map((b) => b.tradeoff).join('; ') } : {}),
    sources: sources.links(subject.index, person.source),
    highlights: (person.highlights ?? []).map((h) => ({ text: h.text, sources: sources.links(subject.index, h.source) })),
  };
}

const none: Sourced = { text: '—', sources: [] };
const nativeNameField = 'Name in native script';

/** The side-by-side table: one cell per person per field, each cell citing its sources. */
export function glanceView(people: readonly Subject[], views: readonly PersonView[], sources: SourceIndex): GlanceView {
  const fields: [string, (s: Subject) => Sourced][] = [
    [nativeNameField, (s) => (s.profile.person.nativeName ? { text: s.profile.person.nativeName, sources: sources.links(s.index, s.profile.person.source) } : none)],
    ['Born', (s) => (s.profile.person.birthYear !== undefined ? { text: String(s.profile.person.birthYear), sources: sources.links(s.index, s.profile.person.source) } : { text: 'not given', sources: [] })],
    ['Now', (s) => (s.profile.person.currentRole ? { text: s.profile.person.currentRole, sources: sources.links(s.index, s.profile.person.source) } : none)],
    ['Education', (s) => joinSourced(s, sources, s.profile.education.map((e) => ({ text: `${e.degree}${e.field ? ` (${e.field})` : ''}, ${e.institution}`, ref: e.source })))],
    ['Career', (s) => career(s, sources)],
    ['Papers', (s) => papers(s, sources)],
    ['Models and systems', (s) => joinSourced(s, sources, s.profile.models.map((m) => ({ text: m.name, ref: m.source })), s.profile.models.length > 4 ? plural(s.profile.models.length, 'model or system', 'models and systems') : undefined)],
    ['Headline figures', (s) => joinSourced(s, sources, headlineMetrics(s))],
    ['Balance point', (s) => joinSourced(s, sources, s.profile.balance.map((b) => ({ text: `${b.tradeoff}: ${stanceText(b.position, b.poles).split(':')[0]!.toLowerCase()} (${formatNumber(b.position)})`, ref: b.evidence.map((e) => e.source).flat() })))],
  ];
  const peopleAsColumns = people.length <= 4;
  // As rows (five people or more), the native name goes under the name: one column fewer.
  const rowFields = fields.filter(([label]) => label !== nativeNameField);
  return {
    peopleAsColumns,
    fields: rowFields.map(([label]) => label),
    rows: fields.map(([label, cell]) => ({ label, cells: people.map(cell) })),
    byPerson: people.map((s, i) => ({ person: views[i]!, cells: rowFields.map(([, cell]) => cell(s)) })),
  };
}

/**
 * Items of one cell, each with its sources. Long lists are cut to their first few and a count,
 * so that a row of the side-by-side table stays shorter than a page.
 */
function joinSourced(s: Subject, sources: SourceIndex, items: readonly { text: string; ref: string | readonly string[] }[], heading?: string): Sourced {
  if (items.length === 0) return none;
  const list = summariseList(items.map((i) => i.text));
  return { text: heading ? `${heading}: ${list}` : list, sources: summaryLinks(s, sources, items.map((i) => i.ref)) };
}

/** A cell that sums up many facts cites at most this many sources; the facts themselves cite all. */
const maxSummaryCitations = 10;

function summaryLinks(s: Subject, sources: SourceIndex, refs: readonly (SourceRef | readonly string[])[]): SourceLink[] {
  return sources.links(s.index, refs.flatMap(sourceIds)).slice(0, maxSummaryCitations);
}

function career(s: Subject, sources: SourceIndex): Sourced {
  const entries = s.profile.career;
  if (entries.length === 0) return none;
  const organisations = summariseList([...new Set(entries.map((c) => c.organisation))], 3, ', ');
  const starts = entries.map((c) => c.start).filter((d): d is string => d !== undefined).sort();
  const since = starts[0] ? `, ${formatPeriod(starts[0], undefined)}` : '';
  return { text: `${plural(entries.length, 'role')} at ${organisations}${since}`, sources: summaryLinks(s, sources, entries.map((c) => c.source)) };
}

function papers(s: Subject, sources: SourceIndex): Sourced {
  const list = s.profile.papers;
  if (list.length === 0) return { text: 'none listed', sources: [] };
  const first = list.filter((p) => p.authorship === 'first' || p.authorship === 'co-first').length;
  const years = list.map((p) => p.year);
  const span = Math.min(...years) === Math.max(...years) ? `${Math.min(...years)}` : `${Math.min(...years)}–${Math.max(...years)}`;
  return { text: `${plural(list.length, 'paper')} listed (${formatNumber(first)} as first author), ${span}`, sources: summaryLinks(s, sources, list.map((p) => p.source)) };
}

/** Up to two figures per person: those with a baseline first, as the source words them. */
function headlineMetrics(s: Subject): { text: string; ref: string | readonly string[] }[] {
  const all = s.profile.models.flatMap((m) => m.metrics.map((metric) => ({ model: m, metric })));
  const ranked = [...all.filter((e) => e.metric.baseline), ...all.filter((e) => !e.metric.baseline && e.metric.better)];
  return ranked.slice(0, 2).map(({ model, metric }) => ({
    text: `${model.name}: ${metric.claim ?? `${metric.label} ${formatQuantity(metric.value, metric.unit)}`}`,
    ref: metric.source,
  }));
}
