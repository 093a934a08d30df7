/** The pane's sections in navigation order. */
import type { ComponentType } from "react";
import { common } from "../strings";
import { AppendixSection } from "./AppendixSection";
import { DueSection } from "./DueSection";
import { RequestsSection } from "./RequestsSection";
import { MergeSection } from "./MergeSection";
import { SettingsSection } from "./SettingsSection";
import { TemplateSection } from "./TemplateSection";
import type { SectionProps } from "./types";
import { ValidationSection } from "./ValidationSection";

export type SectionId = keyof typeof common.sectionTitles;

export interface SectionEntry {
  id: SectionId;
  title: string;
  Component: ComponentType<SectionProps>;
}

export const SECTIONS: SectionEntry[] = [
  { id: "due", title: common.sectionTitles.due, Component: DueSection },
  { id: "template", title: common.sectionTitles.template, Component: TemplateSection },
  { id: "validation", title: common.sectionTitles.validation, Component: ValidationSection },
  { id: "merge", title: common.sectionTitles.merge, Component: MergeSection },
  { id: "appendix", title: common.sectionTitles.appendix, Component: AppendixSection },
  { id: "requests", title: common.sectionTitles.requests, Component: RequestsSection },
  { id: "settings", title: common.sectionTitles.settings, Component: SettingsSection },
];

export type { SectionProps };
