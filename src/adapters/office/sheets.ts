/** Small sheet actions the pane offers as links («открыть лист …»). */

/** Shows a sheet in two syncs (look, then activate), whatever the workbook holds; a missing sheet is said in Russian. */
export async function activateSheet(context: Excel.RequestContext, name: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  sheet.load("isNullObject");
  await context.sync();
  if (sheet.isNullObject) throw new Error(`Лист «${name}» не найден: его переименовали или удалили.`);
  sheet.activate();
  await context.sync();
}
