// The settings validation takes from the pipeline file, and their defaults (a module of its own: the config schema reads it).
export interface ValidateSettings {
  asfCap: number;
  /** Share of non-blank rows with row errors above which the file is held (0.2 = 20%). */
  holdThreshold: number;
}

/** The data contract's defaults (as `raa spec` publishes them: hold above 20%; ASF cap £3,000); the pipeline file's defaults are these. */
export const defaultSettings: ValidateSettings = { asfCap: 3000, holdThreshold: 0.2 };
