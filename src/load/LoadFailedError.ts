// A partner-month load that could not be stored: rolled back (or never committed), so the warehouse is as it was.
import { exitCodes, RaaError } from '../errors/RaaError.js';

export class LoadFailedError extends RaaError {
  constructor(readonly partner: string, readonly period: string, reason: string, options?: { cause?: unknown }) {
    super(`loading ${partner} ${period} failed and nothing was stored (the warehouse is as it was before): ${reason}`, exitCodes.warehouse, options);
  }
}

/** The first line of an error's message: DuckDB's messages carry context lines that read as noise on a terminal. */
export const firstLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
