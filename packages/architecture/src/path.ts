const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Format a path (`['components', 3, 'code']`) as `components[3].code`, the way @cdsx/criteria locates issues. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      if (IDENTIFIER.test(key)) out += out ? `.${key}` : key;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}
