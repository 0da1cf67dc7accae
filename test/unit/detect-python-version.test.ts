// Python version: which file wins, and how constraints become the version an image is pinned to.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { detect } from '../../src/core/detect';
import { MemoryRepo } from '../../src/core/repo';
import { constraintFloor } from '../../src/core/ecosystems/python/detect/constraint';

function versionOf(tree: Record<string, string>) {
  const result = detect(new MemoryRepo({ 'main.py': 'print("hi")\n', 'requirements.txt': '', ...tree }));
  assert.equal(result.apps.length, 1, JSON.stringify(result));
  return result.apps[0].runtimeVersion;
}

test('constraints reduce to their lower bound, exact versions stay exact', () => {
  const cases: [string, string | undefined][] = [
    ['>=3.11', '3.11'],
    ['^3.12', '3.12'],
    ['3.12.1', '3.12.1'],
    ['~=3.11.4', '3.11.4'],
    ['==3.12.*', '3.12'],
    ['>=3.9,<4', '3.9'],
    ['<4,>=3.9', '3.9'],
    ['>=3.10, <3.13', '3.10'],
    ['~3.11', '3.11'],
    ['^8.1 || ^8.2', '8.1'],
    ['^8.1|^8.2', '8.1'],
    ['>=8.1 <9.0', '8.1'],
    ['*', undefined],
    ['<4', undefined],
    ['', undefined],
  ];
  for (const [spec, floor] of cases) assert.equal(constraintFloor(spec), floor, spec);
});

test('precedence: .python-version > runtime.txt > .tool-versions > Pipfile > requires-python > poetry python', () => {
  const all: Record<string, string> = {
    '.python-version': '3.13.0\n',
    'runtime.txt': 'python-3.12.1\n',
    '.tool-versions': 'nodejs 20.11.0\npython 3.11.7\n',
    'Pipfile': '[packages]\nrequests = "*"\n\n[requires]\npython_version = "3.10"\n',
    'pyproject.toml': '[project]\nname = "x"\nrequires-python = ">=3.9"\n\n[tool.poetry.dependencies]\npython = "^3.8"\n',
  };
  const expected: [string, string, string][] = [
    ['.python-version', '3.13.0', '.python-version'],
    ['runtime.txt', '3.12.1', 'runtime.txt'],
    ['.tool-versions', '3.11.7', '.tool-versions:2'],
    ['Pipfile', '3.10', 'Pipfile > requires.python_version'],
    ['pyproject.toml', '3.9', 'pyproject.toml > project.requires-python'],
  ];
  const tree = { ...all };
  for (const [file, value, source] of expected) {
    assert.deepEqual(versionOf(tree), { value, source }, `with ${file} as the top source`);
    delete tree[file];
  }
  assert.equal(versionOf(tree), null);
});

test('poetry python constraint is the last resort; python_full_version beats python_version', () => {
  assert.deepEqual(versionOf({ 'pyproject.toml': '[tool.poetry]\nname = "x"\n\n[tool.poetry.dependencies]\npython = "^3.12"\n' }), {
    value: '3.12',
    source: 'pyproject.toml > tool.poetry.dependencies.python',
  });
  assert.deepEqual(versionOf({ 'Pipfile': '[requires]\npython_version = "3.11"\npython_full_version = "3.11.4"\n' }), {
    value: '3.11.4',
    source: 'Pipfile > requires.python_full_version',
  });
});

test('unusable pins fall through to the next source', () => {
  // pyenv's `system` and an empty runtime.txt say nothing about the version.
  assert.deepEqual(versionOf({ '.python-version': 'system\n', 'runtime.txt': '\n', 'requirements.txt': 'flask\n', 'pyproject.toml': '[project]\nname="x"\nrequires-python = "~=3.11"\n' }), {
    value: '3.11',
    source: 'pyproject.toml > project.requires-python',
  });
  assert.deepEqual(versionOf({ '.python-version': '# pinned by uv\n3.12\n', 'requirements.txt': '' }), { value: '3.12', source: '.python-version' });
});

test('version sources in a sub-folder app carry the folder in their source', () => {
  const result = detect(new MemoryRepo({ 'services/api/requirements.txt': 'flask\n', 'services/api/app.py': 'x = 1\n', 'services/api/runtime.txt': 'python-3.12.3\n' }));
  assert.deepEqual(result.apps.map((a) => [a.path, a.runtimeVersion]), [['services/api', { value: '3.12.3', source: 'services/api/runtime.txt' }]]);
});
