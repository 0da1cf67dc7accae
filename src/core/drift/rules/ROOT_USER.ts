// The image runs as root (no USER, or USER root/0) while the pod demands runAsNonRoot or restricted Pod
// Security: `container has runAsNonRoot and image will run as root`. A non-numeric USER cannot be verified
// by the kubelet either: `image has non-numeric user (node), cannot verify user is non-root`.
import type { Finding, TextEdit } from '../../model';
import type { DriftContext, Unit } from '../context';
import type { Rule } from '../rule';
import { effectiveUser, finalStage, instructions, type ParsedDockerfile } from '../../manifests/dockerfile';
import { mainContainer } from './ENV_MISSING';

const NONROOT_BASES = /distroless.*:nonroot|chainguard|bitnami\//;
const KNOWN_UIDS: Record<string, number> = { node: 1000, nobody: 65534, nonroot: 65532, www: 33, 'www-data': 33 };

function imageUser(ctx: DriftContext, unit: Unit): { user: string; evidence: Finding['evidence'][number]; line?: number; df?: ParsedDockerfile } | undefined {
  if (ctx.image) return { user: ctx.image.user, evidence: { image: ctx.image.ref, path: 'config > User', excerpt: ctx.image.user || '(unset: root)' } };
  const df = unit.dockerfile;
  const stage = df && finalStage(df);
  if (!df || !stage) return undefined;
  const u = effectiveUser(df, stage);
  if (u) return { user: u.args.trim(), evidence: { file: df.path, line: u.line, excerpt: df.lines[u.line - 1]?.trim() }, line: u.line, df };
  if (NONROOT_BASES.test(stage.baseImage)) return { user: 'nonroot', evidence: { file: df.path, line: stage.fromLine }, df };
  return { user: '', evidence: { file: df.path, line: stage.fromLine, excerpt: `${df.lines[stage.fromLine - 1]?.trim()} (no USER: runs as root)` }, df };
}

const isRoot = (u: string) => u === '' || /^(root|0)(:.*)?$/.test(u);

function addUserEdit(df: ParsedDockerfile, uid: number): TextEdit | undefined {
  const stage = finalStage(df);
  if (!stage) return undefined;
  const cmd = [...instructions(stage, 'ENTRYPOINT'), ...instructions(stage, 'CMD')].sort((a, b) => a.line - b.line)[0];
  const last = stage.instructions[stage.instructions.length - 1];
  return cmd ? { file: df.path, line: cmd.line, insert: true, newText: `USER ${uid}\n` } : { file: df.path, line: last.endLine + 1, insert: true, newText: `USER ${uid}\n` };
}

export const ROOT_USER: Rule = {
  id: 'ROOT_USER',
  evaluate(ctx: DriftContext): Finding[] {
    const out: Finding[] = [];
    for (const unit of ctx.units) {
      const iu = imageUser(ctx, unit);
      if (!iu) continue;
      const numericUser = /^\d+(:\d+)?$/.test(iu.user);
      const base = iu.df ? finalStage(iu.df)?.baseImage ?? '' : '';
      const uid = /(^|\/)node:/.test(base) ? 1000 : 10001;
      let demanded = false;
      for (const w of unit.kube.workloads) {
        const c = mainContainer(unit, w);
        if (!c) continue;
        const restricted = unit.kube.restrictedNamespaces.find((n) => n.name === (w.namespace ?? 'default'));
        const nonRoot = c.runAsNonRoot ?? w.podRunAsNonRoot ?? (restricted ? true : undefined);
        const runAsUser = c.runAsUser ?? w.podRunAsUser;
        if (!nonRoot) continue;
        demanded = true;
        if (runAsUser !== undefined && runAsUser !== 0) continue; // the pod sets a non-root uid itself
        const why = c.runAsNonRoot !== undefined || w.podRunAsNonRoot !== undefined ? 'runAsNonRoot: true' : `namespace ${restricted!.name} enforces the restricted Pod Security level`;
        const wEv = { file: w.file, line: w.line, excerpt: `${w.kind} ${w.name}: ${why}` };
        if (runAsUser === 0) {
          out.push({ id: 'ROOT_USER', severity: 'error', title: `${w.kind} ${w.name} sets runAsUser: 0 with runAsNonRoot`, message: `${w.file} asks for runAsNonRoot and runAsUser 0 at once: the pod never starts.`, evidence: [wEv], fix: { text: 'Set runAsUser to a non-zero uid.' }, app: unit.dir || '.' });
        } else if (isRoot(iu.user)) {
          const edit = iu.df ? addUserEdit(iu.df, uid) : undefined;
          out.push({
            id: 'ROOT_USER', severity: 'error',
            title: `image runs as root, ${w.kind} ${w.name} requires non-root`,
            message: `${w.file} requires ${why}, but the image runs as root: the pod fails with "container has runAsNonRoot and image will run as root".`,
            evidence: [iu.evidence, wEv],
            fix: { text: `Add a numeric non-root USER to the image (files it writes must be owned by that uid), or set runAsUser in the pod.`, ...(edit ? { edits: [edit] } : {}) },
            app: unit.dir || '.',
          });
        } else if (!numericUser) {
          const known = KNOWN_UIDS[iu.user.split(':')[0]];
          const edit: TextEdit | undefined = iu.df && iu.line && known !== undefined ? { file: iu.df.path, line: iu.line, newText: `USER ${known}` } : undefined;
          out.push({
            id: 'ROOT_USER', severity: 'error',
            title: `USER ${iu.user} is not numeric; runAsNonRoot cannot verify it`,
            message: `${w.file} requires ${why} without runAsUser, and the image's user '${iu.user}' is a name: the kubelet refuses it ("image has non-numeric user (${iu.user}), cannot verify user is non-root").`,
            evidence: [iu.evidence, wEv],
            fix: { text: known !== undefined ? `Use the numeric uid (USER ${known}) or set runAsUser: ${known} in the pod.` : 'Use a numeric USER uid, or set runAsUser in the pod.', ...(edit ? { edits: [edit] } : {}) },
            app: unit.dir || '.',
          });
        }
      }
      if (!demanded && isRoot(iu.user) && iu.df) {
        const edit = addUserEdit(iu.df, uid);
        out.push({
          id: 'ROOT_USER', severity: 'info',
          title: 'image runs as root',
          message: `${iu.df.path} sets no non-root USER, so the app runs as root; clusters with restricted Pod Security will reject it.`,
          evidence: [iu.evidence],
          fix: { text: 'Add a numeric non-root USER before CMD.', ...(edit ? { edits: [edit] } : {}) },
          app: unit.dir || '.',
        });
      }
    }
    return out;
  },
};
