/** A worksheet's charts (`worksheet.charts`): the members the add-in uses, kept in the model. */
import { formatBox } from "./address";
import { SimCollection, SimObject, defineProps, type PropTable } from "./base";
import { ErrorCodes, officeError } from "./errors";
import type { ChartModel, SimSheet } from "./model";
import type { SimRange } from "./range";
import { resolveAddress } from "./worksheet-address";

interface ChartRef {
  sheet: SimSheet;
  chart: ChartModel;
}

export class SimChartCollection extends SimCollection<SimSheet, SimChart, ChartRef> {
  readonly _className = "ChartCollection";
  declare readonly count: number;
  static props: PropTable<SimSheet>;

  /** @internal */ _members(sheet: SimSheet): ChartRef[] {
    return sheet.charts.map((chart) => ({ sheet, chart }));
  }

  /** @internal */ _itemProxy(member: ChartRef): SimChart {
    return new SimChart(this._ctx, () => member);
  }

  add(type: Excel.ChartType | string, sourceData: SimRange, seriesBy?: Excel.ChartSeriesBy | "Auto" | "Columns" | "Rows"): SimChart {
    this._checkContext(sourceData, "ChartCollection.add");
    let created: ChartRef | undefined;
    this._queue("add", "1.1", () => {
      const sheet = this._target();
      if (typeof type !== "string" || !type) throw officeError(ErrorCodes.invalidArgument, "A chart needs a type.");
      const source = sourceData._target();
      let n = sheet.charts.length + 1;
      while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
      const chart: ChartModel = { name: `Chart ${n}`, type, source: `${source.sheet.name}!${formatBox(source.box, true)}`, seriesBy: seriesBy ?? "Auto", title: "", top: 0, left: 0, width: 360, height: 216 };
      sheet.charts.push(chart);
      created = { sheet, chart };
    });
    return new SimChart(this._ctx, () => {
      if (!created) throw officeError(ErrorCodes.invalidObjectPath, "The chart was not added.");
      return created;
    });
  }

  getItem(name: string): SimChart {
    return new SimChart(this._ctx, () => {
      const sheet = this._target();
      const chart = sheet.charts.find((c) => c.name === name);
      if (!chart) throw officeError(ErrorCodes.itemNotFound, `There is no chart «${name}».`);
      return { sheet, chart };
    });
  }
}

defineProps<SimSheet>(SimChartCollection, { count: { min: "1.1", get: (s) => s.charts.length } });

export class SimChart extends SimObject<ChartRef> implements Pick<Excel.Chart, "name" | "top" | "left" | "width" | "height"> {
  readonly _className = "Chart";
  declare name: string;
  declare chartType: Excel.ChartType | string;
  declare top: number;
  declare left: number;
  declare width: number;
  declare height: number;
  static props: PropTable<ChartRef>;

  override _navigation() {
    return { title: () => this.title };
  }

  get title(): SimChartTitle {
    return this._child("title", () => new SimChartTitle(this._ctx, () => this._target().chart));
  }

  setPosition(startCell: SimRange | string, endCell?: SimRange | string): void {
    this._queue("setPosition", "1.1", () => {
      const { sheet, chart } = this._target();
      const boxOf = (cell: SimRange | string) => (typeof cell === "string" ? resolveAddress(sheet, cell, "Chart.setPosition") : cell._target().box);
      const start = boxOf(startCell);
      chart.top = start.r0 * sheet.standardRowHeight;
      chart.left = start.c0 * sheet.standardColumnWidth;
      if (endCell !== undefined) {
        const end = boxOf(endCell);
        chart.height = (end.r1 - start.r0 + 1) * sheet.standardRowHeight;
        chart.width = (end.c1 - start.c0 + 1) * sheet.standardColumnWidth;
      }
    });
  }

  delete(): void {
    this._queue("delete", "1.1", () => {
      const { sheet, chart } = this._target();
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

function numberProp(key: "top" | "left" | "width" | "height") {
  return { min: "1.1", get: (r: ChartRef) => r.chart[key], set: (r: ChartRef, v: unknown) => (r.chart[key] = Number(v)) };
}

defineProps<ChartRef>(SimChart, {
  name: { min: "1.1", get: (r) => r.chart.name, set: (r, v) => (r.chart.name = String(v)) },
  chartType: { min: "1.7", get: (r) => r.chart.type, set: (r, v) => (r.chart.type = String(v)) },
  top: numberProp("top"),
  left: numberProp("left"),
  width: numberProp("width"),
  height: numberProp("height"),
});

export class SimChartTitle extends SimObject<ChartModel> implements Pick<Excel.ChartTitle, "text" | "visible"> {
  readonly _className = "ChartTitle";
  declare text: string;
  declare visible: boolean;
  static props: PropTable<ChartModel>;
}

defineProps<ChartModel>(SimChartTitle, {
  text: { min: "1.1", get: (c) => c.title, set: (c, v) => (c.title = String(v)) },
  visible: { min: "1.1", get: (c) => c.title !== "", set: () => undefined },
});
