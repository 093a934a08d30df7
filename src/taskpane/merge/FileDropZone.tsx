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
  },
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
      aria-label={props.label}
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
      <Button icon={<DocumentAddRegular />} disabled={props.disabled} onClick={() => input.current?.click()}>
        {props.buttonText}
      </Button>
      <Text size={200}>{dragging ? props.activeHint : props.hint}</Text>
    </div>
  );
}
