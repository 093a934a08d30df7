/**
 * The task pane: a one-line header, one row of section tabs, and the open section under its own heading. The same
 * component runs in Excel (taskpane.html) and in the playground beside the simulated workbook.
 *
 * At Excel's default pane width (320 px) seven labelled tabs do not fit one row, so every tab shows its icon and only the
 * open one its short word; the full title is each tab's accessible name and tooltip. The pane has one scroll area.
 */
import {
  FluentProvider,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Tab,
  TabList,
  Text,
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
import { Suspense, lazy, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactElement, type RefObject } from "react";
import { MINIMUM_EXCEL_API, compareApiVersions } from "../adapters/office/host";
import type { PaneEnvironment } from "./environment";
import { ErrorBoundary } from "./ErrorBoundary";
import { useFirstRun } from "./first-run";
import { NavigationContext } from "./navigation";
import { NotificationArea, NotifyProvider } from "./notify";
import { SECTIONS, type SectionId } from "./sections";
import { common } from "./strings";
import { shell } from "./strings/shell";
import { PaneThemeContext, useFluentTheme, usePaneTheme, type PaneThemeKind } from "./theme";

const SECTION_ICONS: Record<SectionId, ReactElement> = {
  due: <CalendarClockRegular />,
  requests: <MailInboxRegular />,
  template: <TableRegular />,
  validation: <CheckmarkCircleRegular />,
  merge: <MergeRegular />,
  appendix: <DocumentTableRegular />,
  settings: <SettingsRegular />,
};

// Shown only in a workbook without settings, so it is fetched then rather than with the pane.
const FirstRunCard = lazy(() => import(/* webpackChunkName: "first-run" */ "./FirstRunCard").then((m) => ({ default: m.FirstRunCard })));

const PlaygroundBadge = lazy(() => import(/* webpackChunkName: "playground-badge" */ "./PlaygroundBadge").then((m) => ({ default: m.PlaygroundBadge })));

type TabTooltipComponent = typeof import("./TabTooltip").TabTooltip;

/**
 * The tabs' tooltips (Fluent's Tooltip and its positioning engine) are fetched when the pointer or focus first reaches
 * the tab row — well within the tooltip's own show delay — rather than with the pane. Wrapping a tab remounts it, so a
 * tab that had focus when they arrived gets it back.
 */
function useTabTooltips(nav: RefObject<HTMLElement>): { TabTooltip: TabTooltipComponent | null; load(): void } {
  const [TabTooltip, setTabTooltip] = useState<TabTooltipComponent | null>(null);
  const requested = useRef(false);
  const refocus = useRef<string | null>(null);
  const load = useCallback(() => {
    if (requested.current) return;
    requested.current = true;
    import(/* webpackChunkName: "tab-tooltip" */ "./TabTooltip").then(
      (module) => {
        const active = document.activeElement;
        refocus.current = active && nav.current?.contains(active) ? active.getAttribute("data-testid") : null;
        setTabTooltip(() => module.TabTooltip);
      },
      // Without the chunk the tabs keep their accessible names; the next pointer or focus tries again.
      () => {
        requested.current = false;
      },
    );
  }, [nav]);
  useLayoutEffect(() => {
    const testId = refocus.current;
    refocus.current = null;
    if (testId) nav.current?.querySelector<HTMLElement>(`[data-testid="${testId}"]`)?.focus();
  }, [TabTooltip, nav]);
  return { TabTooltip, load };
}

/** The help page built from docs/guide-ru.md beside taskpane.html. */
export const HELP_PAGE = "help.html";

const PROVIDER_STYLE = { height: "100%" } as const;

const useStyles = makeStyles({
  pane: { display: "flex", flexDirection: "column", height: "100%", minHeight: 0, minWidth: 0 },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
  },
  title: { margin: 0, flexShrink: 1, minWidth: 0, overflowWrap: "anywhere" },
  help: { marginLeft: "auto", flexShrink: 0 },
  nav: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    minWidth: 0,
  },
  tabs: { flexWrap: "nowrap", minWidth: 0 },
  // Icon-only tabs: tighter than Fluent's default so seven of them and the open one's word share 320 px.
  tab: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS, minWidth: 0 },
  warning: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0` },
  content: {
    flex: 1,
    minHeight: 0,
    minWidth: 0,
    overflowY: "auto",
    overflowX: "hidden",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXXL}`,
  },
  // display:flex would override the hidden attribute: hidden sections must not show.
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0, "&[hidden]": { display: "none" } },
  sectionTitle: { margin: 0, outlineOffset: "2px" },
  loading: { padding: tokens.spacingVerticalL },
});

export interface AppProps {
  environment: PaneEnvironment;
  /** Opens this section and skips the first-run card. */
  initialSection?: SectionId;
  /** The playground's theme switch; otherwise the pane follows Office's theme. */
  theme?: PaneThemeKind;
}

/** The pane with its own FluentProvider (Office's light or dark theme, system fonts). */
export function App({ environment, initialSection, theme }: AppProps) {
  const kind = usePaneTheme(theme);
  const fluentTheme = useFluentTheme(kind);
  if (!fluentTheme) return null;
  const shownKind: PaneThemeKind = fluentTheme === webLightTheme ? "light" : "dark";
  return (
    <PaneThemeContext.Provider value={shownKind}>
      {/* Sizes go in `style`: the provider's classes are copied onto every portal's mount node (tooltips, dialogs),
          and a full-height class there would lay a blank layer over the whole pane. */}
      <FluentProvider theme={fluentTheme} style={PROVIDER_STYLE} data-theme={shownKind}>
        <Pane environment={environment} initialSection={initialSection} />
      </FluentProvider>
    </PaneThemeContext.Provider>
  );
}

