// Which files in a folder are extracts: CSV, TXT (Excel's "Unicode text") and TSV, whatever their case.
const extractPattern = /\.(csv|txt|tsv)$/i;

export const isExtractFile = (name: string): boolean => extractPattern.test(name);
