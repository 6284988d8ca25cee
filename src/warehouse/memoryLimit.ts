// DuckDB's memory cap for work that stages whole files (validating, loading): temp tables spill to disk above it, so
// memory stays flat as files grow. RAA_MEMORY_LIMIT (e.g. `1GB`) overrides it; anything that is not a size is ignored.
export const DEFAULT_MEMORY_LIMIT = '256MB';

export function memoryLimit(env: NodeJS.ProcessEnv = process.env): string {
  const asked = env.RAA_MEMORY_LIMIT ?? '';
  return /^\d+(\.\d+)?\s*[KMGT]i?B$/i.test(asked) ? asked : DEFAULT_MEMORY_LIMIT;
}
