/**
 * «Сведения для администратора»: the technical facts a clerk need not see (Excel API level, platform, edit events),
 * folded away at the bottom of «Настройки». Open the fold to read them.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { adminFacts } from "./admin-facts";
import type { PaneEnvironment } from "./environment";
import { shell } from "./strings/shell";
import { useContext } from "react";
import { PaneThemeContext } from "./theme";

const useStyles = makeStyles({
  list: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: `0 0 ${tokens.spacingVerticalXS} 0`, overflowWrap: "anywhere" },
});

export function AdminFacts({ environment }: { environment: PaneEnvironment }): JSX.Element {
  const styles = useStyles();
  const theme = useContext(PaneThemeContext);
  return (
    <Accordion collapsible data-testid="admin-facts">
      <AccordionItem value="admin">
        <AccordionHeader as="h3" size="small">
          {shell.admin.title}
        </AccordionHeader>
        <AccordionPanel>
          <Caption1>{shell.admin.intro}</Caption1>
          <dl className={styles.list}>
            {adminFacts(environment, theme).map((fact) => (
              <div key={fact.label}>
                <dt className={styles.term}>{fact.label}</dt>
                <dd className={styles.value} data-testid={fact.testId}>
                  {fact.value}
                </dd>
              </div>
            ))}
          </dl>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
