/**
 * Whether two storey names are the same storey: the registry pads storey numbers (`F03`), IFC
 * storey names and element keys do not (`F3`).
 */
export function sameStorey(a: string, b: string): boolean {
  const unpadded = (name: string) => name.replace(/^([A-Za-z]+)0+(?=\d)/, '$1');
  return unpadded(a) === unpadded(b);
}
