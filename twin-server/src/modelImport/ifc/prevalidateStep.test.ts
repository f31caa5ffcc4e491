import { describe, expect, it } from 'vitest';
import { ModelImportError } from '../modelImportError.ts';
import { WarningList } from '../warningList.ts';
import { prevalidateStep } from './prevalidateStep.ts';

const HEADER = ["ISO-10303-21;", 'HEADER;', "FILE_DESCRIPTION(('ViewDefinition [CoordinationView]'),'2;1');", "FILE_NAME('a.ifc','2024-01-01T00:00:00',(''),(''),'','','');", "FILE_SCHEMA(('IFC4'));", 'ENDSEC;'];

/** A STEP file of `data` lines (line 8 is the first of them). */
function step(data: string[], header = HEADER): Uint8Array {
  return Buffer.from([...header, 'DATA;', ...data, 'ENDSEC;', 'END-ISO-10303-21;', ''].join('\n'), 'latin1');
}

function check(bytes: Uint8Array) {
  const warnings = new WarningList();
  const summary = prevalidateStep(bytes, { file: 't.ifc' }, warnings);
  return { summary, warnings: warnings.toArray() };
}

function failure(bytes: Uint8Array): ModelImportError {
  try {
    check(bytes);
  } catch (error) {
    if (error instanceof ModelImportError) return error;
    throw error;
  }
  throw new Error('expected the check to fail');
}

