// Python: which package manager, which dependencies count for production, and which folders are apps.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { detect } from '../../src/core/detect';
import { MemoryRepo } from '../../src/core/repo';
import { requirementName } from '../../src/core/ecosystems/python/detect/requirements';

const APP = { 'main.py': 'print("hi")\n' };

function only(tree: Record<string, string>) {
  const result = detect(new MemoryRepo(tree));
  assert.equal(result.apps.length, 1, JSON.stringify(result, null, 1));
  return { app: result.apps[0], warnings: result.warnings };
}

test('package manager: lockfile first, then tool section, then Pipfile, requirements, bare pyproject', () => {
  const pyproject = (tool: string) => `[project]\nname = "x"\ndependencies = []\n\n[tool.${tool}]\n`;
  const cases: [Record<string, string>, string, string, string | null][] = [
    [{ 'pyproject.toml': pyproject('poetry'), 'poetry.lock': '' }, 'poetry', 'poetry.lock', 'poetry.lock'],
    [{ 'pyproject.toml': pyproject('uv'), 'uv.lock': 'version = 1\n' }, 'uv', 'uv.lock', 'uv.lock'],
    [{ 'pyproject.toml': pyproject('pdm'), 'pdm.lock': '' }, 'pdm', 'pdm.lock', 'pdm.lock'],
    [{ 'Pipfile': '[packages]\n', 'Pipfile.lock': '{}' }, 'pipenv', 'Pipfile.lock', 'Pipfile.lock'],
    [{ 'pyproject.toml': pyproject('poetry') }, 'poetry', 'pyproject.toml > tool.poetry', null],
    [{ 'pyproject.toml': pyproject('uv') }, 'uv', 'pyproject.toml > tool.uv', null],
    [{ 'pyproject.toml': pyproject('pdm') }, 'pdm', 'pyproject.toml > tool.pdm', null],
    [{ 'Pipfile': '[packages]\n' }, 'pipenv', 'Pipfile', null],
    [{ 'requirements.txt': 'flask\n', 'pyproject.toml': '[project]\nname = "x"\n' }, 'pip', 'requirements.txt', null],
    [{ 'requirements/production.txt': 'flask\n', 'setup.py': 'from setuptools import setup\nsetup()\n' }, 'pip', 'requirements/production.txt', null],
    [{ 'pyproject.toml': '[project]\nname = "x"\n' }, 'pip', 'pyproject.toml', null],
    // A uv lockfile beats a [tool.poetry] table left behind by a migration.
    [{ 'pyproject.toml': pyproject('poetry'), 'uv.lock': 'version = 1\n' }, 'uv', 'uv.lock', 'uv.lock'],
  ];
  for (const [tree, manager, source, lockfile] of cases) {
    const { app } = only({ ...APP, ...tree });
    assert.deepEqual(app.packageManager, { value: manager, source }, Object.keys(tree).join(', '));
    assert.deepEqual(app.lockfile, lockfile ? { value: lockfile, source: lockfile } : null, Object.keys(tree).join(', '));
  }
});

test('malformed pyproject, lockfiles and Pipfile become warnings, not crashes', () => {
  const { app, warnings } = only({ ...APP, 'pyproject.toml': '[project\nname = ', 'poetry.lock': '[[package]\nname=', 'requirements.txt': 'flask\n' });
  assert.equal(app.packageManager?.value, 'poetry');
  assert.deepEqual(warnings.map((w) => w.file).sort(), ['poetry.lock', 'pyproject.toml']);
  assert.ok(warnings.every((w) => w.message.startsWith('invalid TOML')));

  const pipenv = only({ ...APP, 'Pipfile': 'packages = = =', 'Pipfile.lock': '{ "default": ' });
  assert.equal(pipenv.app.packageManager?.value, 'pipenv');
  assert.deepEqual(pipenv.warnings.map((w) => w.file).sort(), ['Pipfile', 'Pipfile.lock']);
});

test('requirement lines: names normalised, options and unnamed URLs skipped', () => {
  const cases: [string, string | undefined][] = [
    ['Flask==3.0.3', 'flask'],
    ['psycopg2-binary>=2.9 ; python_version > "3.8"', 'psycopg2-binary'],
    ['uvicorn[standard]~=0.30', 'uvicorn'],
    ['Django_Filter', 'django-filter'],
    ['zope.interface', 'zope-interface'],
    ['mypkg @ git+https://example.org/mypkg.git', 'mypkg'],
    ['git+https://example.org/lib.git#egg=My_Lib', 'my-lib'],
    ['-e .', undefined],
    ['--index-url https://example.org/simple', undefined],
    ['https://example.org/pkg-1.0.tar.gz', undefined],
    ['./vendor/pkg', undefined],
  ];
  for (const [line, name] of cases) assert.equal(requirementName(line), name, line);
});

