/**
 * The pane's sections in navigation order. The first screen («Сроки») is in the start bundle; every other section is
 * its own chunk, fetched when its tab is first opened, so the pane starts with only what the first screen uses.
 */
import { lazy, type ComponentType } from "react";
import { common } from "../strings";
import { DueSection } from "./DueSection";
import type { SectionProps } from "./types";

export type SectionId = keyof typeof common.sectionTitles;

export interface SectionEntry {
  id: SectionId;
  title: string;
  Component: ComponentType<SectionProps>;
}

const TemplateSection = lazy(() => import(/* webpackChunkName: "section-template" */ "./TemplateSection").then((m) => ({ default: m.TemplateSection })));
const ValidationSection = lazy(() => import(/* webpackChunkName: "section-validation" */ "./ValidationSection").then((m) => ({ default: m.ValidationSection })));
const MergeSection = lazy(() => import(/* webpackChunkName: "section-merge" */ "./MergeSection").then((m) => ({ default: m.MergeSection })));
const AppendixSection = lazy(() => import(/* webpackChunkName: "section-appendix" */ "./AppendixSection").then((m) => ({ default: m.AppendixSection })));
const RequestsSection = lazy(() => import(/* webpackChunkName: "section-requests" */ "./RequestsSection").then((m) => ({ default: m.RequestsSection })));
const SettingsSection = lazy(() => import(/* webpackChunkName: "section-settings" */ "./SettingsSection").then((m) => ({ default: m.SettingsSection })));

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
