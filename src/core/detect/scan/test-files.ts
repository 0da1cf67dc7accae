// Test code is not the app: an env var or a port read only by a test (a fake DATABASE_URL in conftest.py,
// `listen(0)` in a spec) must not be reported as something the running app needs. Paths are relative to
// the app folder, so an app that itself lives under a `test/` folder of the repo is still scanned.

/** Folders that hold only tests, at any depth: `test/`, `src/test/` (Maven/Gradle), `__tests__/`, Go `testdata/`, .NET `App.Tests/`. */
const TEST_DIR = /^(tests?|specs?|__tests__|__mocks__|testdata|[\w.-]+\.(Unit|Integration|Functional)?Tests?)$/;

/** Test files by naming convention, wherever they sit. */
const TEST_FILE = [
  /_test\.go$/,
  /\.(test|spec)\.[\w]+$/, // app.test.ts, user.spec.js
  /^test_[^/]*\.py$/,
  /_test\.py$/,
  /^conftest\.py$/,
  /_(spec|test)\.rb$/,
  /Tests?\.(cs|fs|vb)$/,
];

export function isTestFile(file: string): boolean {
  const parts = file.split('/');
  const name = parts.pop() ?? '';
  return parts.some((dir) => TEST_DIR.test(dir)) || TEST_FILE.some((re) => re.test(name));
}
