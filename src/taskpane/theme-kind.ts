/** Office's theme as light or dark, from the task pane body's background (pure; no Fluent, for tests). */
export type PaneThemeKind = "light" | "dark";

/** Relative luminance of a #rrggbb colour (0 black … 1 white); null for anything else. */
export function luminance(color: string | undefined | null): number | null {
  const match = /^#?([0-9a-f]{6})$/i.exec((color ?? "").trim());
  if (!match) return null;
  const value = parseInt(match[1], 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/** Dark when the body background is darker than mid-grey. */
export function themeKindOfBackground(bodyBackgroundColor: string | undefined | null): PaneThemeKind {
  const l = luminance(bodyBackgroundColor);
  return l !== null && l < 0.2 ? "dark" : "light";
}

interface OfficeThemeLike {
  bodyBackgroundColor?: string;
}

function officeThemeNow(): OfficeThemeLike | undefined {
  try {
    if (typeof Office === "undefined") return undefined;
    return (Office.context as unknown as { officeTheme?: OfficeThemeLike } | undefined)?.officeTheme;
  } catch {
    return undefined;
  }
}

/** The theme Office shows now ("light" when not in Office or the host tells nothing). */
export function officeThemeKind(): PaneThemeKind {
  return themeKindOfBackground(officeThemeNow()?.bodyBackgroundColor);
}

