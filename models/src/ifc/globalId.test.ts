import { describe, expect, it } from 'vitest';
import { compressGuid, ifcGlobalId } from './globalId.ts';

describe('ifcGlobalId', () => {
  it('is 22 characters of the IFC alphabet, first character 0-3', () => {
    const id = ifcGlobalId('B03/F12/SPACE/1203');
    expect(id).toMatch(/^[0-3][0-9A-Za-z_$]{21}$/);
  });

  it('is stable for a key and differs between keys', () => {
    expect(ifcGlobalId('B01/SITE')).toBe(ifcGlobalId('B01/SITE'));
    expect(ifcGlobalId('B01/SITE')).not.toBe(ifcGlobalId('B02/SITE'));
  });

  it('compresses a known GUID as IFC does', () => {
    // 00000000-0000-0000-0000-000000000000 and all-ones bound the encoding.
    expect(compressGuid(new Uint8Array(16))).toBe('0000000000000000000000');
    expect(compressGuid(new Uint8Array(16).fill(255))).toBe('3$$$$$$$$$$$$$$$$$$$$$');
  });
});
