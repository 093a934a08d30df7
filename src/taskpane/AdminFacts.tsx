/**
 * «Сведения для администратора»: the technical facts a clerk need not see (Excel API level, platform, edit events),
 * folded away at the bottom of «Настройки». Open the fold to read them.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { EDIT_EVENTS_API } from "../adapters/office/validation";
import { MINIMUM_EXCEL_API, compareApiVersions } from "../adapters/office/host";
import type { PaneEnvironment } from "./environment";
import { shell } from "./strings/shell";
import { useContext } from "react";
import { PaneThemeContext, type PaneThemeKind } from "./theme";

const useStyles = makeStyles({
  list: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: `0 0 ${tokens.spacingVerticalXS} 0`, overflowWrap: "anywhere" },
});

export interface AdminFact {
  label: string;
  value: string;
  testId?: string;
}

/** The facts as label/value pairs (pure, for tests and for the fold). */
export function adminFacts(environment: PaneEnvironment, theme: PaneThemeKind): AdminFact[] {
  const t = shell.admin;
  const level = environment.apiLevel;
  const known = Boolean(level);
  const enough = known && compareApiVersions(level, MINIMUM_EXCEL_API) >= 0;
  const facts: AdminFact[] = [
    { label: t.host, value: t.hostKinds[environment.kind] },
    { label: t.apiLevel, value: known ? `Excel API ${level}` : t.apiUnknown, testId: "api-level" },
    { label: t.apiMinimum, value: `Excel API ${MINIMUM_EXCEL_API} (Office 2019) — ${known ? (enough ? t.apiOk : t.apiTooOld) : t.apiUnknown}` },
    { label: t.editEvents, value: known && compareApiVersions(level, EDIT_EVENTS_API) >= 0 ? t.yes : t.no },
    { label: t.theme, value: t.themeKinds[theme] },
  ];
  if (environment.platform) facts.splice(1, 0, { label: t.platform, value: environment.platform });
  return facts;
}

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
