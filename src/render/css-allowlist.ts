/**
 * What a report's CSS may name: at-rules and functions, each listed because it only styles.
 * The lists are of what is allowed, so an at-rule or function nobody thought of (a new one
 * that fetches, as `image()` and `src()` once were) is refused, not let through.
 */

/** `@import` and `@namespace` are not here: one fetches, the other has no use in a document without XML. */
export const allowedAtRules: ReadonlySet<string> = new Set([
  'media', 'supports', 'page', 'font-face', 'keyframes', '-webkit-keyframes', 'layer', 'container', 'scope',
  'starting-style', 'property', 'counter-style', 'font-feature-values', 'font-palette-values', 'charset',
  'top-left-corner', 'top-left', 'top-center', 'top-right', 'top-right-corner', 'bottom-left-corner', 'bottom-left',
  'bottom-center', 'bottom-right', 'bottom-right-corner', 'left-top', 'left-middle', 'left-bottom', 'right-top',
  'right-middle', 'right-bottom',
]);

/** Functions that take images, as strings or url(); each image in them must be a data: URL. */
export const imageFunctions: ReadonlySet<string> = new Set(['image-set', '-webkit-image-set', 'image', 'cross-fade', '-webkit-cross-fade']);

/**
 * Functions replaced by a value from elsewhere (a custom property, the element, the browser):
 * inside an image function they could supply a URL the check never sees.
 */
export const substitutionFunctions: ReadonlySet<string> = new Set(['var', 'env', 'attr', 'if', 'inherit']);

/** Functions that compute, colour, shape, place or count, and never load anything. */
export const allowedFunctions: ReadonlySet<string> = new Set([
  // numbers
  'calc', 'min', 'max', 'clamp', 'round', 'mod', 'rem', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'pow',
  'sqrt', 'hypot', 'log', 'exp', 'abs', 'sign', 'calc-size', 'progress',
  // values from elsewhere (refused inside image functions)
  'var', 'env', 'attr',
  // colours
  'rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'color-mix', 'light-dark', 'device-cmyk',
  // gradients
  'linear-gradient', 'radial-gradient', 'conic-gradient', 'repeating-linear-gradient', 'repeating-radial-gradient',
  'repeating-conic-gradient', '-webkit-linear-gradient', '-webkit-radial-gradient', '-webkit-repeating-linear-gradient',
  '-webkit-repeating-radial-gradient',
  // transforms
  'translate', 'translatex', 'translatey', 'translatez', 'translate3d', 'rotate', 'rotatex', 'rotatey', 'rotatez',
  'rotate3d', 'scale', 'scalex', 'scaley', 'scalez', 'scale3d', 'skew', 'skewx', 'skewy', 'matrix', 'matrix3d', 'perspective',
  // filters
  'blur', 'brightness', 'contrast', 'drop-shadow', 'grayscale', 'hue-rotate', 'invert', 'opacity', 'saturate', 'sepia',
  // timing
  'cubic-bezier', 'steps', 'linear',
  // layout and shapes
  'minmax', 'repeat', 'fit-content', 'inset', 'circle', 'ellipse', 'polygon', 'path', 'rect', 'xywh', 'shape', 'ray',
  'anchor', 'anchor-size', 'scroll', 'view',
  // generated content and paged media
  'counter', 'counters', 'symbols', 'leader', 'target-counter', 'target-counters', 'target-text', 'string', 'content', 'running',
  // fonts (`local()` names an installed font; nothing is fetched)
  'local', 'format', 'tech', 'stylistic', 'styleset', 'character-variant', 'swash', 'ornaments', 'annotation', 'palette-mix',
  // conditions of @supports and @container
  'selector', 'font-tech', 'font-format', 'style',
  // the MIME type of an image in image-set()
  'type',
]);

/** Functions that name something outside the stylesheet: said plainly when refused. */
export const outsideFunctions: Readonly<Record<string, string>> = {
  element: 'shows another element of the page as an image',
  '-moz-element': 'shows another element of the page as an image',
  paint: 'runs a paint worklet, which is script',
};
