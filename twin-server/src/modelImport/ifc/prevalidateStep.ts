/**
 * A cheap check of an IFC-SPF file (ISO 10303-21) before the IFC engine sees it: the header, a
 * schema the engine reads, the DATA section, each instance's syntax, balanced lists and strings,
 * the closing `END-ISO-10303-21;`, unique instance numbers and references that resolve. Errors
 * carry the line (and instance) where the text goes wrong, which the engine cannot tell.
 */
import type { ErrorWhere } from '../importReport.ts';
import { ModelImportError } from '../modelImportError.ts';
import type { WarningList } from '../warningList.ts';
import { LabelTable } from './labelTable.ts';
import { StepScanner } from './stepScanner.ts';

/** Schemas the IFC engine reads with their own layout, by the name FILE_SCHEMA gives. */
const SUPPORTED_SCHEMAS: Record<string, IfcSchema> = {
  IFC2X3: 'IFC2X3',
  IFC4: 'IFC4',
  IFC4X3: 'IFC4X3',
  IFC4X3_ADD2: 'IFC4X3',
};

/** The IFC schemas imported. */
export type IfcSchema = 'IFC2X3' | 'IFC4' | 'IFC4X3';

/** Entity types met in the DATA section, by keyword as written. */
export interface KeywordUse {
  count: number;
  /** The first instance of this type. */
  firstLabel: number;
}

/** What the check learned about the file. */
export interface StepSummary {
  /** The schema identifier as FILE_SCHEMA names it, e.g. `IFC4X3_ADD2`. */
  schemaIdentifier: string;
  schema: IfcSchema;
  /** Number of instances in the DATA sections. */
  instances: number;
  keywords: Map<string, KeywordUse>;
  /** The byte offset where instance `label` is defined, if it is. */
  offsetOf(label: number): number | undefined;
}

const HEADER_ENTITIES = ['FILE_DESCRIPTION', 'FILE_NAME', 'FILE_SCHEMA'] as const;
const HEADER_ARITY: Record<string, number> = { FILE_DESCRIPTION: 2, FILE_NAME: 7, FILE_SCHEMA: 1 };
const SEMICOLON = 59;

/**
 * Checks `bytes` as IFC-SPF text.
 * @param place the file (and archive member) errors and warnings name.
 * @throws ModelImportError `TWIN_ERR_MODEL_IMPORT_MALFORMED`, `…_UNSUPPORTED_SCHEMA` or `…_BROKEN_REFERENCE`.
 */
export function prevalidateStep(bytes: Uint8Array, place: ErrorWhere, warnings: WarningList): StepSummary {
  const scanner = new StepScanner(bytes, place, warnings);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) scanner.pos = 3;
  scanner.skipSpace();
  const magic = scanner.keyword();
  if (magic !== 'ISO-10303-21') scanner.fail('the file does not start with ISO-10303-21; (it is not an IFC-SPF file)', 0);
  scanner.expect(SEMICOLON, "';' after ISO-10303-21");
  const schemaIdentifier = readHeader(scanner, warnings);
  const schema = SUPPORTED_SCHEMAS[schemaIdentifier.toUpperCase()];
  if (schema === undefined) {
    throw new ModelImportError(
      'TWIN_ERR_MODEL_IMPORT_UNSUPPORTED_SCHEMA',
      `FILE_SCHEMA names ${schemaIdentifier}; the supported schemas are IFC2X3, IFC4 and IFC4X3`,
      scanner.whereAt(0),
    );
  }
  const labels = new LabelTable();
  const keywords = new Map<string, KeywordUse>();
  readSections(scanner, labels, keywords);
  checkLabels(scanner, labels, warnings);
  return { schemaIdentifier, schema, instances: labels.size, keywords, offsetOf: (label) => labels.offsetOf(label) };
}

