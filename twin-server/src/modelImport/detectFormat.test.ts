import { describe, expect, it } from 'vitest';
import { detectFormat } from './detectFormat.ts';

const head = (text: string) => Buffer.from(text, 'latin1');

describe('detectFormat', () => {
  it('recognises each kind from its first bytes, whatever the extension', () => {
    expect(detectFormat(head('\xef\xbb\xbf  ISO-10303-21;\nHEADER;'), 'model.txt')).toBe('ifc');
    expect(detectFormat(head('PK\x03\x04rest'), 'model.ifczip')).toBe('ifc');
    expect(detectFormat(head('<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'), 'roads.xml')).toBe('osm');
    expect(detectFormat(head('{"type": "FeatureCollection"'), 'roads.dat')).toBe('geojson');
    expect(detectFormat(head('[TITLE]\nNet 1'), 'net.txt')).toBe('epanet');
  });

  it('falls back on the extension when the content does not decide', () => {
    expect(detectFormat(head(';EPANET network\n[JUNCTIONS]'), 'net.inp')).toBe('epanet');
    expect(detectFormat(head('garbage'), 'broken.ifc')).toBe('ifc');
  });

  it('says plainly which formats are not read', () => {
    expect(() => detectFormat(head('<?xml version="1.0"?><ex:iso_10303_28 version="2.0">'), 'a.ifcxml')).toThrow(/ifcXML \(ISO 10303-28\) is not supported/);
    expect(() => detectFormat(head("<?xml version='1.0'?><osm version=\"0.6\">"), 'city.osm')).toThrow(/raw OpenStreetMap XML is not supported/);
    expect(() => detectFormat(head('PK\x03\x04'), 'photos.zip.bak')).toThrow(/only \.ifczip archives/);
    expect(() => detectFormat(head('# Licence'), 'LICENCE.md')).toThrow(expect.objectContaining({ code: 'TWIN_ERR_MODEL_IMPORT_UNSUPPORTED_FORMAT', where: { file: 'LICENCE.md' } }) as Error);
  });
});
