// What Parity reads from an SDK-style project file (*.csproj/*.fsproj/*.vbproj), each with its line.
import type { AppContext } from '../../../detect/context';
import type { Fact } from '../../../model';
import type { Dependency } from '../../../detect/provider';
import { join } from '../../../repo';
import { parseXmlTree, at, descendants, type XmlNode } from '../../java/detect/xml-tree';

export interface DotnetProject {
  file: string;
  sdk?: Fact<string>;
  targetFramework: Fact<string> | null;
  outputType?: string;
  assemblyName: Fact<string>;
  isTest: boolean;
  dependencies: Dependency[];
}

export function readProject(ctx: AppContext, file: string): DotnetProject | undefined {
  if (!ctx.xml(file)) return undefined; // malformed: warned by ctx.xml()
  const project = at(parseXmlTree(ctx.read(file) ?? ''), 'Project');
  if (!project) {
    ctx.warn(file, 'no <Project> element');
    return undefined;
  }
  const prop = (name: string) => descendants(project, name).find((n) => n.text);
  const sdkChild = descendants(project, 'Sdk').find((n) => n.attrs.Name);
  const sdk = project.attrs.Sdk ? ctx.fact(project.attrs.Sdk, file, project.line) : sdkChild ? ctx.fact(sdkChild.attrs.Name, file, sdkChild.line) : undefined;
  const assembly = prop('AssemblyName');
  const stem = file.slice(file.lastIndexOf('/') + 1).replace(/\.(cs|fs|vb)proj$/, '');
  const refs = descendants(project, 'PackageReference').filter((r) => r.attrs.Include);
  return {
    file,
    sdk,
    targetFramework: targetFramework(ctx, file, prop('TargetFramework') ?? prop('TargetFrameworks')),
    outputType: prop('OutputType')?.text,
    assemblyName: assembly ? ctx.fact(assembly.text, file, assembly.line) : ctx.fact(stem, file),
    isTest: /^true$/i.test(prop('IsTestProject')?.text ?? '') || refs.some((r) => r.attrs.Include === 'Microsoft.NET.Test.Sdk'),
    dependencies: refs.map((r) => ({ name: r.attrs.Include, source: `${ctx.rel(file)}:${r.line}` })),
  };
}

/** `net8.0` → `8.0`, `netcoreapp3.1` → `3.1`; of several target frameworks the newest. */
export function runtimeOf(tfm: string): string | undefined {
  return tfm.trim().match(/^net(?:coreapp)?(\d+\.\d+)(?:-[\w.]+)?$/)?.[1];
}

function targetFramework(ctx: AppContext, file: string, node: XmlNode | undefined): Fact<string> | null {
  if (node) {
    const best = newest(node.text);
    return best ? ctx.fact(best, file, node.line) : null;
  }
  return fromDirectoryBuildProps(ctx);
}

function newest(list: string): string | undefined {
  const versions = list.split(';').map(runtimeOf).filter((v): v is string => v !== undefined);
  return versions.sort((a, b) => Number(b.split('.')[0]) - Number(a.split('.')[0]) || Number(b.split('.')[1]) - Number(a.split('.')[1]))[0];
}

/** MSBuild imports the nearest Directory.Build.props above the project: solutions set the TFM there. */
function fromDirectoryBuildProps(ctx: AppContext): Fact<string> | null {
  let dir = ctx.dir;
  for (;;) {
    const rel = join(dir, 'Directory.Build.props');
    const text = ctx.repo.readText(rel);
    if (text !== undefined) {
      const node = descendants(parseXmlTree(text), 'TargetFramework').find((n) => n.text);
      const v = node && newest(node.text);
      return node && v ? { value: v, source: `${rel}:${node.line}` } : null;
    }
    if (!dir) return null;
    dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  }
}
