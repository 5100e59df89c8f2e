import {
  Component,
  type ComponentType,
  type ErrorInfo,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  Suspense,
  useMemo,
  useState,
} from 'react';
import { useI18n } from '../i18n';

/** Shows `fallback(retry)` instead of its children when they throw (e.g. a lazy chunk failed to load). */
class Catch extends Component<
  { fallback: (error: unknown) => ReactNode; children: ReactNode },
  { error: unknown; failed: boolean }
> {
  override state = { error: null as unknown, failed: false };
  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }
  override componentDidCatch(_error: unknown, _info: ErrorInfo) {
    // Shown to the user by the fallback; nothing else to do.
  }
  override render() {
    return this.state.failed ? this.props.fallback(this.state.error) : this.props.children;
  }
}

/** What the user sees when a part of the page could not load: what happened and a way to try again. */
function Failed({ what, onRetry }: { what: string; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice error" role="alert" data-testid="load-failed">
      <p>
        <strong>{t.partFailed(what)}</strong> {t.partFailedWhy}
      </p>
      <button type="button" onClick={onRetry} data-testid="retry">
        {t.retry}
      </button>
    </div>
  );
}

/**
 * A lazily loaded part of the page with an error boundary and a retry: a failed chunk (offline, flaky
 * network, a redeploy that removed the old chunk) shows a message and a button instead of a blank page.
 * React caches a rejected `lazy()`, so each retry makes a new one; the browser fetches the chunk again.
 */
export function LazyPart<P extends object>(props: {
  load: () => Promise<{ default: ComponentType<P> }>;
  /** What the part is, for the message ("the province view"). */
  what: string;
  fallback?: ReactNode;
  props: P;
}) {
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new lazy component per attempt is the point
  const Lazy: LazyExoticComponent<ComponentType<P>> = useMemo(() => lazy(props.load), [attempt]);
  const P = Lazy as unknown as ComponentType<P>;
  return (
    <Catch
      key={attempt}
      fallback={() => <Failed what={props.what} onRetry={() => setAttempt((n) => n + 1)} />}
    >
      <Suspense fallback={props.fallback ?? null}>
        <P {...props.props} />
      </Suspense>
    </Catch>
  );
}
