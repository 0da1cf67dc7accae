// Writers for a generated file set: compare with a target, preview as a diff or JSON, write atomically.
//   const set = compareFiles(generate(detected, options).files, new DiskTarget(root));
//   unifiedDiff(set.files)                       // preview
//   writeFiles(set.files, target, { confirmed })  // create new files; replace pristine ones when confirmed
export { DiskTarget, MemoryTarget, type FileTarget } from './target';
export { compareFiles, type ComparedSet, type FileStatus, type PlannedFile } from './fileset';
export { writeFiles, decide, type WriteOptions, type WriteReport } from './write';
export { unifiedDiff, summary } from './diff';
export { toJson, type JsonFileSet } from './json';
