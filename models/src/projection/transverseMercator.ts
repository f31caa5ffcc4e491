/**
 * The transverse Mercator projection (EPSG method 9807, Gauss-Krüger) by Krüger's series in the
 * third flattening n to order n^6 (Karney 2011, "Transverse Mercator with an accuracy of a few
 * nanometers"). Within a few degrees of the central meridian the series is accurate to well
 * below a millimetre, far beyond what the community models need.
 */
import type { Ellipsoid } from './ellipsoid.ts';

/** Parameters of one transverse Mercator projection. */
export interface TransverseMercatorParams {
  ellipsoid: Ellipsoid;
  /** Longitude of the central meridian, degrees. */
  lon0Deg: number;
  /** Latitude of the natural origin, degrees (0 for Gauss-Krüger zones). */
  lat0Deg: number;
  /** Scale factor on the central meridian. */
  k0: number;
  /** False easting and northing, metres. */
  falseEastingM: number;
  falseNorthingM: number;
}

/** Projected coordinates, metres. */
export interface EastNorth {
  eastM: number;
  northM: number;
}

const DEG = Math.PI / 180;
const ORDER = 6;

/** Krüger's coefficients α (forward) and β (inverse), Karney (2011) eqs. 35 and 36. */
function krugerCoefficients(n: number): { alpha: number[]; beta: number[] } {
  const n2 = n * n;
  const n3 = n2 * n;
  const n4 = n3 * n;
  const n5 = n4 * n;
  const n6 = n5 * n;
  const alpha = [
    n / 2 - (2 / 3) * n2 + (5 / 16) * n3 + (41 / 180) * n4 - (127 / 288) * n5 + (7891 / 37800) * n6,
    (13 / 48) * n2 - (3 / 5) * n3 + (557 / 1440) * n4 + (281 / 630) * n5 - (1983433 / 1935360) * n6,
    (61 / 240) * n3 - (103 / 140) * n4 + (15061 / 26880) * n5 + (167603 / 181440) * n6,
    (49561 / 161280) * n4 - (179 / 168) * n5 + (6601661 / 7257600) * n6,
    (34729 / 80640) * n5 - (3418889 / 1995840) * n6,
    (212378941 / 319334400) * n6,
  ];
  const beta = [
    n / 2 - (2 / 3) * n2 + (37 / 96) * n3 - (1 / 360) * n4 - (81 / 512) * n5 + (96199 / 604800) * n6,
    (1 / 48) * n2 + (1 / 15) * n3 - (437 / 1440) * n4 + (46 / 105) * n5 - (1118711 / 3870720) * n6,
    (17 / 480) * n3 - (37 / 840) * n4 - (209 / 4480) * n5 + (5569 / 90720) * n6,
    (4397 / 161280) * n4 - (11 / 504) * n5 - (830251 / 7257600) * n6,
    (4583 / 161280) * n5 - (108847 / 3991680) * n6,
    (20648693 / 638668800) * n6,
  ];
  return { alpha, beta };
}

/**
 * A transverse Mercator projection with fixed parameters.
 * @example
 * const gk = new TransverseMercator({ ellipsoid: CGCS2000, lon0Deg: 114, lat0Deg: 0, k0: 1, falseEastingM: 500000, falseNorthingM: 0 });
 * const { eastM, northM } = gk.forward(114.06, 22.54); // ≈ 506172.00, 2493598.04
 */
export class TransverseMercator {
  private readonly e: number;
  private readonly e2: number;
  /** Rectifying radius A: a meridian quadrant is A·π/2. */
  private readonly rectifyingRadius: number;
  private readonly alpha: number[];
  private readonly beta: number[];
  /** ξ of the natural origin, so northings count from `lat0Deg`. */
  private readonly xi0: number;

