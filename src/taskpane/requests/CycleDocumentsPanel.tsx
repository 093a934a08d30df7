/**
 * The documents that close the cycle in the pane: the notice to units and the replies to initiators as text with a copy
 * button, each also as .docx, and the order draft as .docx. The .docx writer is a separate chunk loaded only when a
 * download is asked for.
 */
import * as React from "react";
import { Button, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { readAppendixWorkbook } from "../../adapters/office/appendix-read";
import { runExcel } from "../../adapters/office/run";
import { localTodayIso } from "../../core/calendar/today";
import { buildNotices, buildOrderDraft, documentText, type CycleDocument } from "../../core/documents/cycle-documents";
import { downloadBytes } from "../appendix/download";
import { NoticeBar, type Notice } from "../NoticeBar";
import { documents as t } from "../strings/requests";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  card: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalS, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

async function downloadDocx(document: CycleDocument): Promise<void> {
  const { documentToDocx } = await import(/* webpackChunkName: "docx-writer" */ "../../adapters/docx/write-docx");
  downloadBytes(`${document.fileName}.docx`, await documentToDocx(document), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
}

export function CycleDocumentsPanel({ apiLevel, disabled }: { apiLevel?: string; disabled: boolean }): JSX.Element {
  const styles = useStyles();
  const [documents, setDocuments] = React.useState<CycleDocument[]>([]);
  const [notice, setNotice] = React.useState<Notice | null>(null);
  const [busy, setBusy] = React.useState(false);

  const prepare = async (kind: "notices" | "order") => {
    setBusy(true);
    setNotice(null);
    try {
      const read = await runExcel((context) => readAppendixWorkbook(context, { apiLevel }));
      const result = kind === "notices" ? buildNotices(read.sheets, localTodayIso()) : buildOrderDraft(read.sheets);
      if (!result.ok) {
        setNotice({ intent: "warning", lines: [t.refused(result.message)] });
        return;
      }
      if (kind === "notices") setDocuments(result.documents);
      else {
        await downloadDocx(result.documents[0]);
        setNotice({ intent: "success", lines: [t.orderSaved] });
      }
    } catch (error) {
      setNotice({ intent: "error", lines: [error instanceof Error ? error.message : String(error)] });
    } finally {
      setBusy(false);
    }
  };

  const copy = async (document: CycleDocument) => {
    try {
      await navigator.clipboard.writeText(documentText(document));
      setNotice({ intent: "success", lines: [t.copied(document.title)] });
    } catch {
      setNotice({ intent: "warning", lines: [t.copyFailed] });
    }
  };

  return (
    <section aria-label={t.title} className={styles.root} data-testid="cycle-documents">
      <Text weight="semibold">{t.title}</Text>
      <Text size={200}>{t.intro}</Text>
      <div className={styles.actions}>
        <Button size="small" disabled={disabled || busy} onClick={() => void prepare("notices")}>
          {t.prepareNotices}
        </Button>
        <Button size="small" disabled={disabled || busy} onClick={() => void prepare("order")}>
          {t.orderDocx}
        </Button>
      </div>
      {notice && <NoticeBar notice={notice} />}
      {documents.map((document) => (
        <div key={document.fileName} className={styles.card} data-testid="cycle-document">
          <Text weight="semibold">{document.fileName}</Text>
          <Textarea readOnly value={documentText(document)} resize="vertical" rows={6} aria-label={document.fileName} />
          <div className={styles.actions}>
            <Button size="small" onClick={() => void copy(document)}>
              {t.copy}
            </Button>
            <Button size="small" onClick={() => void downloadDocx(document).catch((error) => setNotice({ intent: "error", lines: [String(error)] }))}>
              {t.docx}
            </Button>
          </div>
        </div>
      ))}
    </section>
  );
}
