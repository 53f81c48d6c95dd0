/** Typed arrays that a second thread can read and write without a copy, when asked. */
type Numbers = Int32Array | Float64Array | Uint8Array;

/** A zeroed typed array of `length` numbers, on a SharedArrayBuffer when `shared`. */
export function allocate<T extends Numbers>(
  Type: (new (buffer: ArrayBuffer | SharedArrayBuffer) => T) & { BYTES_PER_ELEMENT: number },
  length: number,
  shared: boolean,
): T {
  const bytes = length * Type.BYTES_PER_ELEMENT;
  return new Type(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}
