/** A request's deadline in words; shared by «Сроки» and «Обращения» without tying the first screen to the request log's code. */
import type { EvaluatedRequest } from "../../core/requests/request-rules";
import { requestDue as t } from "../strings/request-due";

/** «Просрочено на 2 рабочих дня: срок был 14.05.2025», «Осталось 3 рабочих дня, срок …». */
export function RequestDueText({ request }: { request: EvaluatedRequest }): JSX.Element {
  if (!request.due) return <>{t.noDue}</>;
  const text = request.overdue ? t.overdue(request.workingDaysLeft, request.due) : request.workingDaysLeft === 0 ? t.dueToday(request.due) : t.dueIn(request.workingDaysLeft ?? 0, request.due);
  return (
    <>
      {text}
      {request.approximate ? ` (${t.approximate})` : ""}
    </>
  );
}
