/** An expected refusal returned as data by the problem mutations (`error { code message field }`). */
export interface PayloadError {
  code: string;
  message: string;
  field?: string | null;
}
