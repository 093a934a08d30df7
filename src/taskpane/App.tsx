/**
 * The task pane: header, section navigation, notifications and the sections. The same component runs in Excel
 * (taskpane.html) and in the playground beside the simulated workbook.
 */
import {
  Badge,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Subtitle1,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import {
  CalendarClockRegular,
  CheckmarkCircleRegular,
  MailInboxRegular,
  DocumentTableRegular,
  MergeRegular,
  SettingsRegular,
  TableRegular,
} from "@fluentui/react-icons";
import { Suspense, useMemo, useState, type ReactElement } from "react";
import { MINIMUM_EXCEL_API, compareApiVersions } from "../adapters/office/host";
import type { PaneEnvironment } from "./environment";
import { ErrorBoundary } from "./ErrorBoundary";
import { NavigationContext } from "./navigation";
import { NotificationArea, NotifyProvider } from "./notify";
import { SECTIONS, type SectionId } from "./sections";
import { common } from "./strings";

const SECTION_ICONS: Record<SectionId, ReactElement> = {
  due: <CalendarClockRegular />,
  requests: <MailInboxRegular />,
  template: <TableRegular />,
  validation: <CheckmarkCircleRegular />,
  merge: <MergeRegular />,
  appendix: <DocumentTableRegular />,
  settings: <SettingsRegular />,
};

const useStyles = makeStyles({
  provider: { height: "100%", backgroundColor: tokens.colorNeutralBackground1 },
  pane: { display: "flex", flexDirection: "column", height: "100%", minHeight: 0 },
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titleRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground3 },
  nav: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}` },
  // Five sections do not fit one row of a 320–350 px pane; wrapping keeps every one visible.
  tabs: { flexWrap: "wrap", rowGap: 0 },
  notifications: { paddingTop: tokens.spacingVerticalS },
  warning: { padding: `0 ${tokens.spacingHorizontalM}`, marginBottom: tokens.spacingVerticalS },
  content: { flex: 1, minHeight: 0, overflowY: "auto", padding: tokens.spacingHorizontalM },
});

export interface AppProps {
  environment: PaneEnvironment;
  initialSection?: SectionId;
}

/** The pane with its own FluentProvider (Office-like light theme, system fonts). */
export function App({ environment, initialSection = "due" }: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.provider}>
      <NotifyProvider>
        <Pane environment={environment} initialSection={initialSection} />
      </NotifyProvider>
    </FluentProvider>
  );
}

function Pane({ environment, initialSection }: Required<AppProps>) {
  const styles = useStyles();
  const [current, setCurrent] = useState<SectionId>(initialSection);
  // Sections stay mounted once visited, so their results survive switching tabs.
  const [visited, setVisited] = useState<Set<SectionId>>(() => new Set([initialSection]));
  const navigation = useMemo(
    () => ({
      current,
      goTo(section: SectionId) {
        setCurrent(section);
        setVisited((previous) => (previous.has(section) ? previous : new Set(previous).add(section)));
      },
    }),
    [current],
  );
  const apiTooOld =
    environment.kind === "excel" && compareApiVersions(environment.apiLevel || "0", MINIMUM_EXCEL_API) < 0;

  return (
    <NavigationContext.Provider value={navigation}>
      <div className={styles.pane}>
        <header className={styles.header}>
          <div className={styles.titleRow}>
            <Subtitle1 as="h1" className={styles.title}>
              {common.appName}
            </Subtitle1>
            {environment.kind === "playground" ? (
              <Badge appearance="tint" color="informative">
                {common.playgroundBadge}
              </Badge>
            ) : null}
            <Badge appearance="outline" color={apiTooOld ? "warning" : "brand"} data-testid="api-level">
              {environment.apiLevel ? common.apiLevel(environment.apiLevel) : common.apiLevelUnknown}
            </Badge>
          </div>
          <Caption1 className={styles.subtitle}>{common.appSubtitle}</Caption1>
        </header>
        <nav className={styles.nav} aria-label={common.navigationLabel}>
          <TabList
            className={styles.tabs}
            size="small"
            selectedValue={current}
            onTabSelect={(_event, data) => navigation.goTo(data.value as SectionId)}
          >
            {SECTIONS.map((section) => (
              <Tab key={section.id} value={section.id} icon={SECTION_ICONS[section.id]}>
                {section.title}
              </Tab>
            ))}
          </TabList>
        </nav>
        <div className={styles.notifications}>
          {apiTooOld ? <OldApiWarning level={environment.apiLevel} /> : null}
          <NotificationArea />
        </div>
        <main className={styles.content}>
          {SECTIONS.filter((section) => visited.has(section.id)).map(({ id, Component }) => (
            <div key={id} hidden={id !== current} data-section={id}>
              <ErrorBoundary resetKey={id === current ? "shown" : "hidden"}>
                {/* Sections after the first are loaded when first opened. */}
                <Suspense fallback={<Spinner size="small" />}>
                  <Component environment={environment} />
                </Suspense>
              </ErrorBoundary>
            </div>
          ))}
        </main>
      </div>
    </NavigationContext.Provider>
  );
}

function OldApiWarning({ level }: { level: string }) {
  const styles = useStyles();
  return (
    <div className={styles.warning}>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{common.apiTooOld(level, MINIMUM_EXCEL_API)}</MessageBarBody>
      </MessageBar>
    </div>
  );
}
