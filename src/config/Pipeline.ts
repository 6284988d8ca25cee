// A pipeline as the stages use it: the pipeline file checked, defaults applied, paths made absolute (loadPipeline
// makes it). It lives below every stage that reads it, so none of them imports the pipeline stage.
import type { Partner, PipelineConfig } from './PipelineConfig.js';

/** A checked pipeline: every default applied, every path absolute. */
export interface Pipeline extends Omit<PipelineConfig, 'warehouse' | 'output'> {
  /** The pipeline's name: the file name without `.yaml`. */
  name: string;
  /** Absolute path of the pipeline file. */
  file: string;
  /** Absolute path of the DuckDB warehouse. */
  warehouse: string;
  /** Absolute folder the reports go into, one `<YYYY-MM>/` folder per month. */
  output: string;
  /** Lines for people about how the file was read (e.g. which default warehouse is used); loadPipeline prints them. */
  notes: string[];
  /** Partners with absolute inbox folders. */
  partners: Partner[];
}
