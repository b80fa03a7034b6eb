/**
 * OpenWhisk action names. A fully qualified name is `/namespace/[package/]action`; a name without the
 * leading slash is relative to the client's namespace (`_`, the key's default namespace, unless
 * configured). The serverless-on-edge seed calls the action `ns/name` the lambda `/ns/name`.
 */

/** A parsed action name. */
export interface ActionName {
  /** Namespace (`_` for the key's default namespace). */
  namespace: string;
  /** `[package/]action`. */
  path: string;
}

/**
 * Parses `name` (`/ns/pkg/action`, `/ns/action`, `pkg/action` or `action`) with `defaultNamespace` for
 * relative names. Throws a `RangeError` naming the problem for an empty name or an empty segment.
 */
export function parseActionName(name: string, defaultNamespace = '_'): ActionName {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new RangeError(`OpenWhisk action name must be a non-empty string, got ${JSON.stringify(name)}`);
  }
  const absolute = name.startsWith('/');
  const segments = (absolute ? name.slice(1) : name).split('/');
  if (segments.some((s) => s === '')) {
    throw new RangeError(`OpenWhisk action name ${JSON.stringify(name)} has an empty segment; expected /namespace/[package/]action or [package/]action`);
  }
  if (absolute) {
    if (segments.length < 2 || segments.length > 3) {
      throw new RangeError(`OpenWhisk action name ${JSON.stringify(name)}: expected /namespace/action or /namespace/package/action`);
    }
    return { namespace: segments[0], path: segments.slice(1).join('/') };
  }
  if (segments.length > 2) {
    throw new RangeError(`OpenWhisk action name ${JSON.stringify(name)}: expected action or package/action (or a leading /namespace/)`);
  }
  return { namespace: defaultNamespace, path: segments.join('/') };
}

/** The seed's lambda name of an action: `/ns/name`, or `name` for the default namespace `_`. */
export function lambdaName(action: ActionName): string {
  return action.namespace === '_' ? action.path : `/${action.namespace}/${action.path}`;
}

/** URL path of the action: `/api/v1/namespaces/{ns}/actions/{package}/{action}`, segments percent-encoded. */
export function actionPath(action: ActionName): string {
  return `/api/v1/namespaces/${encodeURIComponent(action.namespace)}/actions/${action.path
    .split('/')
    .map(encodeURIComponent)
    .join('/')}`;
}
