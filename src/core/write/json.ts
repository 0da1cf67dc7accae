// `--json`: { files: [{ path, status, content }], warnings }.
import type { PlannedFile } from './fileset';
import type { WriteReport } from './write';

export interface JsonFileSet {
  files: { path: string; status: PlannedFile['status']; content: string }[];
  warnings: { file: string; message: string }[];
  written?: WriteReport;
}

export function toJson(files: PlannedFile[], warnings: { file: string; message: string }[], written?: WriteReport): JsonFileSet {
  return { files: files.map((f) => ({ path: f.path, status: f.status, content: f.content })), warnings, ...(written ? { written } : {}) };
}
