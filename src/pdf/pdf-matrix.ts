/** A transformation matrix as PDF writes it, [a b c d e f] (PDF 32000-1, 8.3.3). */
export type Matrix = [number, number, number, number, number, number];

export const identity: Readonly<Matrix> = [1, 0, 0, 1, 0, 0];

/** a × b, for PDF's row-vector matrices [a b c d e f]. */
export function multiply(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[1] * b[2],
    a[0] * b[1] + a[1] * b[3],
    a[2] * b[0] + a[3] * b[2],
    a[2] * b[1] + a[3] * b[3],
    a[4] * b[0] + a[5] * b[2] + b[4],
    a[4] * b[1] + a[5] * b[3] + b[5],
  ];
}

/** The point (x, y) transformed by m. */
export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
}
