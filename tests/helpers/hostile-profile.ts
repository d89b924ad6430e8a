import { stringify } from 'yaml';

/** Payloads that would fetch, frame, run or escape if any profile text reached the page raw. */
export function hostilePayloads(origin: string): string[] {
  return [
    `<img src="http://${origin}/img" alt="x">`,
    '<iframe src="file:///etc/passwd"></iframe>',
    `<object data="http://${origin}/object"></object>`,
    `<link rel="stylesheet" href="http://${origin}/link.css">`,
    `<style>@import url(http://${origin}/import.css);</style>`,
    `<div style="background:url(http://${origin}/css-url)">x</div>`,
    `<svg><image href="http://${origin}/svg-image"/></svg>`,
    `<meta http-equiv="refresh" content="0;url=http://${origin}/refresh">`,
    `<base href="http://${origin}/base/">`,
    `<script>document.write('PWN'+'ED');fetch('http://${origin}/script')</script>`,
    `<a href="javascript:fetch('http://${origin}/js-link')">click</a>`,
    "{{constructor.constructor 'return process'}} {{#each this}}x{{/each}} {{{raw}}}",
    `"); } @page { @top-left { content: url(http://${origin}/css-escape) } } /* </style><script>x</script>`,
  ];
}

/** A valid profile whose every free-text field holds `payload`. */
export function hostileProfile(payload: string, origin: string): string {
  const text = payload;
  return stringify(
    {
      person: {
        name: text,
        nativeName: text,
        headline: text,
        currentRole: text,
        highlights: [{ text, source: 's' }],
        source: 's',
      },
      education: [{ degree: text, field: text, institution: text, department: text, note: text, source: 's' }],
      career: [{ title: text, organisation: text, start: '2020', end: 'present', note: text, source: 's' }],
      papers: [
        {
          id: 'p',
          title: text,
          shortName: text,
          year: 2021,
          venue: text,
          authorship: 'first',
          authors: text,
          url: `https://${origin}/paper-url`,
          summary: text,
          source: 's',
        },
      ],
      models: [
        {
          id: 'm',
          name: text,
          organisation: text,
          released: '2022-05',
          role: text,
          summary: text,
          innovations: [text],
          metrics: [
            {
              label: text,
              value: 2,
              unit: text,
              baseline: { name: text, value: 1 },
              better: 'higher',
              claim: text,
              source: 's',
            },
          ],
          source: 's',
        },
      ],
      balance: [
        {
          tradeoff: text,
          poles: [text, `${text} (other pole)`],
          position: 40,
          summary: text,
          evidence: [{ text, source: 's' }],
        },
      ],
      sources: [
        {
          id: 's',
          title: text,
          publisher: text,
          date: '2024',
          url: `https://${origin}/source-url`,
          file: '/etc/passwd',
          note: text,
        },
      ],
    },
    { lineWidth: 0 },
  );
}
