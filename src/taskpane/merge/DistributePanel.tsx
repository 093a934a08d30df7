/**
 * «Подготовить файлы подразделениям»: reads the open workbook, plans one stamped workbook per unit and downloads them as
 * one .zip. Excel is reached only through the adapter via runExcel.
 */
import * as React from "react";
import { Button, Checkbox, Field, Input, Spinner, Text, makeStyles } from "@fluentui/react-components";
import { runExcel } from "../../adapters/office/run";
import { readWorkbookForDistribution, writeRoundRecord } from "../../adapters/office/collection";
import { isoToRuDate, todayText } from "../../core/approval";
import { localTodayIso } from "../../core/calendar/today";
import { compareRuDates } from "../../core/collection/stamp";
import { collection as t } from "../strings/collection";
import { NoticeBar, type Notice } from "../NoticeBar";
import { buildUnitFilesZip, downloadBytes, roundUnitChoices } from "./unit-files";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", gap: "8px", alignItems: "center", flexWrap: "wrap" },
  units: { display: "flex", flexDirection: "column" },
});

export function DistributePanel({ disabled }: { disabled: boolean }): JSX.Element {
  const styles = useStyles();
  const [due, setDue] = React.useState("");
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState("");
  const [notices, setNotices] = React.useState<Notice[]>([]);
  /** Null: every unit of the round; otherwise the user's choice. */
  const [choices, setChoices] = React.useState<{ unit: string; rows: number; checked: boolean }[] | null>(null);

  const chooseUnits = async () => {
    setNotices([]);
    setBusy(true);
    try {
      const { sheets } = await runExcel((context) => readWorkbookForDistribution(context));
      const found = roundUnitChoices(sheets);
      if (!found.ok) setNotices([{ intent: "error", lines: [found.message] }]);
      else setChoices(found.units.map((entry) => ({ ...entry, checked: true })));
    } catch (error) {
      setNotices([{ intent: "error", lines: [error instanceof Error ? error.message : String(error)] }]);
    } finally {
      setBusy(false);
    }
  };

  const prepare = async () => {
    setNotices([]);
    const issued = todayText();
    let dueText = "";
    if (due !== "") {
      const parsed = isoToRuDate(due);
      if (!parsed) return setNotices([{ intent: "error", lines: [t.dueInvalid] }]);
      if (compareRuDates(parsed, issued) < 0) return setNotices([{ intent: "error", lines: [t.dueBeforeToday] }]);
      dueText = parsed;
    }
    const units = choices ? choices.filter((entry) => entry.checked).map((entry) => entry.unit) : undefined;
    if (units && units.length === 0) return setNotices([{ intent: "warning", lines: [t.noneChosen] }]);
    setBusy(true);
    try {
      const { sheets } = await runExcel((context) => readWorkbookForDistribution(context));
      const result = await buildUnitFilesZip(sheets, issued, dueText, units, (done, total) => setProgress(t.progress(done + 1, total)));
      if (!result.ok) {
        setNotices([{ intent: "error", lines: [result.message] }]);
        return;
      }
      downloadBytes(result.zip, t.zipName(issued));
      // The workbook remembers the round, so «Сроки» can name the units whose files have not come back.
      let recorded = true;
      try {
        await runExcel((context) => writeRoundRecord(context, { issued, due: dueText, units: result.files.map((file) => file.unit) }));
      } catch {
        recorded = false;
      }
      const notes = result.files.map((file) => file.fileNameNote).filter((note): note is string => note !== null);
      const list: Notice[] = [
        {
          intent: "success",
          title: t.preparedTitle(result.files.length),
          lines: [t.preparedSource(result.sourceText, dueText), ...result.files.map((file) => t.preparedFile(file.fileName, file.rows))],
        },
      ];
      list[0].lines.push(recorded ? t.roundRecorded : t.roundNotRecorded);
      if (notes.length > 0) list.push({ intent: "warning", lines: notes });
      setNotices(list);
    } catch (error) {
      setNotices([{ intent: "error", lines: [error instanceof Error ? error.message : String(error)] }]);
    } finally {
      setBusy(false);
      setProgress("");
    }
  };

  return (
    <section className={styles.root} aria-label={t.prepareTitle}>
      <Text as="h3" weight="semibold" size={300}>
        {t.prepareTitle}
      </Text>
      <Text size={200}>{t.prepareIntro}</Text>
      <Field label={t.dueLabel} hint={t.dueHint}>
        <Input type="date" min={localTodayIso()} value={due} onChange={(_, data) => setDue(data.value)} disabled={busy || disabled} />
      </Field>
      {choices && (
        // Not inside a Field: a Field hands its own id and label to every control in it, and the checkboxes would share them.
        <div role="group" aria-labelledby="distribute-units-label" className={styles.units}>
          <Text id="distribute-units-label" weight="semibold" size={200}>
            {t.unitsLabel}
          </Text>
          {choices.map((entry, index) => (
            <Checkbox
              key={entry.unit}
              label={t.unitChoice(entry.unit, entry.rows)}
              checked={entry.checked}
              disabled={busy}
              onChange={(_, data) =>
                setChoices((current) => current && current.map((other, i) => (i === index ? { ...other, checked: data.checked === true } : other)))
              }
            />
          ))}
        </div>
      )}
      <div className={styles.row}>
        <Button appearance="secondary" disabled={busy || disabled} onClick={() => void prepare()}>
          {busy ? t.preparing : t.prepare}
        </Button>
        {!choices && (
          <Button appearance="subtle" disabled={busy || disabled} onClick={() => void chooseUnits()}>
            {t.chooseUnits}
          </Button>
        )}
        {busy && <Spinner size="tiny" label={progress || undefined} />}
      </div>
      {notices.map((notice, index) => (
        <NoticeBar key={index} notice={notice} testId="distribute-notice" />
      ))}
    </section>
  );
}
