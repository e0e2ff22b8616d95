/** A line saying what another screen is for, and the button that opens it (Configurações' ways out). */
export function ScreenLink({ text, href, label, testId }: { text: string; href: string; label: string; testId: string }) {
  return (
    <>
      <p className="muted small">{text}</p>
      <div>
        <a href={href} className="button button-secondary" data-testid={testId}>
          {label}
        </a>
      </div>
    </>
  );
}
