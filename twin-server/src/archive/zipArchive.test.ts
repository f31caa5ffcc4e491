import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sharedDataPresent, sharedFile } from '../test/sharedTestData.ts';
import { extractZipEntry, readZipEntries, ZipFormatError } from './zipArchive.ts';

/** A ZIP archive of one stored member, written by hand. */
function storedZip(name: string, data: Uint8Array): Uint8Array {
  const nameBytes = Buffer.from(name, 'utf8');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x800, 6);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x800, 8);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const directoryOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

describe('zipArchive', () => {
  it('lists and unpacks a stored member, and checks its CRC', () => {
    const zip = storedZip('model/house.ifc', Buffer.from('ISO-10303-21;'));
    const [entry] = readZipEntries(zip);
    expect(entry).toMatchObject({ name: 'model/house.ifc', method: 0, size: 13 });
    expect(Buffer.from(extractZipEntry(zip, entry!, 100)).toString()).toBe('ISO-10303-21;');
    const damaged = Uint8Array.from(zip);
    damaged[30 + 'model/house.ifc'.length] = 0x58;
    expect(() => extractZipEntry(damaged, entry!, 100)).toThrow(/CRC/);
  });

  it('refuses what is not a ZIP archive', () => {
    expect(() => readZipEntries(Buffer.from('ISO-10303-21; not a zip at all'))).toThrow(ZipFormatError);
    expect(() => readZipEntries(new Uint8Array(3))).toThrow(ZipFormatError);
  });

  it.skipIf(!sharedDataPresent('the .ifczip archives', 'ifc/schependomlaan_ROOT-kalkzandsteen.ifczip', 'conformance/xbim-step-parser-edge-cases/TestZip.ifczip'))(
    'reads deflated members, with ZIP64 sizes as .NET writes them, and stops a member at the size cap',
    () => {
      const xbim = readFileSync(sharedFile('conformance/xbim-step-parser-edge-cases/TestZip.ifczip'));
      const [member] = readZipEntries(xbim);
      expect(member).toMatchObject({ name: '4walls1floorSite.ifc', method: 8, size: 37_957, compressedSize: 12_109 });
      expect(extractZipEntry(xbim, member!, 1 << 20).length).toBe(37_957);

      const schependomlaan = readFileSync(sharedFile('ifc/schependomlaan_ROOT-kalkzandsteen.ifczip'));
      const [model] = readZipEntries(schependomlaan);
      expect(model).toMatchObject({ name: 'IFC-kalkzandsteen.ifc', size: 1_521_984 });
      expect(() => extractZipEntry(schependomlaan, model!, 1_000_000)).toThrow(RangeError);
      // A directory that under-declares the size still cannot inflate past the cap.
      expect(() => extractZipEntry(schependomlaan, { ...model!, size: 1000 }, 1000)).toThrow(RangeError);
    },
  );
});
