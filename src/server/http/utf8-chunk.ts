/**
 * Builds one large response chunk by encoding strings straight into a buffer. Streaming a million
 * rows as one string per row, or joining them into one string per page, spends more on the
 * intermediate strings (and encoding them again) than on the rows themselves.
 */
export class Utf8Chunk {
  private buffer: Buffer;
  private used = 0;

  /** `expectedBytes`: a good guess saves growing (and copying) the buffer. */
  constructor(expectedBytes: number) {
    this.buffer = Buffer.allocUnsafe(Math.max(expectedBytes, 1024));
  }

  get byteLength(): number {
    return this.used;
  }

  append(text: string): void {
    const bytes = Buffer.byteLength(text);
    if (this.used + bytes > this.buffer.length) this.grow(this.used + bytes);
    this.used += this.buffer.write(text, this.used);
  }

  /** Drops the last `bytes` bytes written (to continue before a closing character). */
  dropLast(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }

  /** The bytes written (a view of the buffer: append no more after taking it). */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.used);
  }

  private grow(needed: number): void {
    const larger = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
    this.buffer.copy(larger, 0, 0, this.used);
    this.buffer = larger;
  }
}
