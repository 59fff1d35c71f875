import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATA_DIR_ENV, resolveDataDir } from '../../electron/core/app/dataDir';
import { describeStartupError } from '../../electron/core/app/startupError';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  type Rect,
  readWindowState,
  WINDOW_STATE_FILE,
  type WindowState,
  writeWindowState,
} from '../../electron/core/app/windowState';
import { localDate as localToday } from '../../electron/core/contract';
import { DatabaseOpenError, type OpenFailure } from '../../electron/core/db/open';
import { useTempDirs } from '../support/temp';

const DEFAULT_DIR = '/home/ann/.config/Dermachart';

describe('resolveDataDir', () => {
  const node = ['/usr/bin/electron', '.'];

  it('uses the platform default without flag or environment', () => {
    expect(resolveDataDir(node, {}, DEFAULT_DIR)).toBe(DEFAULT_DIR);
  });

  it('takes --data-dir <path>', () => {
    expect(resolveDataDir([...node, '--data-dir', '/srv/clinic'], {}, DEFAULT_DIR)).toBe('/srv/clinic');
  });

  it('takes --data-dir=<path>', () => {
    expect(resolveDataDir([...node, '--data-dir=/srv/clinic'], {}, DEFAULT_DIR)).toBe('/srv/clinic');
  });

  it('keeps spaces and = inside the path', () => {
    expect(resolveDataDir([...node, '--data-dir=/srv/my clinic/a=b'], {}, DEFAULT_DIR)).toBe(
      '/srv/my clinic/a=b',
    );
  });

  it('takes the environment variable when there is no flag', () => {
    expect(resolveDataDir(node, { [DATA_DIR_ENV]: '/mnt/records' }, DEFAULT_DIR)).toBe('/mnt/records');
    expect(DATA_DIR_ENV).toBe('DERMACHART_DATA_DIR');
  });

  it('prefers the flag over the environment', () => {
    expect(resolveDataDir([...node, '--data-dir', '/flag'], { [DATA_DIR_ENV]: '/env' }, DEFAULT_DIR)).toBe(
      '/flag',
    );
    expect(resolveDataDir([...node, '--data-dir=/flag'], { [DATA_DIR_ENV]: '/env' }, DEFAULT_DIR)).toBe(
      '/flag',
    );
  });

  it('lets the last flag win', () => {
    expect(resolveDataDir([...node, '--data-dir=/first', '--data-dir', '/second'], {}, DEFAULT_DIR)).toBe(
      '/second',
    );
  });

  it('falls back when the flag or variable is empty or blank', () => {
    expect(resolveDataDir([...node, '--data-dir='], {}, DEFAULT_DIR)).toBe(DEFAULT_DIR);
    expect(resolveDataDir([...node, '--data-dir'], {}, DEFAULT_DIR)).toBe(DEFAULT_DIR);
    expect(resolveDataDir([...node, '--data-dir', '  '], { [DATA_DIR_ENV]: '/env' }, DEFAULT_DIR)).toBe(
      '/env',
    );
    expect(resolveDataDir(node, { [DATA_DIR_ENV]: '   ' }, DEFAULT_DIR)).toBe(DEFAULT_DIR);
  });

  it('trims the chosen path', () => {
    expect(resolveDataDir([...node, '--data-dir', '  /srv/clinic  '], {}, DEFAULT_DIR)).toBe('/srv/clinic');
  });

  it('ignores look-alike flags', () => {
    expect(resolveDataDir([...node, '--data-directory=/x', '--data-dir-x', '/y'], {}, DEFAULT_DIR)).toBe(
      DEFAULT_DIR,
    );
  });

  it('resolves relative paths against the working directory', () => {
    expect(resolveDataDir([...node, '--data-dir', 'records'], {}, DEFAULT_DIR)).toBe(
      resolve(process.cwd(), 'records'),
    );
    expect(resolveDataDir([...node, '--data-dir=./a/../b'], {}, DEFAULT_DIR)).toBe(
      resolve(process.cwd(), 'b'),
    );
    expect(resolveDataDir(node, { [DATA_DIR_ENV]: '../shared' }, DEFAULT_DIR)).toBe(
      resolve(process.cwd(), '../shared'),
    );
    expect(resolveDataDir(node, {}, 'relative-default')).toBe(resolve(process.cwd(), 'relative-default'));
  });
});

