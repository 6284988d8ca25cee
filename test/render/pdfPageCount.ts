// Test helper: the number of pages in a PDF, counted as its page objects (`/Type /Page`, not `/Type /Pages`).
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}
