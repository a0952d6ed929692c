/** Native resources that must be freed if their JS owner is collected without dispose(). */
export interface NativeResource {
  free(): void;
}

let finalized = 0;

// A forgotten dispose() must not leak native memory, so every handle owner registers here.
const registry = new FinalizationRegistry<NativeResource>((resource) => {
  finalized++;
  try {
    resource.free();
  } catch {
    // Finalizers run outside any caller; there is nobody to report a failed free to.
  }
});

/** Frees `resource` when `owner` is garbage-collected, unless unregistered first. */
export function registerFinalizer(owner: object, resource: NativeResource): void {
  registry.register(owner, resource, owner);
}

/** Cancels the finalizer of `owner` (called by dispose()). */
export function unregisterFinalizer(owner: object): void {
  registry.unregister(owner);
}

/** How many resources finalizers have freed so far (for tests and diagnostics). */
export function finalizedCount(): number {
  return finalized;
}
