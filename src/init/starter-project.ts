import { formatJsonSchema, profileJsonSchema, reportJsonSchema } from '../schema/json-schema.js';
import { profileFileName } from './profile-file-name.js';
import { starterProfile } from './starter-profile.js';

export interface StarterFile {
  /** Relative to the project folder, with `/`. */
  readonly path: string;
  readonly text: string;
}

/** The two people a new project starts with; replace them with the people to compare. */
const starterPeople = ['Alex Example', 'Sam Example'] as const;

/**
 * What `profile-report init` writes into an empty folder: a report spec, two starter profiles
 * and copies of the JSON Schemas, laid out as `build` expects with no argument
 * (data/report.yaml). The `$schema` lines are relative, so the folder can be moved, shared or
 * checked in and editors still find the schemas.
 */
export function starterProject(buildDate: string, command = 'profile-report'): StarterFile[] {
  const profiles = starterPeople.map((name) => `profiles/${profileFileName(name)}`);
  return [
    { path: 'data/report.yaml', text: starterSpec(profiles, buildDate, command) },
    ...starterPeople.map((name, i) => ({
      path: `data/${profiles[i]!}`,
      text: starterProfile(name, '../profile.schema.json', command),
    })),
    { path: 'data/profile.schema.json', text: formatJsonSchema(profileJsonSchema()) },
    { path: 'data/report.schema.json', text: formatJsonSchema(reportJsonSchema()) },
  ];
}

function starterSpec(profiles: readonly string[], buildDate: string, command = 'profile-report'): string {
  return `# yaml-language-server: $schema=./report.schema.json
# What to compare and how the report looks. Paths are relative to this file.
# Build it with: ${command} build   (writes out/report.html and out/report.pdf)
title: A comparison of ${profiles.length} people
subtitle: From first papers to flagship models
author: Your name                   # goes into the PDF metadata
language: en                        # the report's language
profiles:                           # compared in this order; add up to 8
${profiles.map((p) => `  - ${p}`).join('\n')}
sections: [cover, at-a-glance, timeline, education, papers, models, balance-points, sources]
page: A4                            # or Letter
buildDate: ${buildDate}              # printed on the report: the same inputs give the same bytes
output:
  dir: ../out                       # relative to this file
  name: report                      # out/report.html and out/report.pdf
`;
}
