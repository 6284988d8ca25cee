// The export formats: a module of its own so the CLI can list them without loading Arrow.
export const exportFormats = ['parquet', 'arrow', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];
