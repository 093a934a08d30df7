/** A section tab's tooltip (its full title). Its own module: Fluent's Tooltip brings the positioning engine with it. */
import { Tooltip } from "@fluentui/react-components";
import type { ReactElement } from "react";

export function TabTooltip({ content, children }: { content: string; children: ReactElement }): JSX.Element {
  return (
    <Tooltip content={content} relationship="description" withArrow>
      {children}
    </Tooltip>
  );
}
