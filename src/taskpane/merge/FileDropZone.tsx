/** A file picker that also accepts files dropped onto it. */
import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentAddRegular } from "@fluentui/react-icons";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: "6px",
    padding: "14px",
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, alignSelf: "stretch", textAlign: "center", overflowWrap: "anywhere" },
  hint: { textAlign: "center", overflowWrap: "anywhere" },
  active: {
    border: `1px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  hidden: { display: "none" },
});

export interface FileDropZoneProps {
  label: string;
  buttonText: string;
  hint: string;
  activeHint: string;
  multiple: boolean;
  disabled?: boolean;
  onFiles(files: File[]): void;
  /** For tests: the input's id. */
  inputId: string;
}

export function FileDropZone(props: FileDropZoneProps): JSX.Element {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = React.useState(false);

  const take = (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length > 0) props.onFiles(props.multiple ? files : files.slice(0, 1));
  };

  return (
    <div
      className={dragging ? `${styles.zone} ${styles.active}` : styles.zone}
      role="group"
      aria-labelledby={`${props.inputId}-title`}
      onDragOver={(event) => {
        event.preventDefault();
        if (!props.disabled) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        if (!props.disabled) take(event.dataTransfer.files);
      }}
    >
      {/* A visible title: two zones side by side must say which files each takes. */}
      <h3 id={`${props.inputId}-title`} className={styles.title}>
        {props.label}
      </h3>
      <input
        ref={input}
        id={props.inputId}
        className={styles.hidden}
        type="file"
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={props.multiple}
        disabled={props.disabled}
        onChange={(event) => {
          take(event.currentTarget.files);
          // Choosing the same file again must fire change again.
          event.currentTarget.value = "";
        }}
      />
      <Button
        icon={<DocumentAddRegular />}
        disabledFocusable={props.disabled}
        aria-describedby={`${props.inputId}-title`}
        onClick={() => {
          if (!props.disabled) input.current?.click();
        }}
      >
        {props.buttonText}
      </Button>
      <Text size={200} className={styles.hint}>
        {dragging ? props.activeHint : props.hint}
      </Text>
    </div>
  );
}