function Pane({ environment, initialSection }: { environment: PaneEnvironment; initialSection?: SectionId }) {
  const styles = useStyles();
  const [current, setCurrent] = useState<SectionId>(initialSection ?? "due");
  // Sections stay mounted once visited, so their results survive switching.
  const [visited, setVisited] = useState<Set<SectionId>>(() => new Set([initialSection ?? "due"]));
  const firstRun = useFirstRun(environment, initialSection === undefined);
  const headings = useRef(new Map<string, HTMLElement>());
  const nav = useRef<HTMLElement>(null);
  const tooltips = useTabTooltips(nav);
  // Focus moves to the heading only after the user switched, never on the pane's first drawing.
  const focusPending = useRef<string | null>(null);
  // Picking the section already open changes no state; this makes the pane render so the heading still gets focus.
  const [, setFocusRequests] = useState(0);

  const goTo = useCallback(
    (section: SectionId) => {
      firstRun.dismiss();
      focusPending.current = section;
      setFocusRequests((count) => count + 1);
      setCurrent(section);
      setVisited((previous) => (previous.has(section) ? previous : new Set(previous).add(section)));
    },
    [firstRun],
  );
  const navigation = useMemo(() => ({ current, goTo }), [current, goTo]);
  const showStart = firstRun.show;

  useEffect(() => {
    const target = focusPending.current;
    if (!target) return;
    const heading = headings.current.get(target);
    if (heading) {
      focusPending.current = null;
      // A section that put focus on one of its own fields (a link «open the setting») keeps it.
      const active = document.activeElement;
      if (active && active !== document.body && heading.closest("[data-section]")?.contains(active)) return;
      heading.focus();
    }
  });

  const apiTooOld =
    environment.kind === "excel" && compareApiVersions(environment.apiLevel || "0", MINIMUM_EXCEL_API) < 0;
  const registerHeading = (id: string) => (element: HTMLElement | null) => {
    if (element) headings.current.set(id, element);
    else headings.current.delete(id);
  };

  return (
    <NavigationContext.Provider value={navigation}>
      <div className={styles.pane}>
        <header className={styles.header}>
          <Subtitle2 as="h1" className={styles.title}>
            {common.appName}
          </Subtitle2>
          {environment.kind === "playground" ? (
            <Suspense fallback={null}>
              <PlaygroundBadge />
            </Suspense>
          ) : null}
          <Link className={styles.help} href={HELP_PAGE} target="_blank" rel="noopener" aria-label={shell.helpLabel}>
            {shell.help}
          </Link>
        </header>
        <nav className={styles.nav} aria-label={common.navigationLabel} ref={nav} onPointerEnter={tooltips.load} onFocus={tooltips.load}>
          <TabList
            className={styles.tabs}
            size="small"
            selectedValue={showStart ? null : current}
            onTabSelect={(_event, data) => goTo(data.value as SectionId)}
          >
            {SECTIONS.map((section) => {
              const open = !showStart && section.id === current;
              const tab = (
                <Tab
                  key={section.id}
                  className={styles.tab}
                  value={section.id}
                  icon={SECTION_ICONS[section.id]}
                  aria-label={section.title}
                  data-testid={`tab-${section.id}`}
                >
                  {open ? shell.shortTitles[section.id] : undefined}
                </Tab>
              );
              const { TabTooltip } = tooltips;
              return open || !TabTooltip ? (
                tab
              ) : (
                <TabTooltip key={section.id} content={section.title}>
                  {tab}
                </TabTooltip>
              );
            })}
          </TabList>
        </nav>
        {apiTooOld ? (
          <div className={styles.warning}>
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{shell.oldExcel}</MessageBarBody>
            </MessageBar>
          </div>
        ) : null}
        <main className={styles.content} data-testid="pane-content">
          {showStart ? (
            <Suspense fallback={<Spinner className={styles.loading} size="small" label={shell.sectionLoading} />}>
              <FirstRunCard onOpen={goTo} fallback="due" headingId="pane-heading-start" headingRef={registerHeading("start")} />
            </Suspense>
          ) : null}
          {SECTIONS.filter((section) => visited.has(section.id)).map(({ id, title, Component }) => (
            <section
              key={id}
              className={styles.section}
              hidden={showStart || id !== current}
              data-section={id}
              aria-labelledby={`pane-heading-${id}`}
            >
              <Text as="h2" size={400} weight="semibold" id={`pane-heading-${id}`} tabIndex={-1} className={styles.sectionTitle} ref={registerHeading(id)}>
                {title}
              </Text>
              {/* Each section has its own notifications, shown at its top and hidden with it. */}
              <NotifyProvider>
                <NotificationArea />
                <ErrorBoundary resetKey={id === current ? "shown" : "hidden"}>
                  <Suspense fallback={<Spinner className={styles.loading} size="small" label={shell.sectionLoading} />}>
                    <Component environment={environment} />
                  </Suspense>
                </ErrorBoundary>
              </NotifyProvider>
            </section>
          ))}
        </main>
      </div>
    </NavigationContext.Provider>
  );
}
