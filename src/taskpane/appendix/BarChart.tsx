/** Horizontal bars as plain SVG (no chart library): a label, a bar proportional to the value, the value. */
import * as React from "react";
import { tokens } from "@fluentui/react-components";

export interface Bar {
  label: string;
  value: number;
}

const ROW_HEIGHT = 22;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 36;
const CHART_WIDTH = 300;

function shortLabel(label: string, max = 26): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

export function BarChart(props: { title: string; bars: readonly Bar[]; ariaLabel: string }): JSX.Element {
  const max = Math.max(1, ...props.bars.map((bar) => bar.value));
  const barSpace = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = Math.max(ROW_HEIGHT, props.bars.length * ROW_HEIGHT);
  return (
    <figure style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>{props.title}</figcaption>
      <svg role="img" aria-label={props.ariaLabel} width="100%" viewBox={`0 0 ${CHART_WIDTH} ${height}`} preserveAspectRatio="xMinYMin meet">
        {props.bars.map((bar, i) => {
          const y = i * ROW_HEIGHT;
          const width = Math.round((bar.value / max) * barSpace);
          return (
            <g key={`${bar.label}-${i}`}>
              <title>{`${bar.label}: ${bar.value}`}</title>
              <text x={0} y={y + 15} fontSize={10} fill={tokens.colorNeutralForeground1}>
                {shortLabel(bar.label)}
              </text>
              <rect x={LABEL_WIDTH} y={y + 4} width={Math.max(width, bar.value > 0 ? 2 : 0)} height={ROW_HEIGHT - 8} fill={tokens.colorBrandBackground} rx={2} />
              <text x={LABEL_WIDTH + width + 4} y={y + 15} fontSize={10} fill={tokens.colorNeutralForeground1}>
                {bar.value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
