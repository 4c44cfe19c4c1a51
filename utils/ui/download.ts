/** Saves text as a file through the browser's download (no permission needed from a page). */
export function saveTextFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy by the next task; the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
