import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A component whose code loads on first use; `preload` starts that load early (after first paint). */
export type LazyComponent<P> = ComponentType<P> & { preload(): Promise<unknown> };

/**
 * A component whose module is loaded with dynamic `import()` the first time it renders (or when
 * `preload` is called): a page's first render then carries only what it shows at once. Until the
 * module is there it renders nothing; once loaded it renders synchronously, so showing it again
 * (a view switched away from and back) never blanks. A failed load is tried again when it is next shown.
 */
export function lazyComponent<P>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
  function Lazy(props: P) {
    const [, setReady] = useState(false);
    useEffect(() => {
      // A failed load leaves it empty; it is tried again when shown again.
      if (loaded) return;
      preload().then(
        () => setReady(true),
        () => undefined,
      );
    }, []);
    return loaded ? h(loaded as ComponentType<object>, props as object) : null;
  }
  return Object.assign(Lazy, { preload });
}
