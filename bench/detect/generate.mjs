// Generates the issue-2 benchmark monorepo: 20 apps of mixed ecosystems with ~1,500 source files each,
// a 60,000-file node_modules and a .git folder — about 100k files. Deterministic (no randomness).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';

const PER_DIR = 50;

/** A source file of ~1.2 KB; every 10th reads an env var, as real code does now and then. */
const BODIES = {
  js: (i, app) => `'use strict';\n// ${app} module ${i}\nconst util = require('node:util');\n\nfunction handler${i}(req, res) {\n  const items = [];\n  for (let k = 0; k < 10; k++) items.push({ id: k, name: 'item' + k });\n  res.json({ ok: true, items, module: ${i} });\n}\n\nfunction helper${i}(a, b) {\n  return util.format('%s-%s', a, b);\n}\n${i % 10 === 0 ? `const setting${i} = process.env.SETTING_${i} || 'default';\n` : ''}\nmodule.exports = { handler${i}, helper${i} };\n` + '// padding line to make files a realistic size\n'.repeat(16),
  py: (i, app) => `"""${app} module ${i}."""\nimport json\n${i % 10 === 0 ? 'import os\n' : ''}\n\ndef handler_${i}(request):\n    items = [{"id": k, "name": f"item{k}"} for k in range(10)]\n    return json.dumps({"ok": True, "items": items, "module": ${i}})\n\n\ndef helper_${i}(a, b):\n    return f"{a}-{b}"\n${i % 10 === 0 ? `\nSETTING_${i} = os.environ.get("SETTING_${i}", "default")\n` : ''}` + '# padding line to make files a realistic size\n'.repeat(16),
  go: (i, app) => `package internal\n\n// ${app} module ${i}\nimport (\n\t"fmt"\n${i % 10 === 0 ? '\t"os"\n' : ''})\n\nfunc Handler${i}() string {\n\titems := make([]string, 0, 10)\n\tfor k := 0; k < 10; k++ {\n\t\titems = append(items, fmt.Sprintf("item%d", k))\n\t}\n\treturn fmt.Sprint(items)\n}\n${i % 10 === 0 ? `\nvar Setting${i} = os.Getenv("SETTING_${i}")\n` : ''}` + '// padding line to make files a realistic size\n'.repeat(16),
  java: (i, app, pkg) => `package ${pkg};\n\n// ${app} module ${i}\nimport java.util.ArrayList;\nimport java.util.List;\n\npublic class Handler${i} {\n    public List<String> items() {\n        List<String> out = new ArrayList<>();\n        for (int k = 0; k < 10; k++) out.add("item" + k);\n        return out;\n    }\n${i % 10 === 0 ? `    static final String SETTING = System.getenv("SETTING_${i}");\n` : ''}}\n` + '// padding line to make files a realistic size\n'.repeat(16),
  rb: (i, app) => `# ${app} module ${i}\nmodule Handlers\n  class Handler${i}\n    def items\n      (0...10).map { |k| { id: k, name: "item#{k}" } }\n    end\n${i % 10 === 0 ? `    SETTING = ENV.fetch('SETTING_${i}', 'default')\n` : ''}  end\nend\n` + '# padding line to make files a realistic size\n'.repeat(16),
  php: (i, app) => `<?php\n// ${app} module ${i}\nnamespace App\\Handlers;\n\nclass Handler${i}\n{\n    public function items(): array\n    {\n        return array_map(fn ($k) => ['id' => $k, 'name' => "item$k"], range(0, 9));\n    }\n${i % 10 === 0 ? `    const SETTING = '${i}';\n    public function setting() { return getenv('SETTING_${i}'); }\n` : ''}}\n` + '// padding line to make files a realistic size\n'.repeat(16),
  rs: (i, app) => `// ${app} module ${i}\npub fn handler_${i}() -> Vec<String> {\n    (0..10).map(|k| format!("item{}", k)).collect()\n}\n${i % 10 === 0 ? `\npub fn setting_${i}() -> String {\n    std::env::var("SETTING_${i}").unwrap_or_default()\n}\n` : ''}` + '// padding line to make files a realistic size\n'.repeat(16),
  cs: (i, app) => `// ${app} module ${i}\nnamespace App.Handlers;\n\npublic class Handler${i}\n{\n    public IEnumerable<string> Items() => Enumerable.Range(0, 10).Select(k => $"item{k}");\n${i % 10 === 0 ? `    public string? Setting => Environment.GetEnvironmentVariable("SETTING_${i}");\n` : ''}}\n` + '// padding line to make files a realistic size\n'.repeat(16),
};

