/**
 * The objects of PDF syntax (PDF 32000-1, 7.3), parsed from the file's bytes. Strings and
 * dictionaries remember where they stand in the file, so finishing can overwrite a value in
 * place (same length, no offset moves) and so a message can say where something was found.
 */
export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

export class PdfString {
  constructor(
    /** The string's bytes, escapes and hex decoded. */
    readonly bytes: Buffer,
    /** Where the token, `(...)` or `<...>`, starts and ends in the file. */
    readonly start: number,
    readonly end: number,
  ) {}
}

export class PdfDict {
  constructor(
    readonly entries: ReadonlyMap<string, PdfValue>,
    readonly start: number,
    readonly end: number,
  ) {}
  get(key: string): PdfValue | undefined {
    return this.entries.get(key);
  }
  /** The entry when it is a name (`/Type /Page` → `Page`). */
  name(key: string): string | undefined {
    const value = this.entries.get(key);
    return value instanceof PdfName ? value.name : undefined;
  }
}

/** A stream object: its dictionary, and where its data starts in the file (its length may be indirect). */
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly dataStart: number,
  ) {}
}

export type PdfValue = number | boolean | null | PdfName | PdfString | PdfRef | PdfDict | readonly PdfValue[];

/** An indirect object as written at an offset: `12 0 obj ... endobj`. */
export interface IndirectObject {
  readonly num: number;
  readonly gen: number;
  readonly value: PdfValue | PdfStream;
}
