// Env vars and ports read only by test code are not the app's: detect() must leave them out, for every
// test-file convention the ecosystems use, and must still report a var the app reads as well.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MemoryRepo } from '../../src/core/repo';
import { detect } from '../../src/core/detect';
import { isTestFile } from '../../src/core/detect/scan/test-files';

function app(tree: Record<string, string>) {
  const result = detect(new MemoryRepo(tree));
  assert.equal(result.apps.length, 1, JSON.stringify(result.apps.map((a) => a.path)));
  return result.apps[0];
}

test('Go: *_test.go and testdata/ reads are skipped, main.go reads are kept', () => {
  const a = app({
    'go.mod': 'module example.com/api\n\ngo 1.22\n',
    'main.go': 'package main\nimport "os"\nfunc main() { _ = os.Getenv("APP_MODE") }\n',
    'main_test.go': 'package main\nimport ("os"; "net/http")\nfunc TestX() { os.Getenv("TEST_ONLY"); http.ListenAndServe(":9999", nil) }\n',
    'testdata/fixture.go': 'package x\nimport "os"\nvar _ = os.Getenv("TESTDATA_ONLY")\n',
  });
  assert.deepEqual(a.env.map((v) => v.name), ['APP_MODE']);
  assert.equal(a.port, null);
});

test('Python: test_*.py, *_test.py, conftest.py and tests/ are skipped', () => {
  const a = app({
    'requirements.txt': 'flask\n',
    'app.py': 'import os\nfrom flask import Flask\napp = Flask(__name__)\nSECRET = os.environ["SECRET_KEY"]\n',
    'conftest.py': 'import os\nos.environ["DATABASE_URL"] = "sqlite://"\nURL = os.getenv("TEST_DB")\n',
    'test_app.py': 'import os\nos.getenv("FROM_TEST_PREFIX")\n',
    'pkg/thing_test.py': 'import os\nos.getenv("FROM_TEST_SUFFIX")\n',
    'tests/test_api.py': 'import os\nos.getenv("SECRET_KEY")\napp.run(port=5555)\n',
  });
  assert.deepEqual(a.env.map((v) => [v.name, v.source]), [['SECRET_KEY', 'app.py:4']]);
  assert.notEqual(a.port?.value, 5555);
});

test('Java: src/test/** (code and its application.properties) is skipped', () => {
  const a = app({
    'pom.xml': '<project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>api</artifactId><version>1</version><packaging>jar</packaging></project>',
    'src/main/java/App.java': 'class App { public static void main(String[] a) { System.getenv("MAIN_VAR"); } }\n',
    'src/test/java/AppTest.java': 'class AppTest { void t() { System.getenv("JUNIT_VAR"); } }\n',
    'src/test/resources/application.properties': 'spring.datasource.url=${TEST_DB_URL}\n',
  });
  assert.deepEqual(a.env.map((v) => v.name), ['MAIN_VAR']);
});

test('.NET: *Tests.cs files and *.Tests folders are skipped', () => {
  const a = app({
    'Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup></Project>',
    'Program.cs': 'var x = Environment.GetEnvironmentVariable("API_KEY");\n',
    'ProgramTests.cs': 'var y = Environment.GetEnvironmentVariable("TESTS_FILE_VAR");\n',
    'Api.Tests/Helper.cs': 'var z = Environment.GetEnvironmentVariable("TESTS_PROJECT_VAR");\n',
  });
  assert.deepEqual(a.env.map((v) => v.name), ['API_KEY']);
});

test('Ruby: spec/ and test/ folders and *_spec.rb files are skipped', () => {
  const a = app({
    'Gemfile': "source 'https://rubygems.org'\ngem 'sinatra'\n",
    'config.ru': "run Sinatra::Application\n",
    'app.rb': "require 'sinatra'\nKEY = ENV['APP_KEY']\n",
    'spec/app_spec.rb': "ENV['RSPEC_VAR']\n",
    'test/app_test.rb': "ENV['MINITEST_VAR']\n",
    'lib/thing_spec.rb': "ENV['LOOSE_SPEC_VAR']\n",
  });
  assert.deepEqual(a.env.map((v) => v.name), ['APP_KEY']);
});

test('the test-file rule: test conventions in, look-alike app files out', () => {
  for (const f of ['a_test.go', 'src/test/java/A.java', 'test/x.js', 'tests/x.py', 'spec/x.rb', 'src/__tests__/a.tsx', 'a.test.ts', 'b.spec.js',
    'test_x.py', 'x_test.py', 'conftest.py', 'pkg/conftest.py', 'FooTests.cs', 'Api.Tests/Foo.cs', 'Api.IntegrationTests/Foo.cs']) assert.ok(isTestFile(f), f);
  for (const f of ['main.go', 'src/main/java/Test.java', 'latest.js', 'contest.py', 'attest/x.py', 'testing.go', 'src/testimonials.ts', 'Contest.cs', 'spectrum/x.rb']) {
    assert.ok(!isTestFile(f), f);
  }
});
