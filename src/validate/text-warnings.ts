import type { Problem } from '../errors.js';
import { inlineMarkup } from '../derive/inline-markup.js';
import { ownNameSpans } from '../derive/own-name.js';
import type { ParsedYaml } from '../load/parse-yaml.js';
import type { FieldPath } from '../load/source-positions.js';
import { formatPath } from '../load/source-positions.js';
import type { LocalisedProfile } from '../schema/profile-schema.js';

type LocalisedText = string | Readonly<Record<string, string>>;

/**
 * What a profile's long texts and author lists will look like in the report, said as warnings
 * where it is not what the writer meant: a link that is not https: (shown as plain text, its
 * markup and all), and an author list of the person's paper in which their name cannot be
 * found (so it cannot be shown in bold). Each at its file:line:col.
 */
export function textWarnings(profile: LocalisedProfile, parsed: ParsedYaml): Problem[] {
  const problems: Problem[] = [];
  const warn = (path: FieldPath, message: string): void => {
    const { line, column } = parsed.positions.locate(path);
    problems.push({ file: parsed.file, line, column, path: formatPath(path), message, severity: 'warning' });
  };
  for (const { path, text } of longTexts(profile)) {
    for (const url of inlineMarkup(text).refusedLinks) {
      warn(
        path,
        url === ''
          ? 'a link here has no address, so it is shown as plain text, brackets and all; write [text](https://…)'
          : `the link to \`${url}\` is not an https: address, so it is shown as plain text, brackets and all; links may go to https:// pages only`,
      );
    }
  }
  const { name, nativeName } = profile.person;
  profile.papers.forEach((paper, i) => {
    if (paper.authors === undefined) return;
    const spans = ownNameSpans(profile.person, paper.authors);
    // The bold name and the authorship say the same: a first author is named first.
    if (spans.length > 0 && paper.authorship === 'first' && spans[0]!.start !== paper.authors.search(/[\p{L}\p{N}]/u)) {
      warn(
        ['papers', i, 'authorship'],
        `the authorship is \`first\`, but ${name} is not the first name in this paper's author list; is it \`co-first\` or \`co-author\`?`,
      );
    }
    if (spans.length > 0) return;
    const forms = [name, reversed(name), nativeName].filter((f): f is string => Boolean(f));
    warn(
      ['papers', i, 'authors'],
      `${name} is not in this author list (looked for ${[...new Set(forms)].join(', ')}, with or without a comma, and with initials), so it cannot be shown in bold; write the name as the list has it, or check that the paper is theirs`,
    );
  });
  return problems;
}

function reversed(name: string): string | undefined {
  const parts = name.split(/\s+/);
  return parts.length > 1 ? [...parts].reverse().join(' ') : undefined;
}

/** Every text that may carry inline markup, in each of its languages, with its path. */
function* longTexts(profile: LocalisedProfile): Generator<{ path: FieldPath; text: string }> {
  function* variants(path: FieldPath, value: LocalisedText | undefined): Generator<{ path: FieldPath; text: string }> {
    if (value === undefined) return;
    if (typeof value === 'string') yield { path, text: value };
    else for (const [language, text] of Object.entries(value)) yield { path: [...path, language], text };
  }
  for (const [i, h] of (profile.person.highlights ?? []).entries())
    yield* variants(['person', 'highlights', i, 'text'], h.text);
  for (const [i, e] of profile.education.entries()) yield* variants(['education', i, 'note'], e.note);
  for (const [i, c] of profile.career.entries()) yield* variants(['career', i, 'note'], c.note);
  for (const [i, p] of profile.papers.entries()) yield* variants(['papers', i, 'summary'], p.summary);
  for (const [i, m] of profile.models.entries()) {
    yield* variants(['models', i, 'summary'], m.summary);
    for (const [j, text] of m.innovations.entries()) yield* variants(['models', i, 'innovations', j], text);
  }
  for (const [i, b] of profile.balance.entries()) {
    yield* variants(['balance', i, 'summary'], b.summary);
    for (const [j, e] of b.evidence.entries()) yield* variants(['balance', i, 'evidence', j, 'text'], e.text);
  }
  for (const [i, s] of profile.sources.entries()) yield* variants(['sources', i, 'note'], s.note);
}
