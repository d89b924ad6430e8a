// css-tree's single-file build (see css-safety.ts) is the same API as the package's entry point.
declare module 'css-tree/dist/csstree.esm' {
  export * from 'css-tree';
}
