/**
 * The SCORM packages' imsmanifest.xml, for SCORM 1.2 (IMS CP 1.1.2 with the ADL 1.2 extensions)
 * and SCORM 2004 4th edition (IMS CP 1.1.4, ADL CP 1.3, IMS Simple Sequencing 1.0, ADL navigation
 * 1.3), and the packages' names. One organization with one item: the game, a single SCO launched
 * at index.html, every file of the built site listed in its resource. Pure: see scorm-package.ts
 * for the build and the zip.
 */
import type { ScormVersion } from '../lms/find-api';
import type { Pin } from '../lms/launch-config';

export interface ManifestInfo {
  /** The manifest's identifier (an XML ID: a letter or `_` first, then letters, digits, `-`, `_`, `.`). */
  identifier: string;
  /** The course's title in the LMS, and the item's. */
  title: string;
  itemTitle: string;
  /** Every file of the SCO, relative to the package's root, `/`-separated; index.html launches it. */
  files: readonly string[];
}

export const LAUNCH_FILE = 'index.html';

/**
 * The schema files each manifest names (xsi:schemaLocation), copied to the package's root as
 * packages conventionally carry them (tests/fixtures/scorm-xsd/, where they came from in its README).
 */
export const SCHEMA_DIR: Readonly<Record<ScormVersion, string>> = { '1.2': 'scorm12', '2004': 'scorm2004' };

export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An XML ID made of `text`: what is not a name character becomes `-`. */
export function xmlId(text: string): string {
  const id = text.replace(/[^A-Za-z0-9_.-]/g, '-');
  return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
}

const fileList = (files: readonly string[], indent: string) =>
  [...files]
    .sort((a, b) => (a === LAUNCH_FILE ? -1 : b === LAUNCH_FILE ? 1 : a < b ? -1 : a > b ? 1 : 0))
    .map((f) => `${indent}<file href="${xmlEscape(f)}"/>`)
    .join('\n');

/** SCORM 1.2: IMS Content Packaging 1.1.2 with the ADL SCORM 1.2 extensions (adlcp:scormtype). */
export function manifest12(info: ManifestInfo): string {
  const id = xmlId(info.identifier);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${xmlEscape(info.title)}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${xmlEscape(info.itemTitle)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${LAUNCH_FILE}">
${fileList(info.files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

/**
 * SCORM 2004 4th edition. Sequencing is minimal: the one item is delivered; completion and
 * success are the content's to set (completionSetByContent, objectiveSetByContent), so the LMS
 * marks nothing completed or passed on its own; the game reports completion at the debrief and
 * no pass or fail (it has no pass mark). The LMS's Previous and Continue buttons, meaningless
 * with one item, are hidden.
 */
export function manifest2004(info: ManifestInfo): string {
  const id = xmlId(info.identifier);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org" adlseq:objectivesGlobalToSystem="false">
      <title>${xmlEscape(info.title)}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${xmlEscape(info.itemTitle)}</title>
        <imsss:sequencing>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
        <adlnav:presentation>
          <adlnav:navigationInterface>
            <adlnav:hideLMSUI>previous</adlnav:hideLMSUI>
            <adlnav:hideLMSUI>continue</adlnav:hideLMSUI>
          </adlnav:navigationInterface>
        </adlnav:presentation>
      </item>
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormType="sco" href="${LAUNCH_FILE}">
${fileList(info.files, '      ')}
    </resource>
  </resources>
</manifest>
`;
}

export function manifestFor(version: ScormVersion, info: ManifestInfo): string {
  return version === '1.2' ? manifest12(info) : manifest2004(info);
}

/** `article-four-scorm12.zip`, or with the pin: `article-four-scorm2004-kazakhstan-2022-chair-class.zip`. */
export function packageName(version: ScormVersion, pin: Pin | null): string {
  const parts = ['article-four', version === '1.2' ? 'scorm12' : 'scorm2004'];
  if (pin) parts.push(pin.case, ...(pin.seat ? [pin.seat] : []), ...(pin.length ? [pin.length] : []));
  return `${parts.join('-')}.zip`;
}
