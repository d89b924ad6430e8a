import type { BalancePoint } from '../../schema/profile-schema.js';
import { axis, baseOptions, fullWidth, markerStyle } from '../chart-spec.js';
import type { ChartSpec, Json } from '../chart-spec.js';
import type { Locale } from '../../i18n/locale.js';
import { slug } from '../format.js';
import { neutral } from '../palette.js';
import type { Subject } from '../subject.js';
import { canvasText, chartText, fit } from './chart-text.js';

export interface BalanceTheme {
  readonly id: string;
  readonly tradeoff: string;
  readonly poles: readonly [string, string];
  readonly entries: readonly { readonly person: Subject; readonly point: BalancePoint; readonly position: number }[];
}

/** A trade-off as written, in every language a profile gives it (one string, or a map of translations). */
type Written = string | Readonly<Record<string, string>>;

/** Each profile's balance points as written, before translation: a person's by their index. */
export type WrittenBalance = readonly (
  readonly { readonly tradeoff: Written; readonly poles: readonly [Written, Written] }[] | undefined
)[];

/**
 * Groups balance points by trade-off: people who name the same trade-off (and the same poles,
 * in either order) share one picture, with positions flipped to the first person's orientation.
 * Names match in any language either profile gives them, so a trade-off one profile translates
 * and another does not is still one picture.
 */
export function balanceThemes(people: readonly Subject[], written: WrittenBalance = []): BalanceTheme[] {
  const themes: {
    tradeoff: string;
    poles: readonly [string, string];
    names: Set<string>;
    first: Set<string>;
    second: Set<string>;
    entries: BalanceTheme['entries'][number][];
  }[] = [];
  for (const person of people) {
    person.profile.balance.forEach((point, j) => {
      const source = written[person.index]?.[j];
      const names = texts(source?.tradeoff, point.tradeoff);
      const [first, second] = [texts(source?.poles[0], point.poles[0]), texts(source?.poles[1], point.poles[1])];
      const orientation = (t: (typeof themes)[number]): 'same' | 'flipped' | undefined =>
        !meets(t.names, names)
          ? undefined
          : meets(t.first, first) && meets(t.second, second)
            ? 'same'
            : meets(t.first, second) && meets(t.second, first)
              ? 'flipped'
              : undefined;
      let theme = themes.find((t) => orientation(t) !== undefined);
      if (!theme) {
        theme = { tradeoff: point.tradeoff, poles: point.poles, names, first, second, entries: [] };
        themes.push(theme);
      }
      theme.entries.push({
        person,
        point,
        position: orientation(theme) === 'flipped' ? 100 - point.position : point.position,
      });
    });
  }
  return themes.map((t, i) => ({
    id: `balance-${i + 1}-${slug(t.tradeoff)}`,
    tradeoff: t.tradeoff,
    poles: t.poles,
    entries: t.entries,
  }));
}

/** Every form of a text, lowercased: the one shown and each translation written. */
function texts(written: Written | undefined, shown: string): Set<string> {
  const all = [
    shown,
    ...(written === undefined ? [] : typeof written === 'string' ? [written] : Object.values(written)),
  ];
  return new Set(all.map((t) => t.toLowerCase()));
}

function meets(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of b) if (a.has(x)) return true;
  return false;
}

/** One row per person: a rope from one pole to the other, and a marker where they stand. */
export function balanceChart(theme: BalanceTheme, locale: Locale): ChartSpec {
  const labels = theme.entries.map((e) => chartText(e.person.name, 40));
  const tradeoff = locale.user(theme.tradeoff);
  const [left = '', right = ''] = theme.poles.map((p) => locale.user(p));
  // Isolated as the page isolates user text in our sentences, here inside the axis title.
  const [leftText = '', rightText = ''] = theme.poles.map((p) => locale.user(fit(p, 30)));
  const each = theme.entries.map((e) =>
    locale.t('chart.balance.altPerson', { name: locale.user(e.person.name), n: locale.number(e.position) }),
  );
  const datasets: { [key: string]: Json | undefined }[] = [
    {
      type: 'bar',
      // Never shown (the legend is off): the rope is named by the axis title.
      label: '',
      data: labels.map(() => [0, 100]),
      backgroundColor: neutral.grid,
      borderWidth: 0,
      barThickness: 8,
      grouped: false,
      // Drawn first, under the markers (Chart.js draws higher orders first).
      order: 10,
    },
    ...theme.entries.map((e, i) => ({
      type: 'scatter',
      label: labels[i]!,
      data: [{ x: e.position, y: labels[i]! }],
      ...markerStyle(e.person.style, 11),
      // Positions 0 and 100 sit on the axis ends: drawn whole, not cut at the plot's edge.
      clip: false,
      directLabels: [locale.number(e.position)],
      directLabelPosition: 'marks-above',
      directLabelColor: e.person.style.colour,
    })),
  ];
  return {
    id: theme.id,
    title: locale.t('chart.balance.title', { tradeoff }),
    alt: locale.t('chart.balance.alt', { tradeoff, left, right, people: each.join(locale.t('list.comma')) }),
    width: fullWidth,
    height: 80 + labels.length * 60,
    config: {
      type: 'bar',
      data: { labels, datasets },
      options: baseOptions({
        indexAxis: 'y',
        layout: { padding: { top: 18, right: 24, bottom: 4, left: 4 } },
        scales: {
          x: axis({
            type: 'linear',
            // A little room beyond 0 and 100 for a whole marker; the ticks stay 0 to 100.
            min: -6,
            max: 106,
            ticks: { stepSize: 25, includeBounds: false, number: 'value', font: { size: 12 } },
            title: {
              display: true,
              text: canvasText(locale.t('chart.balance.axis', { left: leftText, right: rightText }), locale.dir),
              font: { size: 13 },
              color: neutral.ink,
            },
          }),
          y: axis({ type: 'category', grid: { display: false }, ticks: { font: { size: 13 } } }),
        },
      }),
    },
    table: {
      caption: locale.t('chart.balance.caption', { tradeoff, left, right }),
      headers: [locale.t('chart.balance.person'), locale.t('chart.balance.position')],
      rows: theme.entries.map((e) => [e.person.name, locale.number(e.position)]),
    },
  };
}
