/**
 * Cuts a shell Astro rendered (the paper page's, a route's) at its markers, which must each be there
 * exactly once and in the layout's order; otherwise the layout changed in a way the shell's module
 * does not know, and the build stops rather than write wrong pages. A marker's text left elsewhere
 * (the title copied into another tag, an address written another way) would be copied into every
 * page as it is, so `leftovers` must be in none of the pieces.
 */
export function cutAtMarkers(
  html: string,
  markers: readonly string[],
  leftovers: readonly string[],
  /** What the shell is ("the paper page shell") and which module fills it, for the errors. */
  shell: { name: string; module: string },
): string[] {
  const pieces: string[] = [];
  let rest = html;
  for (const marker of markers) {
    const at = rest.indexOf(marker);
    if (at < 0 || html.split(marker).length !== 2)
      throw new Error(
        `${shell.name} does not show ${JSON.stringify(marker)} exactly once after the markers before it ` +
          `(src/layouts/BaseLayout.astro and ${shell.module} disagree)`,
      );
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at + marker.length);
  }
  pieces.push(rest);
  for (const leftover of leftovers)
    if (pieces.some((piece) => piece.includes(leftover)))
      throw new Error(
        `${shell.name} shows ${JSON.stringify(leftover)} outside the places it fills ` +
          `(src/layouts/BaseLayout.astro uses it again: teach ${shell.module} that place too)`,
      );
  return pieces;
}
