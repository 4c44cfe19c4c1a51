/**
 * A read a page starts before its first render (`start`, from its main.tsx), for the first hook
 * that needs it (`take`, from a layout effect, as the first render is committed): a page that
 * shows nothing until the answer arrives opens sooner when the read overlaps its script and that
 * render. `take` without an early read reads now; the early result is used once.
 */
export function earlyRead<T>(read: () => Promise<T>): { start(): void; take(): Promise<T> } {
  let early: Promise<T> | undefined;
  return {
    start() {
      early = read();
      // Failures are handled where the value is taken.
      early.catch(() => undefined);
    },
    take() {
      const value = early ?? read();
      early = undefined;
      return value;
    },
  };
}
