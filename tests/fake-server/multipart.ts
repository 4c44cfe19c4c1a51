/**
 * A small multipart/form-data reader for the fake server's /audio/transcriptions route: the body
 * as browsers and the openai SDK send it (RFC 7578), each part with its name, file name, content
 * type and raw bytes. Binary-safe: parts are cut from the Buffer, never through a string.
 */

/** One part of a multipart body. */
export interface FormPart {
  name: string;
  /** Present for file parts (`filename="speech.webm"`). */
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** The boundary of a `multipart/form-data; boundary=...` content type, or undefined. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType.trim())) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** A header parameter such as `name="file"` (quoted or not), with `\"` unescaped. */
function parameter(header: string, key: string): string | undefined {
  const match = new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"|;\\s*${key}=([^;\\s]+)`, 'i').exec(header);
  const value = match?.[1] ?? match?.[2];
  return value?.replace(/\\(.)/g, '$1');
}

/**
 * Splits a multipart body into its parts. Throws on a body that is not well-formed (no closing
 * boundary, a part without headers or without a name), as a real server would refuse it.
 */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let start = body.indexOf(delimiter);
  if (start === -1) throw new Error('no multipart boundary in the body');
  for (;;) {
    const afterDelimiter = start + delimiter.length;
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') return parts;
    const headerStart = afterDelimiter + 2; // CRLF after the boundary line
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd === -1) throw new Error('a multipart part has no header end');
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd + 4);
    if (next === -1) throw new Error('the multipart body has no closing boundary');
    const headers = body.subarray(headerStart, headerEnd).toString('utf8').split('\r\n');
    const disposition = headers.find((line) => /^content-disposition:/i.test(line)) ?? '';
    const name = parameter(disposition, 'name');
    if (!name) throw new Error('a multipart part has no name');
    const type = headers.find((line) => /^content-type:/i.test(line));
    parts.push({
      name,
      filename: parameter(disposition, 'filename'),
      contentType: type?.slice(type.indexOf(':') + 1).trim(),
      data: body.subarray(headerEnd + 4, next),
    });
    start = next + 2;
  }
}
