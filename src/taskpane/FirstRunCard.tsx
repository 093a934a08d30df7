/**
 * «С чего начать»: shown instead of the first section while the workbook has no agency and no units, so a new user
 * fills «Настройки» first, then makes the template, then checks the register. Each step opens its section.
 */
import { Body1, Button, Card, Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SectionId } from "./sections";
import { shell } from "./strings/shell";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxWidth: "100%" },
  heading: { margin: 0, outline: "none" },
  steps: { margin: 0, paddingLeft: "20px", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  step: { overflowWrap: "anywhere" },
  later: { alignSelf: "flex-start" },
});

export interface FirstRunCardProps {
  onOpen(section: SectionId): void;
  /** Where the pane goes when the user skips the card. */
  fallback: SectionId;
  headingId: string;
  /** Lets the pane move focus to the card's heading. */
  headingRef?: (element: HTMLElement | null) => void;
}

export function FirstRunCard({ onOpen, fallback, headingId, headingRef }: FirstRunCardProps): JSX.Element {
  const styles = useStyles();
  const t = shell.start;
  return (
    <Card className={styles.card} data-testid="first-run">
      <Text as="h2" size={400} weight="semibold" id={headingId} tabIndex={-1} className={styles.heading} ref={headingRef}>
        {t.title}
      </Text>
      <Body1>{t.intro}</Body1>
      <ol className={styles.steps}>
        {t.steps.map((step) => (
          <li key={step.section} className={styles.step}>
            <Body1>
              <Link as="button" inline onClick={() => onOpen(step.section)}>
                {step.label}
              </Link>{" "}
              — {step.text}
            </Body1>
          </li>
        ))}
      </ol>
      <Button className={styles.later} appearance="subtle" size="small" onClick={() => onOpen(fallback)}>
        {t.later}
      </Button>
    </Card>
  );
}

export { settingsAreEmpty } from "./first-run-rule";
