import { readFileSync } from 'node:fs';
import { contentHashOf } from '@cdsx/criteria';
import { describe, expect, it } from 'vitest';
import { PORTAL_PROFILE_2026 } from '../src/index';

// A published profile is frozen: its id names one formula set. The fixture is the profile's JSON as
// built before its indicators were written data-driven (commit "score766: profile indicators built from
// one spec"); the built profile must stay byte-equal to it. A changed formula needs a new profile id.
const FIXTURE = new URL('./fixtures/qd766-portal-2026.1.json', import.meta.url);

describe('published formula profile qd766-portal-2026.1', () => {
  it('is byte-equal to its recorded JSON, with the same content hash', () => {
    // Parsed and written again: the file's layout is the formatter's, its keys keep their order.
    const recorded = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    expect(JSON.stringify(PORTAL_PROFILE_2026.profile)).toBe(JSON.stringify(recorded));
    expect(PORTAL_PROFILE_2026.contentHash).toBe(
      'sha256:1bbb5bfecaf0a5deab4b8038b38667d58276713da0f905cdf490151f5d8be4a4',
    );
    expect(contentHashOf(recorded)).toBe(PORTAL_PROFILE_2026.contentHash);
  });
});
