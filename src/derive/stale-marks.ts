import type { Locale } from '../i18n/locale.js';
import type { Profile } from '../schema/profile-schema.js';
import type { ReportSpec } from '../schema/report-schema.js';
import type { StaleFact } from './stale-facts.js';
import type { Subject } from './subject.js';
import type { ModelView, PersonBlock, PersonView } from './view-model.js';

/*
 * Facts older than the spec's maxAge (see stale-facts.ts), as the report shows them: the
 * person's headline, current role and metrics marked "as of …", and a warning for each.
 */

/** `{ [key]: value }`, or nothing when there is no value (the views' optional fields are left out, not undefined). */
export function optionalText<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

/** A person's headline and current role, marked "as of …" when their sources are older than `maxAge`. */
export function staleMarkedPerson(
  view: PersonView,
  asOf: (person: number, key: string) => string | undefined,
): PersonView {
  return {
    ...view,
    ...optionalText('headlineAsOf', asOf(view.index, 'headline')),
    ...optionalText('currentRoleAsOf', asOf(view.index, 'currentRole')),
  };
}

/** Each metric marked "as of …" when its sources are older than `maxAge`. */
export function staleMarkedModels(
  blocks: readonly PersonBlock<ModelView>[],
  people: readonly Subject[],
  asOf: (person: number, key: string) => string | undefined,
): PersonBlock<ModelView>[] {
  return blocks.map((block, i) => {
    const models = people[i]!.profile.models;
    return {
      ...block,
      items: block.items.map((item, m) => ({
        ...item,
        metrics: item.metrics.map((metric, k) => ({
          ...metric,
          ...optionalText('asOf', asOf(i, `metric:${models[m]!.id}|${models[m]!.metrics[k]!.label}`)),
        })),
      })),
    };
  });
}

/** A warning for each fact older than the spec's maxAge, naming the sources to check. */
export function staleWarnings(stale: readonly StaleFact[], profiles: readonly Profile[], spec: ReportSpec): string[] {
  return stale.map((fact) => {
    const name = profiles[fact.person]!.person.name;
    const cited = fact.sources.join(', ');
    return fact.newest
      ? `${name}: ${fact.path}: the ${fact.what} may be out of date: its newest source (${cited}) is from ${fact.newest}, more than ${spec.maxAge} before the build date ${spec.buildDate}; check it and give the source an \`accessed\` date`
      : `${name}: ${fact.path}: the ${fact.what} may be out of date: no source of it (${cited}) gives a date, so it cannot be shown to be within ${spec.maxAge} of the build date; give the source a \`date\` or \`accessed\``;
  });
}

/** "As of Sep 2021" for a stale fact of a person, by its key; undefined for a fresh one. */
export function staleAsOf(
  stale: readonly StaleFact[],
  locale: Locale,
): (person: number, key: string) => string | undefined {
  return (person, key) => {
    const fact = stale.find((f) => f.person === person && f.key === key);
    return fact
      ? locale.t('stale.asOf', { date: fact.newest ? locale.date(fact.newest.slice(0, 7)) : locale.t('stale.undated') })
      : undefined;
  };
}