test('requirements: -r includes are followed once, dev files are not production dependencies', () => {
  const { app } = only({
    ...APP,
    'requirements.txt': '-r requirements/base.txt\nredis==5.0  # cache\n\n# comment\n--hash=sha256:abc\n',
    'requirements/base.txt': 'psycopg2==2.9\n-r ../requirements.txt\n',
    'requirements-dev.txt': 'pymongo\n',
    'requirements/test.txt': 'pika\n',
  });
  assert.deepEqual(app.services, [
    { value: 'postgres', source: 'requirements/base.txt:1' },
    { value: 'redis', source: 'requirements.txt:2' },
  ]);
});

test('poetry and pipenv dev groups are left out of production dependencies', () => {
  const poetry = only({
    ...APP,
    'pyproject.toml': '[tool.poetry]\nname = "svc"\n\n[tool.poetry.dependencies]\npython = "^3.12"\nredis = "*"\n\n[tool.poetry.group.dev.dependencies]\npsycopg2 = "*"\n\n[tool.poetry.dev-dependencies]\npymongo = "*"\n',
  });
  assert.deepEqual(poetry.app.services, [{ value: 'redis', source: 'pyproject.toml > tool.poetry.dependencies.redis' }]);
  assert.equal(poetry.app.name, 'svc');

  const pipenv = only({ ...APP, 'Pipfile': '[packages]\nPyMySQL = "*"\n\n[dev-packages]\npsycopg2 = "*"\n' });
  assert.deepEqual(pipenv.app.services, [{ value: 'mysql', source: 'Pipfile > packages.PyMySQL' }]);

  const uv = only({ ...APP, 'pyproject.toml': '[project]\nname = "u"\ndependencies = ["pika"]\n\n[project.optional-dependencies]\ndb = ["psycopg2"]\n\n[dependency-groups]\ndev = ["redis"]\n\n[tool.uv]\n' });
  assert.deepEqual(uv.app.services, [{ value: 'rabbitmq', source: 'pyproject.toml > project.dependencies' }]);
});

test('a package with no entry point, server or framework is a library, not an app', () => {
  const lib = detect(new MemoryRepo({
    'pyproject.toml': '[project]\nname = "slugkit"\ndependencies = ["regex"]\n[project.scripts]\nslugkit = "slugkit.cli:main"\n',
    'src/slugkit/__init__.py': 'def slugify(s):\n    return s\n',
    'src/slugkit/cli.py': 'def main():\n    print("x")\n',
  }));
  assert.deepEqual(lib.apps, []);
  const setupPy = detect(new MemoryRepo({ 'setup.py': 'from setuptools import setup\nsetup(name="x")\n', 'x/__init__.py': '' }));
  assert.deepEqual(setupPy.apps, []);
});

test('the same package becomes an app once it has a web framework entry', () => {
  const { app } = only({
    'pyproject.toml': '[project]\nname = "api"\ndependencies = ["fastapi", "uvicorn"]\n',
    'src/api/__init__.py': '',
    'src/api/server.py': 'from fastapi import FastAPI\n\napi = FastAPI()\n',
  });
  assert.deepEqual(app.framework, { value: 'fastapi', source: 'pyproject.toml > project.dependencies' });
  assert.deepEqual(app.start, { value: 'uvicorn api.server:api --host 0.0.0.0 --port 8000 --app-dir src', source: 'src/api/server.py:3' });
});

test('a stray requirements file with no Python entry is not an app, and does not hide its parent app', () => {
  assert.deepEqual(detect(new MemoryRepo({ 'docs/requirements.txt': 'mkdocs\n', 'docs/index.md': '# docs\n' })).apps, []);
  const node = detect(new MemoryRepo({
    'package.json': JSON.stringify({ name: 'web', scripts: { start: 'node server.js' }, dependencies: { express: '^4' } }),
    'server.js': 'require("express")().listen(3000);\n',
    'requirements.txt': 'mkdocs\n',
    'docs/requirements.txt': 'mkdocs-material\n',
  }));
  assert.deepEqual(node.apps.map((a) => [a.path, a.ecosystem]), [['.', 'node']]);
});

