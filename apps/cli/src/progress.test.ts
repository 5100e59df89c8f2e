import { describe, expect, it } from 'vitest';
import { Progress } from './progress';
import { useColor } from './render/color';

describe('Progress', () => {
  it('is on only for a terminal outside CI', () => {
    expect(Progress.enabledFor(true, {})).toBe(true);
    expect(Progress.enabledFor(true, { CI: 'true' })).toBe(false);
    expect(Progress.enabledFor(false, {})).toBe(false);
  });

  it('draws on one line and clears it, or writes nothing when off', () => {
    const out: string[] = [];
    const on = new Progress((s) => out.push(s), true, 'f.ndjson');
    on.update(50, 100, 1234);
    on.done();
    expect(out[0]).toMatch(/^\rf\.ndjson .+ 50% {2}1234$/);
    expect(out[1]).toBe('\r\u001b[2K');
    const off: string[] = [];
    const p = new Progress((s) => off.push(s), false, 'f');
    p.update(50, 100, 1);
    p.done();
    expect(off).toEqual([]);
  });
});

describe('useColor', () => {
  it('colours a terminal unless NO_COLOR is set', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColor({ isTTY: false }, {})).toBe(false);
    expect(useColor({}, {})).toBe(false);
  });
});
