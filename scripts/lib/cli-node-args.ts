// How a CLI of ours is run by node: TypeScript through tsx, and the `react-server` export
// condition, so the data layer's `import 'server-only'` resolves to its empty module in a CLI
// while a client component that imports the data layer still fails `next build`. The web
// server (scripts/web-cluster.ts) runs without it: Next picks its own conditions per layer.
export const CLI_NODE_ARGS = ['--conditions=react-server', '--import', 'tsx'] as const
