/** A section's result or problem as a Fluent message bar: an optional title, then one line or a list of lines. */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export interface Notice {
  intent: "success" | "warning" | "error" | "info";
  title?: string;
  lines: string[];
}

export function NoticeBar({ notice, testId }: { notice: Notice; testId?: string }): JSX.Element {
  return (
    <MessageBar intent={notice.intent} layout="multiline" data-testid={testId} style={{ minWidth: 0, overflowWrap: "anywhere" }}>
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        {notice.lines.length === 1 ? (
          notice.lines[0]
        ) : (
          <ul style={{ margin: "4px 0", paddingLeft: 18 }}>
            {notice.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
