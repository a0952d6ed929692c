import { readFile } from 'node:fs/promises';
import { IngestionError } from '../ingestion-error';

/** Read errors that another attempt cannot fix: the path is wrong or not ours to read. */
const PERMANENT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM']);

/**
 * Reads a CSV file as UTF-8. A path that does not exist (or is a folder, or is unreadable) is a
 * permanent FILE_UNREADABLE error naming the path, so a pipeline does not retry a typo.
 */
export async function readCsvFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const why = code === 'ENOENT' ? 'no such file' : code || (e as Error).message;
    throw new IngestionError('FILE_UNREADABLE', `cannot read ${path}: ${why}`, {
      retryable: !PERMANENT.has(code),
      cause: e,
    });
  }
}
