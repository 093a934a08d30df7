/**
 * Horizontal bars as HTML (no chart library): each row is the full label, wrapped to the pane's width, over a bar
 * proportional to the value and the value itself. Text stays at the pane's reading size at 320 px (an SVG scaled to
 * the width would shrink it), and a screen reader reads it as a list.
 */
import * as React from "react";
import { tokens } from "@fluentui/react-components";

export interface Bar {
  label: string;
  value: number;
}

export function BarChart(props: { title: string; bars: readonly Bar[]; ariaLabel: string }): JSX.Element {
  const max = Math.max(1, ...props.bars.map((bar) => bar.value));
  return (
    <figure style={{ margin: 0 }} aria-label={props.ariaLabel}>
      <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>{props.title}</figcaption>
      <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: 6 }}>
        {props.bars.map((bar, i) => (
          <li key={`${bar.label}-${i}`} style={{ fontSize: 12, lineHeight: "16px", minWidth: 0 }}>
            <div style={{ overflowWrap: "anywhere" }}>{bar.label}</div>
            <div style={{ display: "flex", alignItems: "center", gap: 4 }}>
              <div
                aria-hidden="true"
                style={{
                  height: 10,
                  width: `${(bar.value / max) * 85}%`,
                  minWidth: bar.value > 0 ? 2 : 0,
                  background: tokens.colorBrandBackground,
                  borderRadius: 2,
                }}
              />
              <span>{bar.value}</span>
            </div>
          </li>
        ))}
      </ul>
    </figure>
  );
}
