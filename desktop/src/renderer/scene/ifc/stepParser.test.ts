import { describe, expect, it } from 'vitest';
import { decodeStepString, parseStep, StepSyntaxError } from './stepParser.ts';

const file = `ISO-10303-21;
HEADER;
FILE_NAME('a;b.ifc','2025-01-01T00:00:00',(''),(''),'','','');
ENDSEC;
DATA;
#1=IFCSIUNIT(*,.LENGTHUNIT.,$,.METRE.);
#11=IFCPROJECT('3H_q0l4cbASvRSgSlGEqIi',$,'\\X2\\798F7530\\X0\\ it''s',$,$,$,$,(#9),#5);
/* a comment */
#21=IFCBUILDINGSTOREY('1xzMlzEab10PDnWh0xoWkl',$,'F1','Storey 1',$,#20,$,'1\\X2\\5C42\\X0\\',.ELEMENT.,-4.5E0);
#40=IFCPROPERTYSINGLEVALUE('IsExternal',$,IFCBOOLEAN(.T.),$);
#41=(IFCLENGTHMEASURE(1.)IFCNAMEDUNIT(#1));
#42=IFCCARTESIANPOINT((0.,-7.195,1.5E1));
ENDSEC;
END-ISO-10303-21;`;

describe('parseStep', () => {
  it('reads instances with strings, enums, references, lists, numbers and typed values', () => {
    const entities = parseStep(file);
    expect(entities.get(1)).toEqual({ id: 1, type: 'IFCSIUNIT', args: [null, { enum: 'LENGTHUNIT' }, null, { enum: 'METRE' }] });
    expect(entities.get(11)!.args[2]).toBe("福田 it's");
    expect(entities.get(11)!.args[7]).toEqual([{ ref: 9 }]);
    expect(entities.get(21)!.args.slice(7)).toEqual(['1层', { enum: 'ELEMENT' }, -4.5]);
    expect(entities.get(40)!.args[2]).toEqual({ type: 'IFCBOOLEAN', value: true });
    expect(entities.get(42)!.args[0]).toEqual([0, -7.195, 15]);
  });

  it('skips complex instances and ignores semicolons inside header strings', () => {
    const entities = parseStep(file);
    expect(entities.has(41)).toBe(false);
    expect([...entities.keys()]).toEqual([1, 11, 21, 40, 42]);
  });

  it('rejects text without a DATA section or with a broken instance', () => {
    expect(() => parseStep('ISO-10303-21;')).toThrow(StepSyntaxError);
    expect(() => parseStep('DATA;\n#1=IFCWALL(\'a\',;')).toThrow(StepSyntaxError);
  });
});

describe('decodeStepString', () => {
  it('decodes \\X\\, \\S\\ and backslash escapes', () => {
    expect(decodeStepString('caf\\X\\E9')).toBe('café');
    expect(decodeStepString('\\S\\i')).toBe('é');
    expect(decodeStepString('a\\\\b')).toBe('a\\b');
  });
});
