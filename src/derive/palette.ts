/**
 * One look per person, kept across every chart and the text. Colours are dark enough for body
 * text on white (contrast above 4.5:1) and come with a second cue that survives grayscale
 * printing: a marker shape, and bars that alternate between solid and outlined.
 */
export interface PersonStyle {
  readonly colour: string;
  /** A light tint of the colour, for backgrounds and outlined bars. */
  readonly tint: string;
  readonly marker: 'circle' | 'triangle' | 'rect' | 'rectRot';
  /** People 1-4 have solid markers, 5-8 the same shapes hollow with a thick outline. */
  readonly markerFill: 'solid' | 'hollow';
  /** Solid bars for even positions, outlined for odd ones: neighbours differ in grayscale. */
  readonly fill: 'solid' | 'outline';
}

const colours = [
  ['#1b5e9a', '#dbe8f5'],
  ['#b93c0b', '#f8e1d6'],
  ['#15803d', '#dcf1e3'],
  ['#7e22ce', '#efe1fa'],
  ['#946200', '#f5ead1'],
  ['#0f766e', '#d5efec'],
  ['#be185d', '#f8dde9'],
  ['#4b5563', '#e4e7eb'],
] as const;

// Only shapes Chart.js fills: its star and crosses are lines, invisible with a white border.
const markers: PersonStyle['marker'][] = ['circle', 'triangle', 'rect', 'rectRot'];

export function personStyle(index: number): PersonStyle {
  const [colour, tint] = colours[index % colours.length]!;
  return {
    colour,
    tint,
    marker: markers[index % markers.length]!,
    markerFill: index % 8 < 4 ? 'solid' : 'hollow',
    fill: index % 2 === 0 ? 'solid' : 'outline',
  };
}

/** Neutral colours for baselines, grid and secondary text. */
export const neutral = { ink: '#1d2433', muted: '#5b6475', baseline: '#9aa3b2', grid: '#e3e6ec' } as const;
