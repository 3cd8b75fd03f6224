/**
 * The SCORM packages' manifests against the SCORM schemas (tests/fixtures/scorm-xsd/, see its
 * README), with libxml2's validator (xmllint-wasm): SCORM 1.2 (IMS CP 1.1.2 + ADL CP 1.2) and
 * SCORM 2004 4th edition (IMS CP 1.1.4, ADL CP/sequencing/navigation 1.3, IMS SS 1.0). A manifest
 * the schemas refuse is refused. And `npm run build:scorm`'s argument checks: an unknown case, seat
 * or length is one line and exit 2.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manifest12, manifest2004, packageName, xmlId } from '../../src/build/scorm-manifest';
import { bundledScenarios, checkPin, main, packageFiles, withLaunchMeta } from '../../src/build/scorm-package';
import { readLaunchConfig } from '../../src/lms/launch-config';
import { validateManifest as validate } from '../browser/scorm-xsd';

const INFO = {
  identifier: 'article-four-scorm-kazakhstan-2022-chair-class',
  title: 'Article Four: Kazakhstan, January 2022',
  itemTitle: "Kazakhstan, January 2022 · Chair: Armenia's Prime Minister & co <x> · Class lesson",
  files: ['index.html', 'assets/app-B1_x.js', 'assets/index-C2.css', 'dashboard.html', 'boot-check.js'],
};

describe('imsmanifest.xml against the SCORM schemas', () => {
  for (const [version, make] of [
    ['1.2', manifest12],
    ['2004', manifest2004],
  ] as const) {
    it(`SCORM ${version}: valid, launching index.html, listing every file`, async () => {
      const xml = make(INFO);
      const r = await validate(version, xml);
      expect(r.errors).toEqual([]);
      expect(r.valid).toBe(true);
      expect(xml).toContain(
        version === '1.2' ? '<schemaversion>1.2</schemaversion>' : '<schemaversion>2004 4th Edition</schemaversion>',
      );
      expect(xml).toMatch(/<resource [^>]*href="index.html"/);
      for (const f of INFO.files) expect(xml).toContain(`<file href="${f}"/>`);
      expect(xml).toContain('Prime Minister &amp; co &lt;x&gt;');
    });

    it(`SCORM ${version}: a manifest the schemas refuse is refused`, async () => {
      const attr = version === '1.2' ? 'adlcp:scormtype="sco"' : 'adlcp:scormType="sco"';
      const broken = make(INFO).replace(attr, attr.replace('="sco"', '="lesson"'));
      const r = await validate(version, broken);
      expect(r.valid).toBe(false);
      expect(r.errors.join('\n')).toMatch(/scorm[tT]ype/);
    });
  }

  it('SCORM 2004: the content sets completion and success (no pass mark), with minimal sequencing', () => {
    const xml = manifest2004(INFO);
    expect(xml).toContain('completionSetByContent="true" objectiveSetByContent="true"');
    expect(xml).toContain('<imsss:controlMode choice="true" flow="true"/>');
  });

  it('makes XML ids of any text, and names packages with their pin', () => {
    expect(xmlId('article-four-scorm12')).toBe('article-four-scorm12');
    expect(xmlId('1 case/seat')).toBe('_1-case-seat');
    expect(packageName('1.2', null)).toBe('article-four-scorm12.zip');
    expect(packageName('2004', { case: 'kazakhstan-2022', seat: 'chair', length: 'class' })).toBe(
      'article-four-scorm2004-kazakhstan-2022-chair-class.zip',
    );
  });
});

describe('the package files', () => {
  it('mark index.html with the SCORM version and the pin, and put the manifest and schemas at the root', () => {
    const enc = new TextEncoder();
    const site = new Map([
      ['index.html', enc.encode('<!doctype html><html><head><title>x</title></head><body></body></html>')],
      ['assets/a.js', enc.encode('1')],
    ]);
    const files = packageFiles(
      site,
      '1.2',
      { case: 'kazakhstan-2022', seat: 'chair' },
      { identifier: 'p', title: 't', itemTitle: 'i' },
      new Map([['imscp_rootv1p1p2.xsd', enc.encode('<x/>')]]),
    );
    expect(Object.keys(files).sort()).toEqual(['assets/a.js', 'imscp_rootv1p1p2.xsd', 'imsmanifest.xml', 'index.html']);
    const html = new TextDecoder().decode(files['index.html']);
    const content = /<meta name="article-four-lms" content="([^"]*)">/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    expect(readLaunchConfig(content)).toEqual({ scorm: '1.2', pin: { case: 'kazakhstan-2022', seat: 'chair' } });
    const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
    expect(manifest).not.toContain('<file href="imscp_rootv1p1p2.xsd"');
    expect(() => withLaunchMeta('<html></html>', '2004', null)).toThrow(/no <\/head>/);
  });
});

describe('npm run build:scorm arguments', () => {
  const cases = bundledScenarios();
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('checks the case, seat and length against the bundled cases', () => {
    expect(checkPin({}, cases).pin).toBeNull();
    expect(checkPin({ case: 'kazakhstan-2022', seat: 'chair', length: 'class' }, cases).pin).toEqual({
      case: 'kazakhstan-2022',
      seat: 'chair',
      length: 'class',
    });
    expect(checkPin({ case: 'kazakhstan-2022', length: 'full' }, cases).pin).toEqual({ case: 'kazakhstan-2022' });
    expect(() => checkPin({ case: 'narnia' }, cases)).toThrow(
      /there is no case "narnia" \(cases: armenia-2021, kazakhstan-2022, kyrgyzstan-2010\)/,
    );
    expect(() => checkPin({ case: 'kazakhstan-2022', seat: 'king' }, cases)).toThrow(
      /has no seat "king" \(seats: chair/,
    );
    expect(() => checkPin({ case: 'kazakhstan-2022', length: 'week' }, cases)).toThrow(
      /has no length "week" \(lengths: full, class\)/,
    );
    expect(() => checkPin({ seat: 'chair' }, cases)).toThrow(/need --case/);
  });

  it('says what is wrong in one line and exits 2, before building anything', async () => {
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
      err.push(String(s));
      return true;
    });
    for (const argv of [
      ['--case', 'narnia'],
      ['--case', 'kazakhstan-2022', '--seat', 'king'],
      ['--case', 'kazakhstan-2022', '--length', 'week'],
      ['--seat', 'chair'],
      ['--colour', 'red'],
      ['--case'],
    ]) {
      err.length = 0;
      expect(await main(argv)).toBe(2);
      expect(err.join('').trim().split('\n')).toHaveLength(1);
      expect(err.join('')).toMatch(/^build:scorm: error: /);
    }
  });
});