describe('prevalidateStep', () => {
  it('accepts a small IFC4 file and counts its instances by entity name', () => {
    const { summary, warnings } = check(step(["#1=IFCORGANIZATION($,'Acme',$,$,$);", "#2=IFCPROJECT('0aihQvOWr2$AnSebZs58mD',$,'P',$,$,$,$,(#3),$);", "#3=IFCCARTESIANPOINT((0.,1.5E-3,-2.));"]));
    expect(summary.schema).toBe('IFC4');
    expect(summary.instances).toBe(3);
    expect(summary.keywords.get('IFCPROJECT')).toEqual({ count: 1, firstLabel: 2 });
    expect(warnings).toEqual([]);
  });

  it('maps IFC4X3_ADD2 to IFC4X3 and refuses schemas the engine does not read', () => {
    const add2 = step(['#1=IFCORGANIZATION($,$,$,$,$);'], HEADER.map((l) => l.replace("'IFC4'", "'IFC4X3_ADD2'")));
    expect(check(add2).summary).toMatchObject({ schema: 'IFC4X3', schemaIdentifier: 'IFC4X3_ADD2' });
    const error = failure(step([], HEADER.map((l) => l.replace("'IFC4'", "'IFC2X2_FINAL'"))));
    expect(error.code).toBe('TWIN_ERR_MODEL_IMPORT_UNSUPPORTED_SCHEMA');
    expect(error.message).toMatch(/IFC2X2_FINAL/);
  });

  it('names the line where a file that is not STEP starts', () => {
    const error = failure(Buffer.from('hello\nworld\n'));
    expect(error).toMatchObject({ code: 'TWIN_ERR_MODEL_IMPORT_MALFORMED', where: { file: 't.ifc', line: 1 } });
    expect(error.message).toMatch(/ISO-10303-21/);
  });

  it('reports a truncated file at the instance whose list never closes', () => {
    const text = Buffer.from([...HEADER, 'DATA;', "#1=IFCORGANIZATION($,'Acme',$,$,$);", '#2=IFCCARTESIANPOINT((0.,0.,'].join('\n'));
    expect(failure(text)).toMatchObject({ code: 'TWIN_ERR_MODEL_IMPORT_MALFORMED', where: { line: 9, entity: '#2' } });
  });

  it('reports a string that never closes at the line it opens', () => {
    const error = failure(step(['#1=IFCORGANIZATION($,$,$,$,$);', "#2=IFCORGANIZATION($,'open,$,$,$);", '#3=IFCORGANIZATION($,$,$,$,$);']));
    expect(error.where).toMatchObject({ line: 9, entity: '#2' });
    expect(error.message).toMatch(/never closed/);
  });

  it('requires a semicolon after each instance and END-ISO-10303-21 at the end', () => {
    expect(failure(step(['#1=IFCORGANIZATION($,$,$,$,$)', '#2=IFCORGANIZATION($,$,$,$,$);'])).where).toMatchObject({ line: 9, entity: '#1' });
    const unterminated = Buffer.from([...HEADER, 'DATA;', '#1=IFCORGANIZATION($,$,$,$,$);', 'ENDSEC;', ''].join('\n'));
    expect(failure(unterminated).message).toMatch(/END-ISO-10303-21/);
    const noData = Buffer.from([...HEADER, 'END-ISO-10303-21;'].join('\n'));
    expect(failure(noData).message).toMatch(/no DATA section/);
  });

  it('refuses values that are not STEP numbers, such as 1.#INF', () => {
    const error = failure(step(['#1=IFCCARTESIANPOINT((1.,2.,3.));', '#2=IFCCARTESIANPOINT((-1.#INF,0.,0.));']));
    expect(error).toMatchObject({ where: { line: 9, entity: '#2' } });
    expect(error.message).toMatch(/'-1\.#INF' is not a number/);
  });

  it('refuses instance numbers above the engine limit and instances defined twice', () => {
    expect(failure(step(['#4294967296=IFCORGANIZATION($,$,$,$,$);'])).where).toMatchObject({ line: 8, entity: '#4294967296' });
    const twice = failure(step(['#5=IFCORGANIZATION($,$,$,$,$);', '#6=IFCORGANIZATION($,$,$,$,$);', '#5=IFCORGANIZATION($,$,$,$,$);']));
    expect(twice.message).toBe('instance #5 is defined twice (lines 8 and 10)');
    expect(twice.where).toMatchObject({ line: 10, entity: '#5' });
  });

  it('warns about references to undefined instances, naming the first and counting all', () => {
    const { warnings } = check(step(['#1=IFCORGANIZATION($,$,$,$,$);', '#2=IFCPERSONANDORGANIZATION(#7,#1,$);', '#3=IFCPERSONANDORGANIZATION(#8,#9,$);']));
    expect(warnings).toEqual([{ message: '#2 refers to #7, which the file does not define (3 references to undefined instances in all)', where: { file: 't.ifc', line: 9, entity: '#2' } }]);
  });

  it('reads \\S\\ followed by a quote as an escape, not as the end of the string', () => {
    const { warnings } = check(step(["#1=IFCORGANIZATION($,'Coordena\\S\\C\\S\\'\\S\\C\\S\\#o',$,$,$);", "#2=IFCORGANIZATION($,'ends in solidus escape \\S\\'',$,$,$);", "#3=IFCORGANIZATION($,'Don''t \\\\ \\X\\E0 \\X2\\00E0\\X0\\ \\X4\\000000E0\\X0\\',$,$,$);"]));
    expect(warnings).toEqual([]);
  });

  it('warns once, with a count, about invalid escapes, lower-case enumerations and exponents', () => {
    const { warnings } = check(step(["#1=IFCORGANIZATION($,'C:\\Users\\x',$,$,$);", '#2=IFCACTORROLE(.architect.,$,$);', '#3=IFCCARTESIANPOINT((4.4e-013,0.,0.));']));
    expect(warnings.map((w) => [w.where?.line, w.count])).toEqual([
      [8, 2],
      [9, undefined],
      [10, undefined],
    ]);
  });

  it('warns about header entities that are missing or out of order', () => {
    const header = ['ISO-10303-21;', 'HEADER;', "FILE_SCHEMA(('IFC2X3'));", "FILE_NAME('a','b',(''),(''),'','','');", 'ENDSEC;'];
    const { warnings } = check(step(['#1=IFCORGANIZATION($,$,$,$,$);'], header));
    expect(warnings.map((w) => w.message)).toEqual([
      'the header lacks FILE_DESCRIPTION',
      'the header entities are in the order FILE_SCHEMA, FILE_NAME instead of FILE_NAME, FILE_SCHEMA',
    ]);
  });

  it('skips comments, and reports one that never closes', () => {
    expect(check(step(['/* a comment', 'over lines */ #1=IFCORGANIZATION($,$,$,$,$);'])).summary.instances).toBe(1);
    expect(failure(step(['/* never closed', '#1=IFCORGANIZATION($,$,$,$,$);'])).where.line).toBe(8);
  });

  it('survives deeply nested lists without recursion', () => {
    const deep = `#1=IFCCARTESIANPOINT(${'('.repeat(100_000)}${')'.repeat(100_000)});`;
    expect(check(step([deep])).summary.instances).toBe(1);
  });
});
