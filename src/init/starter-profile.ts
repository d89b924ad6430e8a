/**
 * The commented starter profile `profile-report init NAME` writes: every section once, with
 * notes on what each field means, valid as written (a test keeps it so) so that a new user can
 * build a report from it before filling it in.
 */
export function starterProfile(name: string, schemaPath: string, command = 'profile-report'): string {
  // YAML double-quoted string: the name may hold quotes, colons or other scripts.
  const quoted = JSON.stringify(name);
  // A name given in another script (曾妍, Ρήγας) is still the name to show; the comment says
  // where a Latin-script form goes if the readers need one, rather than calling it Latin.
  const nameNote = /\p{Script=Latin}/u.test(name)
    ? 'as the report should show it, in Latin script'
    : 'as the report should show it; for readers of Latin script, put a romanised form here and this one in nativeName';
  return `# yaml-language-server: $schema=${schemaPath}
# A profile of one person for profile-report. Every fact cites a source id from \`sources\`
# at the end; leave out what no source gives rather than guess. Dates may be partial:
# 2021, 2021-09 or 2021-09-14. Check it with: ${command} validate <this file>
#
# Any descriptive text (headline, roles, degrees, summaries, notes, evidence...) may be given
# in several languages, as a map from language tag to text; a report in a language the map
# lacks shows the profile's own language (\`language\` below), and says so. Names, ids, dates,
# units and paper titles stay as they are. For example:
#   headline:
#     en: Head of pre-training for a video generation model
#     zh-CN: 视频生成模型的预训练负责人
#
# Summaries, notes, highlights, innovations and evidence may use light markup: **strong**,
# *emphasis*, \`code\` and [a link](https://example.com/) (https: links only).

language: en                        # the language this profile is written in (en, zh-CN, de...)

person:
  name: ${quoted}                  # ${nameNote}
  # nativeName: 名字                # the name in its native script, if any
  # birthYear: 1990                 # only when a source gives it
  headline: One line on who this person is
  currentRole: The role they hold now
  # photo:                          # a portrait, on the cover and beside the name at a glance
  #   file: ../photos/portrait.jpg  # JPEG, PNG or WebP, relative to this file, inside the project
  #   credit: "Photo: Jane Doe, CC BY 4.0"   # who made it, and its licence, printed with the sources
  #   source: starter               # where the picture comes from
  source: starter
  highlights:                       # sourced facts that fit no other section
    - text: Something notable, in one sentence.
      source: starter

education:
  - degree: Master's degree
    field: Computer science
    institution: Example University
    start: 2015
    end: 2017
    source: starter

career:
  - title: Researcher               # leave out a title no source gives
    organisation: Example Lab
    start: 2017-09
    end: present                    # or a date; leave out when unknown
    note: Anything the reader should know about this role.
    source: starter

papers:
  - id: example-paper               # unique within this profile
    title: "An Example Paper: Its Full Title"
    shortName: ExamplePaper         # what people call it
    year: 2019                      # year of publication
    date: 2018-11-02                # when it was first made public (arXiv), if known
    venue: NeurIPS 2019             # or: arXiv preprint
    authorship: first               # first | co-first | last | corresponding | co-author
    authors: ${JSON.stringify(`${name}, B. Author`)}   # the person's own name is shown in bold
    # arxiv: "1811.00001"           # quoted, or YAML reads it as a number
    summary: One line on what the paper does.
    source: starter

models:
  - id: example-model
    name: Example Model
    kind: model                     # model | product | system
    organisation: Example Lab
    released: 2024-05
    role: What this person did on it
    innovations:
      - What was new about it, in one sentence.
    metrics:
      - label: Inference cost       # what is measured
        value: 40
        unit: "% of the previous model"
        baseline: { name: Previous model, value: 100 }   # what it is compared with
        better: lower               # higher | lower; leave out for a plain size
        claim: costs 60% less to run than the previous model   # as the source words it
        source: starter
    source: starter

balance:
  - tradeoff: Speed vs quality      # people with the same trade-off share a picture
    poles: [Speed, Quality]
    position: 50                    # 0 = fully the first pole, 100 = fully the second
    summary: How this person balances the two.
    evidence:
      - text: A sourced fact that shows where they stand.
        source: starter

sources:
  - id: starter
    title: Replace with the source of these facts
    publisher: Who published it
    date: 2024-01-01
    # url: https://example.com/article   # https only
    note: Every fact above cites this example entry; cite your real sources instead.
`;
}
