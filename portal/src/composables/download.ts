/** Hands a file to the browser as a download (a temporary object URL on a hidden link). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after the click returns; let it before freeing the URL.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
