/** Browsers are found where each platform puts them, with the install line for the platform. */
import { describe, expect, it } from 'vitest';
import { chromiumCandidates, chromiumInstallLine } from '../../cli/chromium.ts';

describe('finding a browser', () => {
  it('looks in Debian, Ubuntu (apt and snap) and Chrome paths on Linux', () => {
    const c = chromiumCandidates('linux', {});
    expect(c).toContain('/usr/bin/chromium');
    expect(c).toContain('/usr/bin/chromium-browser');
    expect(c).toContain('/snap/bin/chromium');
    expect(c).toContain('/usr/bin/google-chrome-stable');
  });
  it('looks in the Applications folder on macOS', () => {
    expect(chromiumCandidates('darwin', {})).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  });
  it('looks under Program Files and LocalAppData on Windows, Chrome and Edge', () => {
    const c = chromiumCandidates('win32', { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' });
    expect(c.some((p) => p.includes('Program Files') && p.endsWith('chrome.exe'))).toBe(true);
    expect(c.some((p) => p.endsWith('msedge.exe'))).toBe(true);
    expect(c.some((p) => p.includes('AppData'))).toBe(true);
  });
  it('says the exact install line for the platform', () => {
    expect(chromiumInstallLine('linux', 'ID=debian\n')).toBe('sudo apt-get install chromium');
    expect(chromiumInstallLine('linux', 'ID=ubuntu\n')).toContain('snap install chromium');
    expect(chromiumInstallLine('darwin')).toContain('brew install --cask chromium');
    expect(chromiumInstallLine('win32')).toBe('winget install Google.Chrome');
  });
});
