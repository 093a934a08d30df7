/** A section whose capability is still being built says so plainly. */
import { Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { common } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground3 },
});

export function ComingSoon({ title, text }: { title: string; text: string }) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={title}>
      <Subtitle2 as="h2">{title}</Subtitle2>
      <Body1>{text}</Body1>
      <Body1 className={styles.note}>{common.comingSoonTitle}</Body1>
    </section>
  );
}
