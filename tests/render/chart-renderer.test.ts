import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/derive/chart-spec.js';
import { ChartFonts } from '../../src/render/chart-fonts.js';
import { ChartRenderer } from '../../src/render/chart-renderer.js';
import { FontLibrary } from '../../src/render/font-library.js';

/** A bar chart with one category per label, in the given language. */
const bars = (labels: string[], lang = 'en'): ChartSpec => ({
  id: 'bars',
  title: 'Bars',
  alt: 'Bars',
  lang,
  width: 340,
  height: 160,
  config: {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          data: labels.map((_, i) => i + 1),
          directLabels: labels.map((_, i) => String(i + 1)),
          directLabelPosition: 'top',
        },
      ],
    },
    options: {
      animation: false,
      responsive: false,
      indexAxis: 'y',
      scales: { y: { ticks: { font: { size: 12, weight: 600 } } } },
    },
  },
  table: { caption: 'Bars', headers: [], rows: [] },
});

/** The outlines an SVG defines for its glyphs, as a set of path data (Cairo defines each font's .notdef as glyphN-0, drawn or not). */
const outlines = (svg: string): Set<string> =>
  new Set([...svg.matchAll(/<symbol[^>]* id="glyph\d+-[1-9]\d*">\s*<path[^>]* d="([^"]*)"/g)].map((m) => m[1]!));

describe('ChartRenderer', () => {
  it('draws a chart to the same bytes whatever other charts drew before it, in any order', async () => {
    const library = await FontLibrary.load();
    const chinese = bars(['曾妍 Zeng Yan 🇨🇳', 'प्रिया शर्मा', '多语言预训练的模型 👍🏽'], 'zh-CN');
    const others = bars(['山田 花子 🇯🇵', '김민지', 'สมชาย ใจดี', 'نور الهدى 👨‍👩‍👧‍👦'], 'ja');
    const first = await new ChartRenderer(library).render(chinese);
    const after = new ChartRenderer(library);
    await after.render(others);
    expect(await after.render(chinese)).toBe(first);
    expect(outlines(first).size).toBeGreaterThan(10);
  });

  it('draws emoji in colour, and every digit and letter around them from the text faces', async () => {
    const library = await FontLibrary.load();
    if (!library.emoji) return;
    const svg = await new ChartRenderer(library).render(bars(['Ngozi 🇳🇬 2008', 'Keycap 1️⃣ 2016']));
    // Cairo draws a colour glyph as a bitmap image; outlines are the text's.
    expect(svg).toMatch(/<image id="image1" width="\d+" height="\d+" xlink:href="data:image\/png;base64,/);
    const plain = await new ChartRenderer(library).render(bars(['Ngozi 2008', 'Keycap 2016']));
    expect(outlines(svg)).toEqual(outlines(plain));
    expect(svg.match(/<image /g)).toHaveLength(2);
  });
});

describe('chart text and the edges of the image', () => {
  it('wraps and cuts a category label by its measured width, so nothing is cut off at the edge', async () => {
    const renderer = new ChartRenderer(await FontLibrary.load());
    const long = '东京大学大学院情報理工学系研究科 東京大学大学院情報理工学系研究科 Donau';
    const drawn = await renderer.renderChecked({ ...bars([long, 'Short'], 'ja'), title: 'Institutions' });
    expect(drawn.problems).toEqual([]);
  });

  it('leaves a category label the room the padding of the layout leaves (a metric chart reserves room for its values)', async () => {
    const renderer = new ChartRenderer(await FontLibrary.load());
    const spec = bars(['한국정보과학회-4', '서울대학교 기계 학습 연구소'], 'ko');
    const padded = {
      ...spec,
      config: {
        ...spec.config,
        options: { ...spec.config.options, layout: { padding: { top: 4, right: 150, bottom: 0, left: 4 } } },
      },
    };
    expect((await renderer.renderChecked(padded)).problems).toEqual([]);
  });

  it('names the chart and the text it draws past the edge of its image', async () => {
    const renderer = new ChartRenderer(await FontLibrary.load());
    const spec = bars(['Universität Wien', 'Short']);
    // Padding that pushes the category labels off the left edge.
    const pushed = {
      ...spec,
      title: 'Pushed',
      config: { ...spec.config, options: { ...spec.config.options, layout: { padding: { left: -80 } } } },
    };
    const drawn = await renderer.renderChecked(pushed);
    expect(drawn.problems).toEqual(
      ['Universität Wien', 'Short'].map(
        (t) => `the chart "Pushed" draws "${t}" past the edge of its image, where it is cut off`,
      ),
    );
  });
});

describe('axis titles', () => {
  it('keeps a vertical Korean axis title clear of the tick labels beside it', async () => {
    const renderer = new ChartRenderer(await FontLibrary.load());
    const spec: ChartSpec = {
      ...bars(['2021', '2022']),
      lang: 'ko',
      config: {
        type: 'bar',
        data: { labels: ['2021', '2022'], datasets: [{ label: '김민지', data: [1, 2] }] },
        options: {
          animation: false,
          responsive: false,
          scales: {
            y: { beginAtZero: true, ticks: { font: { size: 12 } }, title: { display: true, text: '논문 수' } },
          },
        },
      },
    };
    const { texts } = await renderer.renderChecked(spec);
    const title = texts.find((t) => t.text === '논문 수')!;
    const ticks = texts.filter((t) => /^\d(?:[.,]\d+)?$/.test(t.text));
    expect(ticks.length).toBeGreaterThan(1);
    for (const tick of ticks) expect(title.right + 2, tick.text).toBeLessThanOrEqual(tick.left);
  });
});

describe('two-line labels', () => {
  it('keeps the lines of a label apart in scripts that stand taller than Latin', async () => {
    const renderer = new ChartRenderer(await FontLibrary.load());
    const labels = [
      ['Priya Sharma', 'राष्ट्रीय सम्मेलन'],
      ['김민지', '한국정보과학회 논문'],
    ];
    const spec: ChartSpec = {
      ...bars([]),
      lang: 'ko',
      height: 60 + 2 * 32,
      config: {
        type: 'bar',
        data: { labels, datasets: [{ label: 'x', data: [1, 2] }] },
        options: {
          animation: false,
          responsive: false,
          indexAxis: 'y',
          scales: { y: { type: 'category', ticks: { font: { size: 11 }, autoSkip: false } } },
        },
      },
    };
    const { texts } = await renderer.renderChecked(spec);
    const lines = texts.filter((t) => labels.flat().includes(t.text));
    expect(lines).toHaveLength(4);
    for (const k of [0, 2]) expect(lines[k + 1]!.top - lines[k]!.bottom, lines[k]!.text).toBeGreaterThanOrEqual(1);
  });
});

describe('ChartFonts', () => {
  it('draws every Han letter of a semibold label from the bold face, none from the regular one', async () => {
    const { createCanvas } = await import('canvas');
    const library = await FontLibrary.load();
    const text = '多语言预训练的';
    const fonts = await new ChartFonts(library).prepare(bars([text], 'zh-CN'));
    const draw = (weight: number): Set<string> => {
      fonts.activate();
      const canvas = createCanvas(200, 40, 'svg');
      const ctx = canvas.getContext('2d');
      ctx.textDrawingMode = 'glyph';
      ctx.font = `${weight} 12px ${fonts.family}`;
      ctx.fillText(text, 4, 20);
      return outlines(canvas.toBuffer().toString('utf8'));
    };
    const [regular, semibold, bold] = [draw(400), draw(600), draw(700)];
    expect(regular.size).toBe(text.length);
    expect(semibold).toEqual(bold);
    expect([...semibold].filter((d) => regular.has(d))).toEqual([]);
  });
});
