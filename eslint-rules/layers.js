// The layer rule of DESIGN §1, as VS Code's "code-layering" does it: the folder a file sits in
// says which folders and packages it may import. Relative imports are resolved against the
// importing file, so `../../main/x` is caught as surely as an absolute path.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const NATIVE = ['better-sqlite3', 'electron-store', 'conf', 'pdfkit', 'nodemailer'];

/** Layer → the layers it may import, and which packages it may (allow) or may not (deny) use. */
export const LAYERS = {
  shared: { may: ['shared'], allowPackages: ['zod'], why: 'shared/ is pure TypeScript: shared/ and zod only' },
  'electron/core': { may: ['shared', 'electron/core'], denyPackages: ['electron', 'react', 'react-dom'], why: 'electron/core never imports Electron, the UI or the transports' },
  'electron/server': { may: ['shared', 'electron/core', 'electron/server'], denyPackages: ['electron', 'electron-store', 'react', 'react-dom'], why: 'browser mode may use core/ and shared/ only' },
  'electron/main': { may: ['shared', 'electron/core', 'electron/main'], denyPackages: ['react', 'react-dom'], why: 'the Electron shell may use core/, shared/ and electron' },
  'electron/preload': { may: ['electron/preload'], typeOnly: ['shared'], allowPackages: ['electron'], why: 'the preload only bridges IPC, with type-only imports from shared/' },
  renderer: { may: ['shared', 'renderer'], denyPackages: ['electron', ...NATIVE], denyNode: true, why: 'the renderer talks to the backend only through its API client' },
};

const ORDER = Object.keys(LAYERS).sort((a, b) => b.length - a.length);

function layerOf(file, root) {
  const relative = path.relative(root, file).split(path.sep).join('/');
  return ORDER.find((layer) => relative === layer || relative.startsWith(`${layer}/`));
}

const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

function check(context, node, spec, typeOnly) {
  const root = context.cwd;
  const file = context.filename;
  const layer = layerOf(file, root);
  if (!layer) return;
  const rules = LAYERS[layer];
  const report = (what) => context.report({ node, message: `Bad layering: ${layer} may not import ${what} (${rules.why}; DESIGN §1).` });

  if (spec.startsWith('.')) {
    const target = layerOf(path.resolve(path.dirname(file), spec), root);
    if (!target) return report(`'${spec}' (outside the layers)`);
    if (rules.may.includes(target)) return;
    if (typeOnly && rules.typeOnly?.includes(target)) return;
    return report(`${target} ('${spec}')${rules.typeOnly?.includes(target) ? ' except as `import type`' : ''}`);
  }
  const name = packageName(spec);
  const isNode = NODE.has(spec) || NODE.has(name);
  if (rules.allowPackages && !rules.allowPackages.includes(name)) return report(`the package '${spec}'`);
  if (rules.denyPackages?.includes(name)) return report(`the package '${spec}'`);
  if (rules.denyNode && isNode) return report(`the Node module '${spec}'`);
}

export default {
  rules: {
    layers: {
      meta: { type: 'problem', docs: { description: 'Enforce the import rule of DESIGN §1' }, schema: [] },
      create(context) {
        const visit = (node) => {
          if (node.source && typeof node.source.value === 'string') {
            const typeOnly = node.importKind === 'type' || node.exportKind === 'type' || (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
            check(context, node, node.source.value, typeOnly);
          }
        };
        return {
          ImportDeclaration: visit,
          ExportNamedDeclaration: visit,
          ExportAllDeclaration: visit,
          ImportExpression(node) {
            if (node.source.type === 'Literal' && typeof node.source.value === 'string') check(context, node, node.source.value, false);
          },
          CallExpression(node) {
            if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
              check(context, node, String(node.arguments[0].value), false);
            }
          },
        };
      },
    },
  },
};
