/** The summary for the head and the coordinator: totals, digital share, bars by direction, status and unit. */
import * as React from "react";
import { Text } from "@fluentui/react-components";
import type { RegisterSummary } from "../../core/summary";
import { appendix as t } from "../strings/appendix";
import { BarChart } from "./BarChart";

export function SummaryView(props: { summary: RegisterSummary }): JSX.Element {
  const { summary } = props;
  const share = `${summary.digital.sharePercent.toLocaleString("ru-RU", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
  const byDirection = summary.directions.map((direction) => ({ label: direction.label, value: direction.total }));
  const byStatus = summary.statuses.map((status, i) => ({ label: status, value: summary.statusTotals[i] }));
  const byUnit = summary.units.slice(0, 12).map((unit) => ({ label: unit.unit, value: unit.count }));
  return (
    <section aria-labelledby="appendix-summary-heading" style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <h3 id="appendix-summary-heading" style={{ margin: 0, fontSize: 14 }}>
        {t.summaryTitle}
      </h3>
      <Text>{t.summaryTotal(summary.total)}</Text>
      <Text>{t.summaryDigital(share, summary.digital.digital, summary.total)}</Text>
      <BarChart title={t.summaryByDirection} bars={byDirection} ariaLabel={t.chartLabel(t.summaryByDirection)} />
      <BarChart title={t.summaryByStatus} bars={byStatus} ariaLabel={t.chartLabel(t.summaryByStatus)} />
      {byUnit.length > 0 && <BarChart title={t.summaryByUnit} bars={byUnit} ariaLabel={t.chartLabel(t.summaryByUnit)} />}
    </section>
  );
}