test('Flask: gunicorn when declared (port 8000 unless the code runs another), else flask run on 5000', () => {
  const flask = 'from flask import Flask\n\napp = Flask(__name__)\n';
  const gunicorn = only({ 'requirements.txt': 'flask\ngunicorn\n', 'wsgi.py': flask });
  assert.deepEqual(gunicorn.app.start, { value: 'gunicorn wsgi:app --bind 0.0.0.0:8000', source: 'wsgi.py:3' });
  assert.deepEqual(gunicorn.app.port, { value: 8000, source: 'default (gunicorn serves Flask on 8000)' });

  const dev = only({ 'requirements.txt': 'flask\n', 'app.py': flask });
  assert.deepEqual(dev.app.start, { value: 'flask --app app:app run --host 0.0.0.0 --port 5000', source: 'app.py:3' });
  assert.deepEqual(dev.app.port, { value: 5000, source: 'default (Flask listens on 5000)' });

  const envPort = only({ 'requirements.txt': 'flask\ngunicorn\n', 'app.py': `import os\n${flask}app.run(port=int(os.environ.get("PORT", 8081)))\n` });
  assert.equal(envPort.app.start?.value, 'gunicorn app:app --bind 0.0.0.0:8081');
  assert.deepEqual(envPort.app.port, { value: 8081, source: 'app.py:5' });
});

test('an undeclared framework is found near the top only', () => {
  const top = only({ 'requirements.txt': '', 'app.py': 'import flask\n\napplication = flask.Flask(__name__)\n' });
  assert.deepEqual(top.app.framework, { value: 'flask', source: 'app.py:1' });
  assert.equal(top.app.start?.value, 'flask --app app:application run --host 0.0.0.0 --port 5000');
});

test('Django: split settings package, wsgi fallback, no collectstatic without STATIC_ROOT', () => {
  const manage = (settings: string) => `import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "${settings}")\n`;
  const split = only({
    'requirements.txt': 'Django>=5\ngunicorn\n',
    'manage.py': manage('conf.settings.production'),
    'conf/settings/__init__.py': '',
    'conf/settings/base.py': 'X = 1\nWSGI_APPLICATION = "conf.wsgi.application"\nSTATIC_ROOT = "/srv/static"\n',
    'conf/settings/production.py': 'from .base import *\nDEBUG = False\n',
    'conf/wsgi.py': 'application = None\n',
  });
  assert.deepEqual(split.app.start, { value: 'gunicorn conf.wsgi:application --bind 0.0.0.0:8000', source: 'conf/settings/base.py:2' });
  assert.deepEqual(split.app.build, { value: 'python manage.py collectstatic --noinput', source: 'conf/settings/base.py:3' });
  assert.deepEqual(split.app.framework, { value: 'django', source: 'requirements.txt:1' });
  assert.equal(split.app.name, 'conf');

  const fallback = only({ 'requirements.txt': 'django\n', 'manage.py': manage('site1.settings'), 'site1/settings.py': 'DEBUG = True\n', 'site1/wsgi.py': '' });
  assert.deepEqual(fallback.app.start, { value: 'gunicorn site1.wsgi:application --bind 0.0.0.0:8000', source: 'site1/wsgi.py' });
  assert.equal(fallback.app.build, null);
});

test('Procfile web: wins as start; a literal port in it is configuration, $PORT is not', () => {
  const withPort = only({ 'requirements.txt': 'fastapi\nuvicorn\n', 'main.py': 'from fastapi import FastAPI\napp = FastAPI()\n', 'Procfile': 'web: uvicorn main:app --host 0.0.0.0 --port 9000\n' });
  assert.deepEqual(withPort.app.start, { value: 'uvicorn main:app --host 0.0.0.0 --port 9000', source: 'Procfile:1' });
  assert.deepEqual(withPort.app.port, { value: 9000, source: 'Procfile:1' });
  assert.deepEqual(withPort.app.framework, { value: 'fastapi', source: 'requirements.txt:1' });

  const envPort = only({ 'requirements.txt': 'gunicorn\n', 'Procfile': 'worker: python w.py\nweb: gunicorn hello:app --bind 0.0.0.0:$PORT\n', 'hello.py': 'def app(environ, start_response):\n    pass\n' });
  assert.deepEqual(envPort.app.start, { value: 'gunicorn hello:app --bind 0.0.0.0:$PORT', source: 'Procfile:2' });
  assert.equal(envPort.app.port, null);
  assert.equal(envPort.app.framework, null);
});

