// js-md4 ships no types; this covers the one call the lab makes (the NT hash).
declare module 'js-md4' {
  interface Md4 {
    arrayBuffer(message: string | ArrayBuffer | Uint8Array): ArrayBuffer;
  }
  const md4: Md4;
  export = md4;
}
