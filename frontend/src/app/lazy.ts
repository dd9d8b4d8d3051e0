import { type ComponentType, createElement, lazy, useState } from 'react';

export type LazyPage = ComponentType & {
  /** Fetches the page's chunk, so that the page can render without suspending. */
  preload: () => Promise<unknown>;
};

/**
 * React.lazy for a module's named export, so each feature's pages are their own chunk. A page
 * whose chunk is already in (see `preload`) renders directly: suspending would cost more than the
 * wait for the chunk, since React holds back revealing a suspended boundary until 300 ms after its
 * fallback appeared.
 */
export function lazyNamed<M extends Record<string, unknown>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyPage {
  let loaded: ComponentType | undefined;
  const preload = () => load().then((module) => (loaded = module[name] as ComponentType));
  const Lazy = lazy(async () => ({ default: await preload() }));
  function Page() {
    // Chosen once per mounted page: switching components later would remount it and lose its state.
    const [Component] = useState<ComponentType>(() => loaded ?? Lazy);
    return createElement(Component);
  }
  return Object.assign(Page, { preload });
}
