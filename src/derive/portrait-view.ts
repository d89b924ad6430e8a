import type { Locale } from '../i18n/locale.js';
import type { SourceIndex } from './source-index.js';
import type { Subject } from './subject.js';
import type { PortraitView, Sourced } from './view-model.js';

/**
 * The stand-in `src` a portrait has in the templates' page: the render stage puts the
 * re-encoded image in its place on the parsed page, as it does for charts, so the page check
 * knows every image it may show.
 */
export function portraitSrc(index: number): string {
  return `portrait:${index}`;
}

/** A person's portrait, when the profile has one; its text alternative names them. */
export function portraitView(subject: Subject, locale: Locale): PortraitView | undefined {
  const photo = subject.profile.person.photo;
  if (!photo) return undefined;
  return {
    src: portraitSrc(subject.index),
    alt: photo.alt ?? locale.t('portrait.alt', { name: locale.user(subject.name) }),
  };
}

/** "Zeng Yan: Photo by …", one line per portrait, printed with the sources and citing where the picture comes from. */
export function portraitCredits(people: readonly Subject[], sources: SourceIndex, locale: Locale): Sourced[] {
  return people.flatMap((s) => {
    const photo = s.profile.person.photo;
    return photo
      ? [
          {
            text: locale.t('portrait.credit', { name: locale.user(s.name), credit: locale.user(photo.credit) }),
            sources: sources.links(s.index, photo.source),
          },
        ]
      : [];
  });
}
