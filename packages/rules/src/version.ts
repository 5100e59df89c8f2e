import { dependencies, name, version } from '../package.json';

/** Name, version and reference semantics written into every decision record. */
export const ENGINE_INFO: Readonly<{ name: string; version: string; semantics: string }> = Object.freeze({
  name,
  version,
  semantics: `json-rules-engine@${dependencies['json-rules-engine']}`,
});
