/**
 * Layering rules (docs/architecture.md): the core runs in plain Node with neither Electron nor React; only the
 * Electron shell imports electron; the renderer reaches the core only through the API contract.
 * `npm run lint:layers` (part of `npm test`) fails on any violation.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-is-plain-node',
      comment: 'electron/core must run without Electron, React or any shell (tests, CLI and server use it directly).',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: ['^node_modules/(electron|react|react-dom)/', '^electron/(main|preload|web|cli|server)/', '^renderer/'] },
    },
    {
      name: 'contract-is-pure',
      comment: 'The contract is shared with the renderer: it may import zod and itself, nothing else.',
      severity: 'error',
      from: { path: '^electron/contract/' },
      to: { pathNot: ['^electron/contract/', '^node_modules/zod/'] },
    },
    {
      name: 'only-the-shell-imports-electron',
      comment: 'Only electron/main and electron/preload may import electron.',
      severity: 'error',
      from: { pathNot: ['^electron/main/', '^electron/preload/'] },
      to: { path: '^node_modules/electron/' },
    },
    {
      name: 'preload-is-a-bridge',
      comment: 'The preload exposes the contract over IPC, nothing more: no core, no Node modules.',
      severity: 'error',
      from: { path: '^electron/preload/' },
      to: { pathNot: ['^electron/preload/', '^electron/contract/', '^node_modules/(electron|zod)/'] },
    },
    {
      name: 'renderer-talks-through-the-contract',
      comment: 'The renderer may use the contract (and the preload bridge type), never the core, store or shells.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^electron/', pathNot: ['^electron/contract/', '^electron/preload/release-desk-bridge\\.ts$'] },
    },
    {
      name: 'renderer-has-no-node',
      comment: 'The renderer is sandboxed: Node built-ins do not exist there.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shells-do-not-import-each-other',
      comment: 'Electron main, web shell, CLI and team server are siblings around the core.',
      severity: 'error',
      from: { path: '^electron/(main|web|cli|server)/' },
      to: { path: '^electron/(main|web|cli|server)/', pathNot: '^electron/$1/' },
    },
    {
      name: 'store-handle-stays-in-the-store',
      comment:
        'Only electron/core/store/ holds the workspace database: everything else reads through its typed queries and writes through mutate. The team server keeps its own database (electron/server/*-server-store.ts).',
      severity: 'error',
      from: { path: '^electron/', pathNot: ['^electron/core/store/', '^electron/server/[^/]+-server-store\\.ts$'] },
      to: { path: ['^node_modules/better-sqlite3/', '^electron/core/store/(database-handle|open-database|migrate|statement-cache)\\.ts$'] },
    },
    {
      name: 'store-is-below-the-features',
      comment:
        'The store knows changes, trust and the contract, never the features built on it (domain rules, handlers, sync, runbooks, …): a feature reaches storage through the store, not the other way round.',
      severity: 'error',
      from: { path: '^electron/core/store/' },
      to: { path: '^electron/core/', pathNot: ['^electron/core/(store|changes|trust)/', '^electron/core/[^/]+\\.ts$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(out|release|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
