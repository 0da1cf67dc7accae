// .NET: what is an app (web, worker, Exe) and what is not (class libraries, test projects, a bare .sln),
// target frameworks, and the port precedence Kestrel itself applies.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { detect } from '../../src/core/detect';
import { MemoryRepo } from '../../src/core/repo';
import { portOf } from '../../src/core/ecosystems/dotnet/detect/ports';
import { runtimeOf } from '../../src/core/ecosystems/dotnet/detect/project';

const web = (tfm = 'net8.0') => `<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <TargetFramework>${tfm}</TargetFramework>\n  </PropertyGroup>\n</Project>\n`;
const program = 'var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n';

function apps(tree: Record<string, string>) {
  return detect(new MemoryRepo(tree));
}

function only(tree: Record<string, string>) {
  const result = apps(tree);
  assert.equal(result.apps.length, 1, JSON.stringify(result));
  return result.apps[0];
}

test('a solution: web and console projects are apps; class libraries, test projects and the .sln root are not', () => {
  const result = apps({
    'Shop.sln': 'Microsoft Visual Studio Solution File, Format Version 12.00\n',
    'src/Api/Api.csproj': web(),
    'src/Api/Program.cs': program,
    'src/Cli/Cli.csproj': '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n',
    'src/Domain/Domain.csproj': '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n',
    'tests/Api.Tests/Api.Tests.csproj': '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.9.0" />\n  </ItemGroup>\n</Project>\n',
    'tests/Web.Tests/Web.Tests.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <IsTestProject>true</IsTestProject>\n  </PropertyGroup>\n</Project>\n',
  });
  assert.deepEqual(result.apps.map((a) => [a.path, a.name, a.framework?.value ?? null, a.start?.value, a.port?.value ?? null]), [
    ['src/Api', 'Api', 'aspnetcore', 'dotnet Api.dll', 8080],
    ['src/Cli', 'Cli', null, 'dotnet Cli.dll', null],
  ]);
});

test('target frameworks: net8.0 → 8.0, the newest of several, netcoreapp3.1 → 3.1; before .NET 8 the default port is 80', () => {
  assert.deepEqual(only({ 'a.csproj': web('net8.0') }).runtimeVersion, { value: '8.0', source: 'a.csproj:3' });
  const multi = web('x').replace('<TargetFramework>x</TargetFramework>', '<TargetFrameworks>net6.0;net9.0;net8.0-windows</TargetFrameworks>');
  assert.equal(only({ 'a.csproj': multi }).runtimeVersion?.value, '9.0');
  const old = only({ 'a.csproj': web('netcoreapp3.1') });
  assert.equal(old.runtimeVersion?.value, '3.1');
  assert.deepEqual(old.port, { value: 80, source: 'default (aspnetcore listens on 80 before .NET 8)' });
  assert.equal(runtimeOf('net48'), undefined);
  assert.equal(runtimeOf('net10.0'), '10.0');
});

test('port precedence: Kestrel endpoints, Dockerfile ASPNETCORE_URLS/HTTP_PORTS, appsettings Urls, launchSettings env', () => {
  const kestrel = JSON.stringify({ Kestrel: { Endpoints: { Http: { Url: 'http://0.0.0.0:5005' } } }, Urls: 'http://+:5006' });
  const dockerfile = 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_URLS=http://+:5007 DOTNET_gcServer=0\n';
  const launch = JSON.stringify({ profiles: { http: { applicationUrl: 'http://localhost:5123', environmentVariables: { ASPNETCORE_HTTP_PORTS: '5008' } } } });
  const base = { 'Api.csproj': web(), 'Program.cs': program };
  assert.deepEqual(only({ ...base, 'appsettings.json': kestrel, 'Dockerfile': dockerfile }).port, { value: 5005, source: 'appsettings.json > Kestrel.Endpoints.Http.Url' });
  assert.deepEqual(only({ ...base, 'appsettings.json': JSON.stringify({ Urls: 'http://+:5006' }), 'Dockerfile': dockerfile }).port, { value: 5007, source: 'Dockerfile:2' });
  assert.deepEqual(only({ ...base, 'appsettings.json': JSON.stringify({ Urls: 'https://+:5443;http://+:5006' }), 'Properties/launchSettings.json': launch }).port, { value: 5006, source: 'appsettings.json > Urls' });
  assert.deepEqual(only({ ...base, 'Properties/launchSettings.json': launch }).port, { value: 5008, source: 'Properties/launchSettings.json > profiles.http.environmentVariables.ASPNETCORE_HTTP_PORTS' });
  // applicationUrl is a dev-time port: ignored
  const devOnly = JSON.stringify({ profiles: { http: { applicationUrl: 'http://localhost:5123' } } });
  assert.deepEqual(only({ ...base, 'Properties/launchSettings.json': devOnly }).port, { value: 8080, source: 'default (aspnetcore listens on 8080 since .NET 8)' });
  const httpPorts = 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_HTTP_PORTS 9090\n';
  assert.deepEqual(only({ ...base, 'Dockerfile': httpPorts }).port, { value: 9090, source: 'Dockerfile:2' });
});

test('URL lists: the first http URL, or the first port of a port list', () => {
  assert.equal(portOf('http://+:5000;https://+:5001', 'ASPNETCORE_URLS'), 5000);
  assert.equal(portOf('https://+:5001;http://*:5000', 'ASPNETCORE_URLS'), 5000);
  assert.equal(portOf('http://[::]:7000', 'ASPNETCORE_URLS'), 7000);
  assert.equal(portOf('8080;8081', 'ASPNETCORE_HTTP_PORTS'), 8080);
  assert.equal(portOf('http://localhost', 'ASPNETCORE_URLS'), undefined);
  assert.equal(portOf('99999', 'HTTP_PORTS'), undefined);
});

test('dependencies are PackageReference includes in file order; AssemblyName names the dll', () => {
  const csproj = '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n    <AssemblyName>shop-api</AssemblyName>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include="MongoDB.Driver" Version="2.25.0" />\n    <PackageReference Include="npgsql" Version="8.0.0" />\n  </ItemGroup>\n</Project>\n';
  const app = only({ 'Shop.Api.csproj': csproj, 'packages.lock.json': '{}' });
  assert.equal(app.name, 'Shop.Api');
  assert.deepEqual(app.start, { value: 'dotnet shop-api.dll', source: 'Shop.Api.csproj:4' });
  assert.deepEqual(app.services, [{ value: 'mongodb', source: 'Shop.Api.csproj:7' }, { value: 'postgres', source: 'Shop.Api.csproj:8' }]);
  assert.deepEqual(app.lockfile, { value: 'packages.lock.json', source: 'packages.lock.json' });
});

test('malformed project files and appsettings become warnings, never a crash', () => {
  const broken = apps({ 'Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup>', 'Program.cs': program });
  assert.deepEqual(broken.apps, []);
  assert.equal(broken.warnings[0]?.file, 'Api.csproj');
  assert.match(broken.warnings[0]?.message ?? '', /^invalid XML/);
  const badSettings = apps({ 'Api.csproj': web(), 'appsettings.json': '{ "Urls": ', 'Program.cs': program });
  assert.equal(badSettings.apps[0]?.port?.value, 8080);
  assert.equal(badSettings.warnings[0]?.file, 'appsettings.json');
});
