// Short confirmations of what an action did ("uuid copied"), announced to screen readers and
// gone after a few seconds; errors stay until dismissed.
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useState,
  type ReactElement,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icons.tsx';

type Tone = 'info' | 'error';
interface Toast {
  id: number;
  tone: Tone;
  text: string;
}

const TOAST_MS = 5_000;

const ToastContext = createContext<(text: string, tone?: Tone) => void>(() => undefined);

export function useToast(): (text: string, tone?: Tone) => void {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ReactNode }): ReactElement {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback(
    (id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)),
    [],
  );
  const show = useCallback(
    (text: string, tone: Tone = 'info') => {
      const id = Date.now() + Math.random();
      setToasts((all) => [...all.slice(-3), { id, tone, text }]);
      if (tone === 'info') setTimeout(() => dismiss(id), TOAST_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.tone}`}>
            <Icon name={toast.tone === 'error' ? 'alert' : 'check'} />
            <span className="toast-text">{toast.text}</span>
            <button
              type="button"
              className="icon-button"
              onClick={() => dismiss(toast.id)}
              aria-label={t('app.dismiss')}
            >
              <Icon name="cross" />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
