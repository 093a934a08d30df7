/** A change request's deadline in words: shared by «Сроки» and «Обращения» (the first screen loads only these). */
import { pluralRu as plural } from "../../core/text";

export const ruDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : "—");
export const workingDays = (n: number) => `${n} ${plural(n, "рабочий день", "рабочих дня", "рабочих дней")}`;

export const requestDue = {
  overdue: (days: number | null, dueDate: string) => `Просрочено${days && days < 0 ? ` на ${workingDays(-days)}` : ""}: срок был ${ruDate(dueDate)}`,
  dueToday: (dueDate: string) => `Срок сегодня, ${ruDate(dueDate)}`,
  dueIn: (days: number, dueDate: string) => `Осталось ${workingDays(days)}, срок ${ruDate(dueDate)}`,
  noDue: "Срок не рассчитан: нет даты поступления",
  approximate: "приблизительно",
  memo: (number: string, date: string | null) => `записка № ${number}${date ? ` от ${ruDate(date)}` : ""}`,
} as const;