const APPS = [
  ...['web', 'api', 'admin', 'worker', 'gateway', 'auth'].map((n) => ({ name: `node-${n}`, eco: 'node' })),
  ...['ml', 'billing', 'reports', 'search'].map((n) => ({ name: `py-${n}`, eco: 'python' })),
  ...['ingest', 'proxy', 'scheduler'].map((n) => ({ name: `go-${n}`, eco: 'go' })),
  ...['orders', 'inventory'].map((n) => ({ name: `java-${n}`, eco: 'java' })),
  ...['shop', 'cms'].map((n) => ({ name: `rb-${n}`, eco: 'ruby' })),
  { name: 'php-blog', eco: 'php' },
  { name: 'rs-edge', eco: 'rust' },
  { name: 'dotnet-ledger', eco: 'dotnet' },
];

function write(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/** Source files spread over folders of PER_DIR files each. */
function sources(dir, count, ext, body, app, javaBase) {
  for (let i = 0; i < count; i++) {
    const sub = `mod${Math.floor(i / PER_DIR)}`;
    if (javaBase) {
      const pkg = `${javaBase.replace(/\//g, '.')}.${sub}`;
      write(path.join(dir, 'src/main/java', javaBase, sub, `Handler${i}.java`), body(i, app, pkg));
    } else {
      write(path.join(dir, sub, `file${i}.${ext}`), body(i, app));
    }
  }
}

function makeApp(root, { name, eco }, files) {
  const dir = path.join(root, 'apps', name);
  switch (eco) {
    case 'node':
      write(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true, scripts: { start: 'node src/index.js' }, dependencies: { express: '^4.19.2', pg: '^8.11.0' } }, null, 2));
      write(path.join(dir, 'src/index.js'), "const express = require('express');\nconst app = express();\napp.get('/healthz', (req, res) => res.send('ok'));\napp.listen(process.env.PORT || 3000);\n");
      sources(path.join(dir, 'src'), files, 'js', BODIES.js, name);
      break;
    case 'python':
      write(path.join(dir, 'requirements.txt'), 'flask==3.0.3\npsycopg2==2.9.9\ngunicorn==22.0.0\n');
      write(path.join(dir, 'app.py'), "import os\nfrom flask import Flask\n\napp = Flask(__name__)\n\n@app.route('/health')\ndef health():\n    return 'ok'\n\nif __name__ == '__main__':\n    app.run(host='0.0.0.0', port=int(os.getenv('PORT', '5000')))\n");
      sources(path.join(dir, 'pkg'), files, 'py', BODIES.py, name);
      break;
    case 'go':
      write(path.join(dir, 'go.mod'), `module example.com/${name}\n\ngo 1.22\n\nrequire github.com/jackc/pgx/v5 v5.6.0\n`);
      write(path.join(dir, 'main.go'), 'package main\n\nimport (\n\t"net/http"\n\t"os"\n)\n\nfunc main() {\n\t_ = os.Getenv("DATABASE_URL")\n\thttp.ListenAndServe(":8080", nil)\n}\n');
      sources(path.join(dir, 'internal'), files, 'go', BODIES.go, name);
      break;
    case 'java':
      write(path.join(dir, 'pom.xml'), `<?xml version="1.0" encoding="UTF-8"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n  <parent>\n    <groupId>org.springframework.boot</groupId>\n    <artifactId>spring-boot-starter-parent</artifactId>\n    <version>3.3.0</version>\n  </parent>\n  <groupId>com.acme</groupId>\n  <artifactId>${name}</artifactId>\n  <version>1.0.0</version>\n  <properties>\n    <java.version>21</java.version>\n  </properties>\n  <dependencies>\n    <dependency>\n      <groupId>org.springframework.boot</groupId>\n      <artifactId>spring-boot-starter-web</artifactId>\n    </dependency>\n    <dependency>\n      <groupId>org.postgresql</groupId>\n      <artifactId>postgresql</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n`);
      write(path.join(dir, 'src/main/java/com/acme/Application.java'), 'package com.acme;\n\nimport org.springframework.boot.SpringApplication;\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\npublic class Application {\n    public static void main(String[] args) {\n        SpringApplication.run(Application.class, args);\n    }\n}\n');
      write(path.join(dir, 'src/main/resources/application.properties'), 'server.port=8081\nspring.datasource.url=${JDBC_URL}\n');
      sources(dir, files, 'java', BODIES.java, name, 'com/acme/app');
      break;
    case 'ruby':
      write(path.join(dir, 'Gemfile'), "source 'https://rubygems.org'\n\ngem 'sinatra'\ngem 'puma'\ngem 'pg'\n");
      write(path.join(dir, 'config.ru'), "require './app'\nrun Sinatra::Application\n");
      write(path.join(dir, 'app.rb'), "require 'sinatra'\n\nget '/health' do\n  'ok'\nend\n");
      sources(path.join(dir, 'lib'), files, 'rb', BODIES.rb, name);
      break;
    case 'php':
      write(path.join(dir, 'composer.json'), JSON.stringify({ name: 'acme/blog', require: { php: '^8.2', 'slim/slim': '^4.12', 'ext-pdo_pgsql': '*' } }, null, 2));
      write(path.join(dir, 'public/index.php'), "<?php\nrequire __DIR__ . '/../vendor/autoload.php';\n$app = Slim\\Factory\\AppFactory::create();\n$app->run();\n");
      sources(path.join(dir, 'src'), files, 'php', BODIES.php, name);
      break;
    case 'rust':
      write(path.join(dir, 'Cargo.toml'), `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\naxum = "0.7"\ntokio = { version = "1", features = ["full"] }\ntokio-postgres = "0.7"\n`);
      write(path.join(dir, 'src/main.rs'), '#[tokio::main]\nasync fn main() {\n    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await.unwrap();\n    let _ = listener;\n}\n');
      sources(path.join(dir, 'src'), files, 'rs', BODIES.rs, name);
      break;
    case 'dotnet':
      write(path.join(dir, `${name}.csproj`), '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include="Npgsql" Version="8.0.3" />\n  </ItemGroup>\n</Project>\n');
      write(path.join(dir, 'Program.cs'), 'var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\napp.MapGet("/healthz", () => "ok");\napp.Run();\n');
      sources(path.join(dir, 'Handlers'), files, 'cs', BODIES.cs, name);
      break;
  }
}