  constructor(readonly params: TransverseMercatorParams) {
    const { f, a } = params.ellipsoid;
    const n = f / (2 - f);
    this.e2 = f * (2 - f);
    this.e = Math.sqrt(this.e2);
    const n2 = n * n;
    this.rectifyingRadius = (a / (1 + n)) * (1 + n2 / 4 + (n2 * n2) / 64 + (n2 * n2 * n2) / 256);
    ({ alpha: this.alpha, beta: this.beta } = krugerCoefficients(n));
    const chi0 = Math.atan(this.conformalTan(Math.tan(params.lat0Deg * DEG)));
    let xi0 = chi0;
    for (let j = 1; j <= ORDER; j++) xi0 += this.alpha[j - 1]! * Math.sin(2 * j * chi0);
    this.xi0 = xi0;
  }

  /** Projects a geographic position (degrees) to easting and northing (metres). */
  forward(lonDeg: number, latDeg: number): EastNorth {
    const { k0, lon0Deg, falseEastingM, falseNorthingM } = this.params;
    const lambda = (lonDeg - lon0Deg) * DEG;
    const tau = Math.tan(latDeg * DEG);
    const tauPrime = this.conformalTan(tau);
    const xiPrime = Math.atan2(tauPrime, Math.cos(lambda));
    const etaPrime = Math.asinh(Math.sin(lambda) / Math.hypot(tauPrime, Math.cos(lambda)));
    let xi = xiPrime;
    let eta = etaPrime;
    for (let j = 1; j <= ORDER; j++) {
      const c = this.alpha[j - 1]!;
      xi += c * Math.sin(2 * j * xiPrime) * Math.cosh(2 * j * etaPrime);
      eta += c * Math.cos(2 * j * xiPrime) * Math.sinh(2 * j * etaPrime);
    }
    const scale = k0 * this.rectifyingRadius;
    return { eastM: falseEastingM + scale * eta, northM: falseNorthingM + scale * (xi - this.xi0) };
  }

  /** Unprojects easting and northing (metres) to a geographic position (degrees). */
  inverse(eastM: number, northM: number): { lonDeg: number; latDeg: number } {
    const { k0, lon0Deg, falseEastingM, falseNorthingM } = this.params;
    const scale = k0 * this.rectifyingRadius;
    const xi = (northM - falseNorthingM) / scale + this.xi0;
    const eta = (eastM - falseEastingM) / scale;
    let xiPrime = xi;
    let etaPrime = eta;
    for (let j = 1; j <= ORDER; j++) {
      const c = this.beta[j - 1]!;
      xiPrime -= c * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
      etaPrime -= c * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
    }
    const sinhEta = Math.sinh(etaPrime);
    const cosXi = Math.cos(xiPrime);
    const tauPrime = Math.sin(xiPrime) / Math.hypot(sinhEta, cosXi);
    const lambda = Math.atan2(sinhEta, cosXi);
    return { lonDeg: lon0Deg + lambda / DEG, latDeg: Math.atan(this.geodeticTan(tauPrime)) / DEG };
  }

  /** tan of the conformal latitude from tan of the geodetic latitude (Karney eq. 7-9). */
  private conformalTan(tau: number): number {
    const sigma = Math.sinh(this.e * Math.atanh((this.e * tau) / Math.hypot(1, tau)));
    return tau * Math.hypot(1, sigma) - sigma * Math.hypot(1, tau);
  }

  /** tan of the geodetic latitude from tan of the conformal latitude, by Newton's method (Karney eq. 19-21). */
  private geodeticTan(tauPrime: number): number {
    let tau = tauPrime;
    for (let i = 0; i < 8; i++) {
      const tauPrimeI = this.conformalTan(tau);
      const delta =
        ((tauPrime - tauPrimeI) / Math.hypot(1, tauPrimeI)) * ((1 + (1 - this.e2) * tau * tau) / ((1 - this.e2) * Math.hypot(1, tau)));
      tau += delta;
      if (Math.abs(delta) < 1e-15 * Math.max(1, Math.abs(tau))) break;
    }
    return tau;
  }
}
