// `?raw` imports: the file's text (vitest does this natively; scripts/build.mjs has a plugin for it).
declare module '*?raw' {
  const text: string;
  export default text;
}