test('a monorepo of Python services reports each with folder-relative sources', () => {
  const result = detect(new MemoryRepo({
    'services/api/pyproject.toml': '[project]\nname = "api"\ndependencies = ["fastapi", "redis"]\n\n[tool.uv]\n',
    'services/api/uv.lock': 'version = 1\n',
    'services/api/app/main.py': 'from fastapi import FastAPI\n\napp = FastAPI()\n',
    'services/worker/requirements.txt': 'pika\n',
    'services/worker/main.py': 'import pika\n',
    'libs/common/pyproject.toml': '[project]\nname = "common"\n',
    'libs/common/common/__init__.py': '',
  }));
  assert.deepEqual(result.apps.map((a) => [a.path, a.name, a.start?.value, a.start?.source]), [
    ['services/api', 'api', 'uvicorn app.main:app --host 0.0.0.0 --port 8000', 'services/api/app/main.py:3'],
    ['services/worker', 'worker', 'python main.py', 'services/worker/main.py'],
  ]);
  assert.deepEqual(result.apps[0].services, [{ value: 'redis', source: 'services/api/pyproject.toml > project.dependencies' }]);
  assert.deepEqual(result.apps[1].lockfile, null);
});

test('a Procfile that starts Node does not make a folder a Python app; a Python one does, front-end or not', () => {
  const node = detect(new MemoryRepo({ 'requirements.txt': 'awscli\n', 'Procfile': 'web: node server.js\n', 'package.json': '{"name":"web","scripts":{"start":"node server.js"}}', 'server.js': '' }));
  assert.deepEqual(node.apps.map((a) => a.ecosystem), ['node']);
  const django = detect(new MemoryRepo({ 'requirements.txt': 'gunicorn\n', 'Procfile': 'web: gunicorn site.wsgi\n', 'package.json': '{"name":"assets","scripts":{"build":"webpack"}}' }));
  assert.deepEqual(django.apps.map((a) => [a.ecosystem, a.start?.value]), [['python', 'gunicorn site.wsgi']]);
});

test('uv workspace members use the root lockfile unless they lock themselves; non-members do not', () => {
  const result = detect(new MemoryRepo({
    'pyproject.toml': '[tool.uv.workspace]\nmembers = ["apps/*"]\nexclude = ["apps/legacy"]\n',
    'uv.lock': 'version = 1\n',
    'apps/a/pyproject.toml': '[project]\nname = "a"\nrequires-python = ">=3.10"\ndependencies = []\n',
    'apps/a/main.py': '',
    'apps/b/pyproject.toml': '[project]\nname = "b"\ndependencies = []\n\n[tool.uv]\n',
    'apps/b/uv.lock': 'version = 1\n',
    'apps/b/main.py': '',
    'tools/c/requirements.txt': 'requests\n',
    'tools/c/main.py': '',
  }));
  assert.deepEqual(result.apps.map((a) => [a.path, a.packageManager, a.lockfile, a.runtimeVersion?.source]), [
    ['apps/a', { value: 'uv', source: 'uv.lock' }, { value: '../../uv.lock', source: 'uv.lock' }, 'apps/a/pyproject.toml > project.requires-python'],
    ['apps/b', { value: 'uv', source: 'apps/b/uv.lock' }, { value: 'uv.lock', source: 'apps/b/uv.lock' }, undefined],
    ['tools/c', { value: 'pip', source: 'tools/c/requirements.txt' }, null, undefined],
  ]);
});

test('gunicorn.conf.py bind: the command leaves --bind to the file and its port is configuration', () => {
  const flask = only({ 'requirements.txt': 'flask\ngunicorn\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\napp.run(port=5000)\n', 'gunicorn.conf.py': 'workers = 4\nbind = "0.0.0.0:8080"\n' });
  assert.deepEqual(flask.app.start, { value: 'gunicorn app:app', source: 'app.py:2' });
  assert.deepEqual(flask.app.port, { value: 8080, source: 'gunicorn.conf.py:2' });
  const django = only({
    'requirements.txt': 'django\ngunicorn\n',
    'manage.py': 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "web.settings")\n',
    'web/settings.py': 'WSGI_APPLICATION = "web.wsgi.application"\n',
    'gunicorn.conf.py': 'import os\nbind = f"0.0.0.0:{os.getenv(\'PORT\', \'9000\')}"\n',
  });
  assert.deepEqual(django.app.start, { value: 'gunicorn web.wsgi:application', source: 'web/settings.py:1' });
  assert.deepEqual(django.app.port, { value: 9000, source: 'gunicorn.conf.py:2' });
  const noBind = only({ 'requirements.txt': 'flask\ngunicorn\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\n', 'gunicorn.conf.py': 'workers = 2\n' });
  assert.equal(noBind.app.start?.value, 'gunicorn app:app --bind 0.0.0.0:8000');
});

