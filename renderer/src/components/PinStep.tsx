import type { ReactNode } from 'react';
import { PinPad } from './PinPad';
import { Avatar } from './UserTile';

/** The second step of signing in: who was picked, their PIN pad, and the way back to pick someone else. */
export function PinStep({
  name,
  heading,
  subtitle,
  prompt,
  error,
  onSubmit,
  backLabel,
  onBack,
  testId,
  backTestId,
}: {
  name: string;
  heading: ReactNode;
  subtitle?: ReactNode;
  prompt: string;
  error: string | null;
  onSubmit: (pin: string) => Promise<void>;
  backLabel: string;
  onBack: () => void;
  testId: string;
  backTestId: string;
}) {
  return (
    <div className="pin-step" data-testid={testId}>
      <div className="pin-step-user">
        <Avatar name={name} size="large" />
        <div>
          {heading}
          {subtitle}
        </div>
      </div>
      <PinPad prompt={prompt} error={error} onSubmit={onSubmit} />
      <button type="button" className="button button-ghost" data-testid={backTestId} onClick={onBack}>
        ← {backLabel}
      </button>
    </div>
  );
}