/** Reads `HEADER; … ENDSEC;` and returns the schema FILE_SCHEMA names. */
function readHeader(scanner: StepScanner, warnings: WarningList): string {
  scanner.skipSpace();
  if (scanner.keyword() !== 'HEADER') scanner.fail('expected HEADER; after ISO-10303-21;');
  scanner.expect(SEMICOLON, "';' after HEADER");
  const seen: string[] = [];
  let schemas: string[] | undefined;
  let schemaOffset = 0;
  for (;;) {
    scanner.skipSpace();
    const start = scanner.pos;
    const name = scanner.keyword();
    if (name === undefined) scanner.fail(scanner.atEnd ? 'the file ends inside the HEADER section (truncated?)' : 'expected a header entity or ENDSEC;');
    if (name === 'ENDSEC') break;
    const strings: string[] = [];
    const arity = scanner.parameterList(undefined, strings);
    scanner.expect(SEMICOLON, `';' after the header entity ${name}`);
    seen.push(name);
    if (HEADER_ARITY[name] !== undefined && HEADER_ARITY[name] !== arity) {
      scanner.warn(`step:header-arity:${name}`, `the header entity ${name} has ${arity} parameters instead of ${HEADER_ARITY[name]}`, start);
    }
    if (name === 'FILE_SCHEMA') {
      schemas = strings;
      schemaOffset = start;
    }
  }
  scanner.expect(SEMICOLON, "';' after ENDSEC");
  checkHeaderOrder(seen, warnings, scanner);
  if (schemas === undefined) scanner.fail('the header has no FILE_SCHEMA: the IFC schema is unknown', 0);
  if (schemas.length === 0) scanner.fail('FILE_SCHEMA names no schema', schemaOffset);
  if (schemas.length > 1) scanner.warn('step:header-schemas', `FILE_SCHEMA names ${schemas.length} schemas; the first, ${schemas[0]}, is used`, schemaOffset);
  // A schema name may carry an object identifier: 'IFC4 {1 0 10303 …}'.
  return schemas[0]!.trim().split(/[\s{]/)[0]!;
}

function checkHeaderOrder(seen: string[], warnings: WarningList, scanner: StepScanner): void {
  const missing = HEADER_ENTITIES.filter((name) => !seen.includes(name) && name !== 'FILE_SCHEMA');
  if (missing.length > 0) warnings.add('step:header-missing', `the header lacks ${missing.join(' and ')}`, scanner.whereAt(0, undefined));
  const order = seen.filter((name) => (HEADER_ENTITIES as readonly string[]).includes(name));
  const expected = HEADER_ENTITIES.filter((name) => order.includes(name));
  if (order.join() !== expected.join()) {
    warnings.add('step:header-order', `the header entities are in the order ${order.join(', ')} instead of ${expected.join(', ')}`, scanner.whereAt(0, undefined));
  }
}

/** Reads DATA sections up to `END-ISO-10303-21;`. */
function readSections(scanner: StepScanner, labels: LabelTable, keywords: Map<string, KeywordUse>): void {
  let dataSections = 0;
  for (;;) {
    scanner.skipSpace();
    const start = scanner.pos;
    const name = scanner.keyword();
    if (name === 'END-ISO-10303-21') break;
    if (name === 'DATA') {
      scanner.skipSpace();
      if (scanner.peek() === 40) scanner.parameterList();
      scanner.expect(SEMICOLON, "';' after DATA");
      readData(scanner, labels, keywords);
      dataSections++;
      continue;
    }
    if (name === undefined) {
      scanner.fail(scanner.atEnd ? 'the file ends without END-ISO-10303-21; (truncated?)' : `expected DATA; or END-ISO-10303-21; but found '${scanner.excerpt(start)}'`, start);
    }
    scanner.fail(`the section ${name} is not supported (expected DATA; or END-ISO-10303-21;)`, start);
  }
  scanner.expect(SEMICOLON, "';' after END-ISO-10303-21");
  if (dataSections === 0) scanner.fail('the file has no DATA section');
  scanner.skipSpace();
  if (!scanner.atEnd) {
    let rest = scanner.pos;
    while (rest < scanner.bytes.length && scanner.bytes[rest] === 0) rest++;
    if (rest < scanner.bytes.length) scanner.warn('step:trailing', 'the file goes on after END-ISO-10303-21; the rest is ignored');
  }
}

/** Reads instances `#n = NAME(…);` up to `ENDSEC;`. */
function readData(scanner: StepScanner, labels: LabelTable, keywords: Map<string, KeywordUse>): void {
  let label = 0;
  const onReference = (to: number): void => labels.refer(label, to);
  for (;;) {
    scanner.skipSpace();
    const start = scanner.pos;
    scanner.entity = undefined;
    if (scanner.peek() !== 35) {
      const name = scanner.keyword();
      if (name === 'ENDSEC') break;
      scanner.fail(scanner.atEnd ? 'the file ends inside the DATA section (no ENDSEC;, truncated?)' : `expected an instance (#n=…) or ENDSEC; but found '${scanner.excerpt(start)}'`, start);
    }
    scanner.pos++;
    label = scanner.label();
    scanner.entity = `#${label}`;
    labels.define(label, start);
    scanner.expect(61, `'=' after #${label}`);
    scanner.skipSpace();
    if (scanner.peek() === 40) {
      readComplexInstance(scanner, onReference);
    } else {
      const name = scanner.keyword();
      if (name === undefined) scanner.fail(`expected an entity name after #${label}=`);
      const upper = name.toUpperCase();
      if (upper !== name) scanner.warn('step:keyword-lowercase', `the entity name ${name} is not in upper case`, start);
      const use = keywords.get(upper);
      if (use === undefined) keywords.set(upper, { count: 1, firstLabel: label });
      else use.count++;
      scanner.parameterList(onReference);
    }
    scanner.expect(SEMICOLON, `';' at the end of #${label}`);
  }
  scanner.entity = undefined;
  scanner.expect(SEMICOLON, "';' after ENDSEC");
}

/** A complex instance `(A(…) B(…))`: valid STEP, but no IFC schema uses it, so the engine skips it. */
function readComplexInstance(scanner: StepScanner, onReference: (to: number) => void): void {
  const start = scanner.pos;
  scanner.pos++;
  for (;;) {
    scanner.skipSpace();
    if (scanner.peek() === 41) break;
    if (scanner.keyword() === undefined) scanner.fail("expected an entity name or ')' in a complex instance");
    scanner.parameterList(onReference);
  }
  scanner.pos++;
  scanner.warn('step:complex-instance', 'a complex instance (several entity types in one) is not part of IFC and is ignored', start);
}

/** Unique instance numbers; references to undefined instances. */
function checkLabels(scanner: StepScanner, labels: LabelTable, warnings: WarningList): void {
  const duplicate = labels.firstDuplicate();
  if (duplicate !== undefined) {
    const first = scanner.whereAt(duplicate.firstOffset, undefined).line;
    throw new ModelImportError(
      'TWIN_ERR_MODEL_IMPORT_MALFORMED',
      `instance #${duplicate.label} is defined twice (lines ${first} and ${scanner.whereAt(duplicate.secondOffset, undefined).line})`,
      scanner.whereAt(duplicate.secondOffset, `#${duplicate.label}`),
    );
  }
  const dangling = labels.firstDangling();
  if (dangling !== undefined) {
    const offset = labels.offsetOf(dangling.from) ?? 0;
    const others = dangling.total > 1 ? ` (${dangling.total} references to undefined instances in all)` : '';
    warnings.add('step:dangling', `#${dangling.from} refers to #${dangling.to}, which the file does not define${others}`, scanner.whereAt(offset, `#${dangling.from}`));
  }
}
