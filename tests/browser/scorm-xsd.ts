/**
 * A SCORM package's imsmanifest.xml checked against the SCORM schemas shipped in
 * tests/fixtures/scorm-xsd/ (see its README), with libxml2's validator (xmllint-wasm, no network).
 * Used by tests/unit/scorm-manifest.test.ts and the SCORM browser test (the built packages).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { SCHEMA_DIR } from '../../src/build/scorm-manifest';
import type { ScormVersion } from '../../src/lms/find-api';

const XSD = join(import.meta.dirname, '..', 'fixtures', 'scorm-xsd');

/**
 * One schema importing every namespace a manifest mixes (ours, not ADL's or IMS's). For 2004 the
 * xml namespace comes first from the W3C's xml.xsd shipped beside it: imscp_v1p1.xsd imports it
 * from www.w3.org, which is then skipped, so nothing is fetched. For 1.2 the IMS metadata schema
 * is not imported: the manifest carries no IMS metadata, and libxml2 refuses imsmd_rootv1p2p1.xsd
 * (its content models are not deterministic).
 */
const WRAPPER: Record<ScormVersion, string> = {
  '1.2': `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>
  <xs:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>
</xs:schema>`,
  '2004': `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="xml.xsd"/>
  <xs:import namespace="http://www.imsglobal.org/xsd/imscp_v1p1" schemaLocation="imscp_v1p1.xsd"/>
  <xs:import namespace="http://www.adlnet.org/xsd/adlcp_v1p3" schemaLocation="adlcp_v1p3.xsd"/>
  <xs:import namespace="http://www.adlnet.org/xsd/adlseq_v1p3" schemaLocation="adlseq_v1p3.xsd"/>
  <xs:import namespace="http://www.adlnet.org/xsd/adlnav_v1p3" schemaLocation="adlnav_v1p3.xsd"/>
  <xs:import namespace="http://www.imsglobal.org/xsd/imsss" schemaLocation="imsss_v1p0.xsd"/>
</xs:schema>`,
};

function schemaFiles(version: ScormVersion): XMLFileInfo[] {
  const dir = join(XSD, SCHEMA_DIR[version]);
  return readdirSync(dir).map((f) => ({ fileName: f, contents: readFileSync(join(dir, f), 'utf8') }));
}

/** Whether the manifest is valid, and the schema validity errors. */
export async function validateManifest(version: ScormVersion, xml: string) {
  const r = await validateXML({
    xml: [{ fileName: 'imsmanifest.xml', contents: xml }],
    schema: [{ fileName: 'all.xsd', contents: WRAPPER[version] }],
    preload: schemaFiles(version),
  });
  return { valid: r.valid, errors: r.errors.map((e) => e.rawMessage).filter((m) => /validity error/.test(m)) };
}
