// Which files in a folder are extracts: CSV, TXT (Excel's "Unicode text") and TSV, and Excel workbooks (.xlsx and
// .xlsm are read; .xls and .xlsb are taken too, so that they are answered with what to send instead), whatever their case.
const extractPattern = /\.(csv|txt|tsv|xlsx|xlsm|xls|xlsb)$/i;

export const isExtractFile = (name: string): boolean => extractPattern.test(name);