describe('window state', () => {
  const tempDir = useTempDirs();

  it('defaults when the file is missing', () => {
    expect(readWindowState(join(tempDir(), WINDOW_STATE_FILE))).toEqual(DEFAULT_WINDOW_STATE);
  });

  it.each([
    ['corrupt JSON', '{"width": 1200, "hei'],
    ['an empty file', ''],
    ['JSON null', 'null'],
    ['an array', '[1200, 800]'],
    ['a width below 400', JSON.stringify({ width: 100, height: 800 })],
    ['a height above 20000', JSON.stringify({ width: 1200, height: 30000 })],
    ['a fractional position', JSON.stringify({ width: 1200, height: 800, x: 10.5, y: 0 })],
    ['a string width', JSON.stringify({ width: '1200', height: 800 })],
    ['a missing height', JSON.stringify({ width: 1200 })],
    ['a non-boolean maximized', JSON.stringify({ width: 1200, height: 800, maximized: 'yes' })],
  ])('defaults on %s', (_label, content) => {
    const file = join(tempDir(), WINDOW_STATE_FILE);
    writeFileSync(file, content);
    expect(readWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('defaults when the path is a folder', () => {
    const file = join(tempDir(), WINDOW_STATE_FILE);
    mkdirSync(file);
    expect(readWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('round-trips a written state, without leaving the temporary file behind', () => {
    const file = join(tempDir(), WINDOW_STATE_FILE);
    const state: WindowState = { x: -1800, y: 40, width: 1600, height: 1000, maximized: true };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
    expect(existsSync(`${file}.tmp`)).toBe(false);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
  });

  it('overwrites an earlier state', () => {
    const file = join(tempDir(), WINDOW_STATE_FILE);
    writeWindowState(file, { x: 0, y: 0, width: 800, height: 600, maximized: false });
    writeWindowState(file, { width: 1000, height: 700, maximized: false });
    expect(readWindowState(file)).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('defaults maximized to false and ignores unknown keys', () => {
    const file = join(tempDir(), WINDOW_STATE_FILE);
    writeFileSync(file, JSON.stringify({ width: 1000, height: 700, zoom: 3 }));
    expect(readWindowState(file)).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('throws when the folder does not exist, leaving the caller to decide', () => {
    expect(() =>
      writeWindowState(join(tempDir(), 'missing', WINDOW_STATE_FILE), DEFAULT_WINDOW_STATE),
    ).toThrow();
  });
});

describe('fitToDisplays', () => {
  const laptop: Rect = { x: 0, y: 0, width: 1440, height: 860 };
  const monitorLeft: Rect = { x: -2560, y: 0, width: 2560, height: 1400 };

  it('keeps a window whose title bar is on a display, size and all', () => {
    const state: WindowState = { x: 100, y: 50, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(state, [laptop])).toBe(state);
  });

  it('keeps a window on a secondary display at negative coordinates', () => {
    const state: WindowState = { x: -2400, y: 100, width: 2000, height: 1200, maximized: true };
    expect(fitToDisplays(state, [laptop, monitorLeft])).toBe(state);
  });

  it('re-centres and shrinks a window left on a display that is gone', () => {
    const state: WindowState = { x: -2400, y: 100, width: 2000, height: 1200, maximized: false };
    expect(fitToDisplays(state, [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 860,
      maximized: false,
    });
  });

  it('re-centres a window that fits but is off-screen, keeping its size', () => {
    const state: WindowState = { x: 5000, y: 5000, width: 1000, height: 600, maximized: false };
    expect(fitToDisplays(state, [laptop])).toEqual({
      x: 220,
      y: 130,
      width: 1000,
      height: 600,
      maximized: false,
    });
  });

  it('centres on the first display’s work area, offsets included', () => {
    const primary: Rect = { x: 1920, y: 25, width: 1920, height: 1055 };
    const state: WindowState = { width: 1360, height: 860, maximized: false };
    expect(fitToDisplays(state, [primary])).toEqual({
      x: 2200,
      y: 123,
      width: 1360,
      height: 860,
      maximized: false,
    });
  });

  it('centres a window that never had a position', () => {
    expect(fitToDisplays(DEFAULT_WINDOW_STATE, [laptop])).toEqual({
      ...DEFAULT_WINDOW_STATE,
      x: 40,
      y: 0,
      height: 860,
    });
  });

  it.each([
    ['its title bar above the display', { x: 100, y: -10 }, false],
    ['its title bar on the top edge', { x: 100, y: 0 }, true],
    ['its title bar in the bottom 50 pixels', { x: 100, y: 811 }, false],
    ['just above that', { x: 100, y: 809 }, true],
    ['x = -100 (the first 100 px of its title bar off the left edge)', { x: -100, y: 100 }, false],
    ['x = -99', { x: -99, y: 100 }, true],
    ['x = 1340 (under 100 px left before the right edge)', { x: 1340, y: 100 }, false],
    ['x = 1339', { x: 1339, y: 100 }, true],
  ])('treats a window with %s as on-screen: %s', (_label, position, onScreen) => {
    const state: WindowState = { ...position, width: 1000, height: 600, maximized: false };
    const result = fitToDisplays(state, [laptop]);
    if (onScreen) expect(result).toBe(state);
    else expect(result).toEqual({ ...state, x: 220, y: 130 });
  });

  it('leaves the state alone when no display is known', () => {
    const state: WindowState = { x: -5000, y: 0, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(state, [])).toBe(state);
  });
});

describe('describeStartupError', () => {
  const file = '/data/Dermachart/dermachart.db';
  const reasons: [OpenFailure, RegExp][] = [
    ['LOCKED', /Close any other Dermachart window/],
    ['NEWER_VERSION', /Update Dermachart.*not changed/],
    ['UNWRITABLE', /disk is not full or read-only.*--data-dir/],
    ['CORRUPT', /backup.*Do not delete the file/],
    ['UNKNOWN', /contact support/],
  ];

  it.each(reasons)('explains %s with advice and the records file path', (reason, advice) => {
    const report = describeStartupError(
      new DatabaseOpenError(reason, file, `Message for ${reason}`),
      '/data/Dermachart',
    );
    expect(report.title).toBe('Dermachart could not open your records');
    expect(report.message).toBe(`Message for ${reason}`);
    expect(report.detail).toMatch(advice);
    expect(report.detail).toContain(`Records file: ${file}`);
  });

  it('gives each reason different advice', () => {
    const details = reasons.map(
      ([reason]) => describeStartupError(new DatabaseOpenError(reason, file, 'm'), '/d').detail,
    );
    expect(new Set(details).size).toBe(reasons.length);
  });

  it('reports any other error with the data folder', () => {
    expect(describeStartupError(new Error('questionnaire is invalid'), '/data/Dermachart')).toEqual({
      title: 'Dermachart could not start',
      message: 'questionnaire is invalid',
      detail: 'Data folder: /data/Dermachart',
    });
    expect(describeStartupError('plain text', '/d').message).toBe('plain text');
  });
});

describe('localToday', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    vi.useRealTimers();
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each([
    ['Pacific/Auckland', '2024-12-31T12:30:00.000Z', '2025-01-01'],
    ['America/Los_Angeles', '2025-01-01T07:59:00.000Z', '2024-12-31'],
    ['UTC', '2024-02-29T23:59:59.999Z', '2024-02-29'],
  ])('is the local calendar date in %s at %s', (tz, instant, expected) => {
    process.env.TZ = tz;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(instant));
    expect(localToday()).toBe(expected);
  });
});
