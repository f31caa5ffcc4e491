/**
 * Every file of the bad-input folders, with the outcome each must have: it loads (odd but valid
 * files, or files whose faults are tolerable, reported as warnings) or it fails with a clear
 * error naming the file, the line or entity where known, and the reason. Each import runs in the
 * import worker with a short time limit, so a hang would fail its row, not stall the suite.
 *
 * Sources: xBimTeam/XbimEssentials test files (CDDL-1.0) and USEPA/WNTR test networks (BSD-3-Clause).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importModel } from './importModel.ts';
import type { ErrorWhere, ImportReport } from './importReport.ts';
import { ModelImportError, type ModelImportErrorCode } from './modelImportError.ts';
import { sharedDataPresent, sharedFile } from '../test/sharedTestData.ts';

type Outcome =
  | { loads: { schema: string; counts: Record<string, number>; warnings: Array<{ message: RegExp; where?: Omit<ErrorWhere, 'file'>; count?: number }> } }
  | { fails: { code: ModelImportErrorCode; message: RegExp; where?: Omit<ErrorWhere, 'file'> } };

const NO_GEOREFERENCE = { message: /has no georeference/ };
const NO_PROJECT = { message: /has no IfcProject/ };
const NET1_COUNTS = { junctions: 9, reservoirs: 1, tanks: 1, pipes: 12, pumps: 1, valves: 0, patterns: 1, curves: 1 };
const SMALL_MODEL_COUNTS = { IfcBuilding: 1, IfcBuildingStorey: 1, IfcProject: 1, IfcPropertySet: 46, IfcSite: 1, IfcSlab: 1, IfcWallStandardCase: 4 };

const XBIM = 'conformance/xbim-step-parser-edge-cases';
const WNTR_INVALID = 'gis/pipe-networks/wntr/invalid';

/** The expected outcome of every file in the two folders. */
const TABLE: Record<string, Outcome> = {
  [`${XBIM}/4walls1floorSite.ifcxml`]: { fails: { code: 'TWIN_ERR_MODEL_IMPORT_UNSUPPORTED_FORMAT', message: /ifcXML \(ISO 10303-28\) is not supported/ } },
  // `\X\08` (a backspace) in the header's file name is a valid escape.
  [`${XBIM}/BackSpaceInFileName.ifc`]: { loads: { schema: 'IFC2X3', counts: { IfcProject: 1 }, warnings: [NO_GEOREFERENCE] } },
  // `\S\'` inside the header string is a page escape whose character is a quote: the string does not end there.
  [`${XBIM}/Badly_formed_Ifc_file.ifc`]: {
    loads: { schema: 'IFC2X3', counts: { IfcBuildingStorey: 1 }, warnings: [{ message: /IfcBuildingStorey #42 is not in the project's spatial structure/, where: { line: 16, entity: '#42' } }, NO_GEOREFERENCE, NO_PROJECT] },
  },
  [`${XBIM}/DoubleBackSlashName.ifc`]: { loads: { schema: 'IFC2X3', counts: { IfcBeam: 1, IfcProject: 1 }, warnings: [NO_GEOREFERENCE] } },
  [`${XBIM}/EmptyMultibyteString.ifc`]: { loads: { schema: 'IFC2X3', counts: { IfcProject: 1 }, warnings: [NO_GEOREFERENCE] } },
  // 1.#INF and -1.#IND are not STEP numbers; the IFC engine would read memory past the value.
  [`${XBIM}/FormallyIllegalFile.ifc`]: { fails: { code: 'TWIN_ERR_MODEL_IMPORT_MALFORMED', message: /'-1\.#INF' is not a number/, where: { line: 21, entity: '#2' } } },
  [`${XBIM}/InvalidHeaderFileName.ifc`]: {
    loads: {
      schema: 'IFC2X3',
      counts: {},
      warnings: [
        { message: /invalid escape '\\Use'/, where: { line: 4 }, count: 3 },
        { message: /the header lacks FILE_DESCRIPTION$/ },
        { message: /in the order FILE_SCHEMA, FILE_NAME/ },
        NO_GEOREFERENCE,
        NO_PROJECT,
      ],
    },
  },
  // A string where IFC2X3 has an enumeration: a schema-level fault the import does not check.
  [`${XBIM}/InvalidMonetaryUnit.ifc`]: { loads: { schema: 'IFC2X3', counts: {}, warnings: [{ message: /lacks FILE_DESCRIPTION and FILE_NAME/ }, NO_GEOREFERENCE, NO_PROJECT] } },
  [`${XBIM}/InvalidMultiByte.ifc`]: { loads: { schema: 'IFC2X3', counts: { IfcProject: 1 }, warnings: [{ message: /invalid escape '\\30B'/, where: { line: 34, entity: '#15451' }, count: 12 }, NO_GEOREFERENCE] } },
  [`${XBIM}/InvalidType.ifc`]: {
    loads: {
      schema: 'IFC2X3',
      counts: { IfcBuildingStorey: 1, IfcProject: 1, IfcWallStandardCase: 1 },
      warnings: [
        { message: /'\.architect\.' is not in upper case/, where: { line: 10, entity: '#2' } },
        { message: /lists the same element more than once/, where: { line: 78, entity: '#814861' } },
        { message: /#665804 \(IfcFireSuppressionTerminalType\) in a spatial structure, but only products/, where: { line: 78, entity: '#814861' } },
        // The storey is contained in nothing: IfcRelAggregates never links it to the project.
        { message: /IfcBuildingStorey #582800 is not in the project's spatial structure/, where: { line: 58, entity: '#582800' } },
        NO_GEOREFERENCE,
      ],
    },
  },
  [`${XBIM}/LICENCE.md`]: { fails: { code: 'TWIN_ERR_MODEL_IMPORT_UNSUPPORTED_FORMAT', message: /not a model file this importer reads/ } },
  // Valid STEP, but beyond the IFC engine's 32-bit instance numbers: it would silently renumber.
  [`${XBIM}/Large_entity_label.ifc`]: { fails: { code: 'TWIN_ERR_MODEL_IMPORT_MALFORMED', message: /#92147483647 exceeds the largest supported instance number/, where: { line: 9, entity: '#92147483647' } } },
  [`${XBIM}/NewlinesInStrings.ifc`]: { loads: { schema: 'IFC2X3', counts: { IfcMember: 1, IfcProject: 1 }, warnings: [NO_GEOREFERENCE] } },
  [`${XBIM}/RealWithExponent.ifc`]: {
    loads: {
      schema: 'IFC2X3',
      counts: {},
      warnings: [{ message: /FILE_NAME has 5 parameters instead of 7/, where: { line: 4 } }, { message: /'4\.440892099e-013' writes its exponent with a lower-case 'e'/, where: { line: 9, entity: '#72' } }, NO_GEOREFERENCE, NO_PROJECT],
    },
  },
  [`${XBIM}/SmallModelIfc2x3.ifc`]: { loads: { schema: 'IFC2X3', counts: SMALL_MODEL_COUNTS, warnings: [] } },
  [`${XBIM}/SmallModelIfc4.ifc`]: { loads: { schema: 'IFC4', counts: { IfcProject: 1 }, warnings: [NO_GEOREFERENCE] } },
  [`${XBIM}/SpecicalSolidusEscape.ifc`]: { loads: { schema: 'IFC2X3', counts: { IfcProject: 1 }, warnings: [NO_GEOREFERENCE] } },
  // The same model as SmallModelIfc2x3, zipped with ZIP64 sizes.
  [`${XBIM}/TestZip.ifczip`]: { loads: { schema: 'IFC2X3', counts: SMALL_MODEL_COUNTS, warnings: [] } },
  // Cyrillic written as Latin-1 escapes: valid STEP, wrong text, which no reader can tell.
  [`${XBIM}/Wrongly1251Encoded.ifc`]: { loads: { schema: 'IFC2X3', counts: { IfcProject: 1 }, warnings: [{ message: /the header lacks FILE_NAME/ }, NO_GEOREFERENCE] } },
  [`${WNTR_INVALID}/bad_syntax.inp`]: { fails: { code: 'TWIN_ERR_MODEL_IMPORT_MALFORMED', message: /unknown section \[FOO\]/, where: { line: 330, section: '[FOO]' } } },
  [`${WNTR_INVALID}/bad_times.inp`]: { fails: { code: 'TWIN_ERR_MODEL_IMPORT_MALFORMED', message: /Pattern Start: '0:00:00:00' is not a time/, where: { line: 324, section: '[TIMES]' } } },
  [`${WNTR_INVALID}/bad_values.inp`]: { fails: { code: 'TWIN_ERR_MODEL_IMPORT_BROKEN_REFERENCE', message: /pipe pipe2's start node is node node1/, where: { line: 56, section: '[PIPES]', entity: 'pipe2' } } },
  // Named for its encoding test: Net1 with a non-ASCII pipe id (in UTF-8), which EPANET accepts.
  [`${WNTR_INVALID}/latin1.inp`]: { loads: { schema: 'EPANET 2 INP', counts: NET1_COUNTS, warnings: [{ message: /carries no georeference/ }] } },
};

/** The time limit of each row: far above a normal import, far below the test's own timeout. */
const ROW_TIMEOUT_MS = 15_000;

async function outcomeOf(path: string): Promise<ImportReport | ModelImportError> {
  try {
    return await importModel(path, { timeoutMs: ROW_TIMEOUT_MS });
  } catch (error) {
    if (error instanceof ModelImportError) return error;
    throw error;
  }
}

describe.skipIf(!sharedDataPresent('the bad-input conformance files', XBIM, WNTR_INVALID))('bad and odd input files', () => {
  it('has an expected outcome for every file in the folders', () => {
    const files = [XBIM, WNTR_INVALID].flatMap((dir) => readdirSync(sharedFile(dir)).map((name) => join(dir, name)));
    expect(files.sort()).toEqual(Object.keys(TABLE).sort());
  });

  it.each(Object.entries(TABLE))('%s', async (relative, expected) => {
    const path = sharedFile(relative);
    const outcome = await outcomeOf(path);
    if ('fails' in expected) {
      expect(outcome).toBeInstanceOf(ModelImportError);
      const error = outcome as ModelImportError;
      expect({ code: error.code, where: error.where }).toEqual({ code: expected.fails.code, where: { file: path, ...expected.fails.where } });
      expect(error.message).toMatch(expected.fails.message);
      return;
    }
    expect(outcome).not.toBeInstanceOf(ModelImportError);
    const report = outcome as ImportReport;
    expect(report.schema).toBe(expected.loads.schema);
    expect(report.counts).toEqual(expected.loads.counts);
    expect(report.warnings).toHaveLength(expected.loads.warnings.length);
    expected.loads.warnings.forEach((warning, i) => {
      const actual = report.warnings[i]!;
      expect(actual.message).toMatch(warning.message);
      if (warning.where !== undefined) expect(actual.where).toEqual({ file: path, ...warning.where });
      expect(actual.count).toBe(warning.count);
    });
  });
});