/** 3,000 packages × 20 files: package.json, index.js, lib/*.js, README, LICENSE… */
function nodeModules(root, total) {
  const perPkg = 20;
  for (let p = 0; p < total / perPkg; p++) {
    const dir = path.join(root, 'node_modules', p % 5 === 0 ? `@scope${p % 7}/pkg-${p}` : `pkg-${p}`);
    write(path.join(dir, 'package.json'), JSON.stringify({ name: `pkg-${p}`, version: '1.0.0', main: 'index.js' }));
    write(path.join(dir, 'index.js'), `module.exports = require('./lib/f0');\nconst port = process.env.PORT || 1234; // dependencies mention env vars too\n`);
    write(path.join(dir, 'README.md'), `# pkg-${p}\n`);
    write(path.join(dir, 'LICENSE'), 'MIT\n');
    for (let f = 0; f < perPkg - 4; f++) write(path.join(dir, 'lib', `f${f}.js`), `exports.v${f} = ${f}; // process.env.NODE_ENV\n`);
  }
}

/** A real repository, plus loose objects so .git has thousands of files like a real clone. */
function gitDir(root, objects) {
  execFileSync('git', ['init', '-q', root]);
  for (let i = 0; i < objects; i++) {
    const h = i.toString(16).padStart(40, '0');
    write(path.join(root, '.git/objects', h.slice(0, 2), h.slice(2)), 'x'.repeat(200));
  }
}

export function generate(root, { filesPerApp = 1500, nodeModulesFiles = 60_000, gitObjects = 8_000 } = {}) {
  fs.mkdirSync(root, { recursive: true });
  write(path.join(root, 'package.json'), JSON.stringify({ name: 'bench-monorepo', private: true, workspaces: ['apps/node-*'] }, null, 2));
  write(path.join(root, '.gitignore'), 'node_modules/\n*.log\n.env\n');
  write(path.join(root, 'README.md'), '# Benchmark monorepo\n');
  for (const app of APPS) makeApp(root, app, filesPerApp);
  nodeModules(root, nodeModulesFiles);
  gitDir(root, gitObjects);
  return { apps: APPS.length };
}

export function countFiles(dir) {
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countFiles(path.join(dir, e.name));
    else n++;
  }
  return n;
}
