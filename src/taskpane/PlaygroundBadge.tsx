/** The header's «песочница» mark: shown in the playground only, so Excel's pane never loads Fluent's Badge for it. */
import { Badge } from "@fluentui/react-components";
import { common } from "./strings";

export function PlaygroundBadge(): JSX.Element {
  return (
    <Badge appearance="tint" color="informative" size="small">
      {common.playgroundBadge}
    </Badge>
  );
}
