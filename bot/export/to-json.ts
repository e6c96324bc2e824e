/**
 * A value as a JSON file: UTF-8, indented so a person can read it, ending with a newline.
 * For exports a program will read (a person's own data, an audit trail).
 */
export function toJson(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2) ?? 'null'}\n`, 'utf8');
}
