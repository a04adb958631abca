// What the web app's wasm module carries: its sections' sizes, and its code
// by crate, read from the module's name section (keep it: the `webapp`
// profile does not strip, and wasm-opt drops the names from what ships).
//
//   node scripts/web-tools/wasm-sizes.mjs target/wasm32-unknown-unknown/webapp/connect_web.wasm [N]
//
// prints the sections, the N largest crates (default 40) and the N largest
// functions. A function's crate is the first path segment of its demangled
// name (`<T as serde::Serialize>::serialize` counts for T's crate); C
// functions (SQLite, SQLCipher, libtomcrypt) count as `C`.
import { readFileSync } from 'node:fs';

const [file, top = '40'] = process.argv.slice(2);
if (!file) {
  console.error('usage: wasm-sizes.mjs MODULE.wasm [N]');
  process.exit(2);
}
const bytes = readFileSync(file);
let at = 8;
function leb() {
  let result = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
}
const SECTIONS = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'];
const sections = [];
let imports = 0;
let bodies = [];
const names = new Map();
while (at < bytes.length) {
  const id = bytes[at++];
  const length = leb();
  const end = at + length;
  let name = SECTIONS[id];
  if (id === 0) {
    const n = leb();
    name = `custom ${bytes.subarray(at, at + n).toString()}`;
    if (name === 'custom name') {
      at += n;
      while (at < end) {
        const kind = bytes[at++];
        const size = leb();
        const next = at + size;
        if (kind === 1) {
          for (let count = leb(); count > 0; count--) {
            const index = leb();
            const len = leb();
            names.set(index, bytes.subarray(at, at + len).toString());
            at += len;
          }
        }
        at = next;
      }
    }
  } else if (id === 2) {
    for (let count = leb(); count > 0; count--) {
      for (let field = 0; field < 2; field++) {
        const n = leb();
        at += n;
      }
      const kind = bytes[at++];
      if (kind === 0) {
        leb();
        imports++;
      } else if (kind === 1) {
        at++;
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 2) {
        const flags = leb();
        leb();
        if (flags & 1) leb();
      } else if (kind === 3) {
        at += 2;
      } else {
        at++;
        leb();
      }
    }
  } else if (id === 10) {
    for (let count = leb(); count > 0; count--) {
      const size = leb();
      bodies.push(size + 1);
      at += size;
    }
  }
  sections.push([name, length]);
  at = end;
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`.padStart(11);
console.log(`${file}: ${kib(bytes.length)}`);
for (const [name, length] of sections) console.log(`  ${kib(length)}  ${name}`);

/** A Rust symbol demangled (legacy `_ZN…E` mangling; v0 `_R…` names keep their crate readable). */
function demangle(symbol) {
  const legacy = symbol.match(/^_ZN(.*)E$/);
  if (!legacy) return symbol;
  const parts = [];
  let rest = legacy[1];
  while (rest.length) {
    const m = rest.match(/^(\d+)/);
    if (!m) break;
    const n = Number(m[1]);
    parts.push(rest.slice(m[1].length, m[1].length + n));
    rest = rest.slice(m[1].length + n);
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
  const codes = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };
  return parts
    .map((p) => p.replace(/^_\$/, '$').replace(/\$([A-Z]{1,2}|u[0-9a-f]+)\$/g, (_, c) => codes[c] ?? String.fromCharCode(parseInt(c.slice(1), 16))).replace(/\.\./g, '::'))
    .join('::');
}

/** The crate a Rust function belongs to: its path's first segment (for `<T as Trait>`, T's). */
function crateOf(symbol) {
  if (!symbol) return '(no name)';
  const v0 = symbol.match(/^_R.*?C[s0-9a-zA-Z_]*?_?(\d+)([a-z_][a-z0-9_]*)/);
  if (v0) return v0[2].slice(0, Number(v0[1]));
  const name = demangle(symbol).replace(/^<(impl )?/, '').replace(/^(&|mut |\*const |\*mut |\[|\()+/, '');
  const m = name.match(/^([a-z_][a-z0-9_]*)::/);
  if (m) return m[1];
  if (!symbol.startsWith('_ZN')) return 'C';
  return '(other)';
}

const byCrate = new Map();
const functions = bodies.map((size, i) => ({ size, index: imports + i, name: names.get(imports + i) }));
for (const { size, name } of functions) byCrate.set(crateOf(name), (byCrate.get(crateOf(name)) ?? 0) + size);
const total = bodies.reduce((a, b) => a + b, 0);
console.log(`\ncode by crate (${names.size ? 'from the name section' : 'NO name section: build without strip'}), of ${kib(total)}:`);
for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) {
  console.log(`  ${kib(size)}  ${(100 * size / total).toFixed(1).padStart(5)}%  ${crate}`);
}
console.log(`\nlargest functions:`);
for (const { size, index, name } of functions.sort((a, b) => b.size - a.size).slice(0, Number(top))) {
  console.log(`  ${kib(size)}  ${(name ? demangle(name) : `function ${index}`).slice(0, 140)}`);
}
