import type { ApiErrorBody } from '@deepvalue/shared';
import { ApiRequestError, writeHeaders } from '../../app/api';

/**
 * Sends a file as the raw request body, reporting upload progress (fetch cannot). The server
 * streams the body to disk, so a file of any size uploads without being read into memory here.
 */
export function uploadFile<T>(
  path: string,
  file: File,
  idempotencyKey: string | undefined,
  onProgress: (share: number) => void,
  contentType?: string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    // The server reads a spreadsheet by its bytes (a workbook is a zip), so its type is only a label.
    const type =
      contentType ??
      (/\.(ndjson|jsonl)$/i.test(file.name)
        ? 'application/x-ndjson'
        : /\.csv$/i.test(file.name)
          ? 'text/csv'
          : /\.xlsx$/i.test(file.name)
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'application/json');
    xhr.setRequestHeader('Content-Type', type);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(writeHeaders(idempotencyKey))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else {
        const body = data as ApiErrorBody | undefined;
        reject(
          new ApiRequestError(
            xhr.status,
            body?.errors?.length ? body.errors : [{ path: '', message: `The upload failed (${xhr.status})` }],
            body,
          ),
        );
      }
    };
    xhr.onerror = () =>
      reject(
        new ApiRequestError(
          0,
          [{ path: '', message: 'Could not reach Deep Value. Check your connection and try again.' }],
          undefined,
        ),
      );
    xhr.send(file);
  });
}