test('Django under ASGI: uvicorn or daphne when gunicorn is not installed', () => {
  const tree = {
    'manage.py': 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chat.settings")\n',
    'chat/settings.py': 'WSGI_APPLICATION = "chat.wsgi.application"\nASGI_APPLICATION = "chat.asgi.application"\n',
    'chat/asgi.py': '',
  };
  const uvicorn = only({ ...tree, 'requirements.txt': 'django\nuvicorn[standard]\n' });
  assert.deepEqual(uvicorn.app.start, { value: 'uvicorn chat.asgi:application --host 0.0.0.0 --port 8000', source: 'chat/settings.py:2' });
  assert.deepEqual(uvicorn.app.port, { value: 8000, source: 'default (uvicorn serves Django on 8000)' });
  const daphne = only({ ...tree, 'chat/settings.py': 'X = 1\n', 'requirements.txt': 'django\nchannels\ndaphne\n' });
  assert.deepEqual(daphne.app.start, { value: 'daphne -b 0.0.0.0 -p 8000 chat.asgi:application', source: 'chat/asgi.py' });
});

test('Streamlit: streamlit run on 8501, or the port in .streamlit/config.toml', () => {
  const plain = only({ 'requirements.txt': 'streamlit\npandas\n', 'helpers.py': 'X = 1\n', 'dashboard.py': '"""Sales."""\nimport streamlit as st\nst.title("Sales")\n' });
  assert.deepEqual(plain.app.framework, { value: 'streamlit', source: 'requirements.txt:1' });
  assert.deepEqual(plain.app.start, { value: 'streamlit run dashboard.py --server.address 0.0.0.0 --server.port 8501', source: 'dashboard.py:2' });
  assert.deepEqual(plain.app.port, { value: 8501, source: 'default (Streamlit listens on 8501)' });
  const configured = only({ 'requirements.txt': 'streamlit\n', 'app.py': 'from streamlit import title\n', '.streamlit/config.toml': '[server]\nport = 8080\nheadless = true\n' });
  assert.equal(configured.app.start?.value, 'streamlit run app.py --server.address 0.0.0.0 --server.port 8080');
  assert.deepEqual(configured.app.port, { value: 8080, source: '.streamlit/config.toml > server.port' });
});

test('setuptools projects: install_requires from setup.py or setup.cfg, with file:line sources', () => {
  const setupPy = only({
    'setup.py': 'from setuptools import setup\n\nsetup(\n    name="legacy",\n    install_requires=[\n        "Flask>=2",\n        \'psycopg2\',  # db\n    ],\n    extras_require={"dev": ["redis"]},\n)\n',
    'app.py': 'from flask import Flask\napp = Flask(__name__)\n',
  });
  assert.deepEqual(setupPy.app.framework, { value: 'flask', source: 'setup.py:6' });
  assert.deepEqual(setupPy.app.services, [{ value: 'postgres', source: 'setup.py:7' }]);
  const setupCfg = only({
    'setup.cfg': '[metadata]\nname = svc\n\n[options]\npackages = find:\ninstall_requires =\n    fastapi\n    pymongo>=4  # store\n\n[options.extras_require]\ndev = redis\n',
    'setup.py': 'from setuptools import setup\nsetup()\n',
    'main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
  });
  assert.deepEqual(setupCfg.app.framework, { value: 'fastapi', source: 'setup.cfg:7' });
  assert.deepEqual(setupCfg.app.services, [{ value: 'mongodb', source: 'setup.cfg:8' }]);
  assert.deepEqual(setupCfg.app.packageManager, { value: 'pip', source: 'setup.py' });
});

test('a UTF-16 requirements file (pip freeze > in PowerShell) is reported, not silently empty', () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('flask==3.0\r\n', 'utf16le')]);
  const result = detect(new MemoryRepo({ 'requirements.txt': utf16, 'main.py': 'import psycopg2\n' }));
  assert.equal(result.apps.length, 1);
  assert.deepEqual(result.apps[0].services, []);
  assert.deepEqual(result.warnings.map((w) => w.file), ['requirements.txt']);
});
