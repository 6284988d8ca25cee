// The report output formats: a module of its own so the CLI can list them without loading the renderers.
export const formats = ['html', 'json', 'csv', 'pdf'] as const;
export type Format = (typeof formats)[number];
