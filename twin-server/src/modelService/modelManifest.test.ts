import { describe, expect, it } from 'vitest';
import { isIfcPath, isSafeModelPath, ModelManifest } from './modelManifest.ts';
import { ModelError } from './modelError.ts';

const sha = 'a'.repeat(64);

describe('model manifest', () => {
  it('accepts relative paths inside the models directory only', () => {
    expect(['ifc/B01.ifc', 'site.geojson', 'network/water/pipes.geojson'].every(isSafeModelPath)).toBe(true);
    expect(['', '/etc/passwd', '../secret', 'ifc/../../x', 'ifc//B01.ifc', './site.geojson', 'ifc\\B01.ifc', 'C:/x', 'ifc/B01.ifc\u0000'].some(isSafeModelPath)).toBe(false);
  });

  it('recognises IFC files, plain and zipped', () => {
    expect([isIfcPath('ifc/B01.ifc'), isIfcPath('ifc/B01.IFCZIP'), isIfcPath('site.geojson')]).toEqual([true, true, false]);
  });

  it('lists files by path, keeps unknown fields and leaves out unsafe or repeated paths', () => {
    const bytes = Buffer.from(JSON.stringify({
      version: 1,
      generatedBy: 'models',
      files: [
        { path: 'ifc/B01.ifc', sha256: sha.toUpperCase(), bytes: 10, crs: null, role: 'building', storeys: 18 },
        { path: '../outside.ifc', sha256: sha, bytes: 1, role: 'building' },
        { path: 'ifc/B01.ifc', sha256: sha, bytes: 1, role: 'building' },
      ],
    }));
    const manifest = ModelManifest.parse(bytes);
    expect(manifest.entry('ifc/B01.ifc')).toEqual({ path: 'ifc/B01.ifc', sha256: sha, bytes: 10, role: 'building' });
    expect(manifest.files.size).toBe(1);
    expect(manifest.refused).toEqual(['../outside.ifc', 'ifc/B01.ifc']);
    expect(manifest.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(manifest.bytes).toBe(bytes);
  });

  it('refuses a manifest that is not JSON or lacks what the server needs, naming the field', () => {
    expect(() => ModelManifest.parse(Buffer.from('{'))).toThrow(ModelError);
    expect(() => ModelManifest.parse(Buffer.from(JSON.stringify({ files: [{ path: 'a.ifc', sha256: 'x', bytes: 1 }] })))).toThrow(/files\.0\.sha256/);
    const thrown = (() => {
      try {
        ModelManifest.parse(Buffer.from('[]'));
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toMatchObject({ code: 'TWIN_ERR_MODEL_MANIFEST_INVALID' });
  });
});
