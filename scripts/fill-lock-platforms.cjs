// The registry mirror here lacks some non-Linux builds of optional platform packages (e.g.
// @pagefind/darwin-arm64@1.6.0), so `npm install` leaves them out of package-lock.json and `npm ci`
// then refuses the lock. Run `node scripts/fill-lock-platforms.cjs package-lock.json` after changing
// dependencies: it records each missing optional package with its os/cpu, which npm ci skips here.
const fs = require('fs');
const file = process.argv[2];
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const pk = lock.packages;
const platform = (name) => {
  const n = name.split('/').pop();
  const os = /darwin/.test(n)
    ? 'darwin'
    : /win32|windows/.test(n)
      ? 'win32'
      : /android/.test(n)
        ? 'android'
        : /freebsd/.test(n)
          ? 'freebsd'
          : /linux/.test(n)
            ? 'linux'
            : null;
  const cpu = /arm64/.test(n) ? 'arm64' : /x64/.test(n) ? 'x64' : /wasm32/.test(n) ? 'wasm32' : null;
  const libc = /musl/.test(n) ? 'musl' : /gnu/.test(n) ? 'glibc' : null;
  return { os, cpu, libc };
};
for (const entry of Object.values({ ...pk })) {
  for (const [name, version] of Object.entries(entry.optionalDependencies || {})) {
    const p = 'node_modules/' + name;
    if (pk[p]) continue;
    const { os, cpu, libc } = platform(name);
    const e = { version, dev: true, optional: true, license: name.startsWith('@pagefind') ? 'MIT' : 'MIT' };
    if (cpu) e.cpu = [cpu];
    if (libc) e.libc = [libc];
    if (os) e.os = [os];
    pk[p] = e;
    console.log('added', p, JSON.stringify(e));
  }
}
const sorted = {};
for (const k of Object.keys(pk).sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))) sorted[k] = pk[k];
lock.packages = sorted;
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
