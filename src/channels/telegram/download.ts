/**
 * Downloads a file an admin sent, from `<apiRoot>/file/bot<token>/<file_path>` (the URL the Bot API
 * documents for getFile results). The URL contains the token, so it never appears in errors or logs.
 */
import { AppError } from '../../core/errors.ts';

/** Default Bot API root; a self-hosted Bot API server or a test server can replace it. */
export const DEFAULT_API_ROOT = 'https://api.telegram.org';

/** The Bot API will not serve files larger than this to bots. */
export const BOT_API_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

const DOWNLOAD_TIMEOUT_MS = 60_000;

/** A file could not be downloaded from the Bot API (HTTP status, size, network). */
export class TelegramDownloadError extends AppError {}

/** The download URL for a getFile result. */
export function fileUrl(apiRoot: string, token: string, filePath: string): string {
  return `${apiRoot}/file/bot${token}/${filePath}`;
}

/** Fetches the file, refusing more than `maxBytes`. */
export async function downloadFile(url: string, maxBytes: number): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch (err) {
    throw new TelegramDownloadError('file download failed (network)', { cause: err });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new TelegramDownloadError(`file download failed: HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new TelegramDownloadError(`file too large: ${declared} bytes`);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw new TelegramDownloadError(`file too large: ${bytes.byteLength} bytes`);
  return bytes;
}
