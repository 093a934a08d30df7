#!/usr/bin/python3
"""Report what LibreOffice sees in spreadsheet files, as JSON. Driven by test/support/libreoffice.ts.

Runs with Debian's python3 (package python3-uno). Starts ONE headless soffice with a private profile and a
pipe connection, then answers requests read from stdin, one JSON object per line, one JSON answer per line:

  {"cmd": "inspect", "path": "/abs/file.xlsx",
   "cells": {"Sheet": "A1:O10"},                       # display text, type, formula, number format
   "probeCells": {"Sheet": ["F7"]},                     # per-cell validation + conditional format as LO resolves it
   "set": [{"sheet": "Sheet", "cell": "E7", "value": "text"}],          # applied before evaluating
   "evaluate": [{"sheet": "Sheet", "cell": "Z7", "formula": "=ROWS(X)"}]} # Excel syntax (commas), recalculated
  {"cmd": "quit"}

The document is never saved. Errors are answered as {"error": "..."} and the server keeps running.
"""
import json
import os
import re
import subprocess
import sys
import time
import traceback

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

CELL_TYPES = {"EMPTY": "empty", "VALUE": "number", "TEXT": "text", "FORMULA": "formula"}


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def enum_name(value):
    return getattr(value, "value", str(value))


class Office:
    def __init__(self, soffice, profile_dir):
        self.pipe = "reestr_lo_%d_%d" % (os.getpid(), int(time.time() * 1000) % 100000)
        self.process = subprocess.Popen(
            [soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
             "-env:UserInstallation=" + uno.systemPathToFileUrl(profile_dir),
             "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + 90
        while True:
            try:
                self.ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe)
                break
            except NoConnectException:
                if self.process.poll() is not None:
                    raise RuntimeError("soffice exited with code %s before accepting a connection" % self.process.returncode)
                if time.time() > deadline:
                    raise RuntimeError("soffice did not accept a connection within 90 s")
                time.sleep(0.2)
        self.desktop = self.ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)

    def load(self, path):
        url = uno.systemPathToFileUrl(os.path.abspath(path))
        doc = self.desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), prop("ReadOnly", False)))
        if doc is None:
            raise RuntimeError("LibreOffice could not open %s" % path)
        return doc

    def close(self):
        try:
            self.desktop.terminate()
        except Exception:
            pass
        try:
            self.process.wait(timeout=15)
        except Exception:
            self.process.kill()


def address_string(range_address, sheet_names):
    def cell(col, row):
        letters = ""
        n = col + 1
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = chr(65 + rest) + letters
        return "%s%d" % (letters, row + 1)
    start = cell(range_address.StartColumn, range_address.StartRow)
    end = cell(range_address.EndColumn, range_address.EndRow)
    return start if start == end else start + ":" + end


def number_format_string(doc, key):
    try:
        return doc.NumberFormats.getByKey(key).FormatString
    except Exception:
        return None


def describe_validation(v):
    return {
        "type": enum_name(v.Type).lower(),
        "formula1": v.getFormula1(),
        "showList": int(v.ShowList),
        "errorStyle": enum_name(v.ErrorAlertStyle).lower(),
        "showErrorMessage": bool(v.ShowErrorMessage),
        "errorTitle": v.ErrorTitle,
        "errorMessage": v.ErrorMessage,
        "showInputMessage": bool(v.ShowInputMessage),
        "inputTitle": v.InputTitle,
        "inputMessage": v.InputMessage,
        "ignoreBlank": bool(v.IgnoreBlankCells),
    }


def sheet_validations(sheet, names):
    """Every range with a validation other than "any", grouped by identical rule."""
    groups = {}
    ranges = sheet.getCellFormatRanges()
    for i in range(ranges.getCount()):
        cell_range = ranges.getByIndex(i)
        v = cell_range.Validation
        if enum_name(v.Type) == "ANY":
            continue
        described = describe_validation(v)
        key = json.dumps(described, sort_keys=True, ensure_ascii=False)
        groups.setdefault(key, {"rule": described, "ranges": []})["ranges"].append(
            address_string(cell_range.RangeAddress, names))
    return [dict(g["rule"], ranges=g["ranges"]) for g in groups.values()]


def style_colors(doc, style_name):
    try:
        style = doc.StyleFamilies.getByName("CellStyles").getByName(style_name)
        return {"backColor": "#%06X" % (style.CellBackColor & 0xFFFFFF) if style.CellBackColor >= 0 else None,
                "fontColor": "#%06X" % (style.CharColor & 0xFFFFFF) if style.CharColor >= 0 else None}
    except Exception:
        return {}


def sheet_conditional_formats(doc, sheet, names):
    result = []
    formats = sheet.ConditionalFormats
    for cf in formats.getConditionalFormats():
        ranges = [address_string(a, names) for a in cf.Range.getRangeAddresses()]
        entries = []
        for i in range(cf.getCount()):
            entry = cf.getByIndex(i)
            described = {"entryType": entry.Type}
            for attr in ("Formula1", "Formula2", "StyleName"):
                try:
                    described[attr[0].lower() + attr[1:]] = getattr(entry, attr)
                except Exception:
                    pass
            try:
                described["operator"] = int(entry.Operator)
            except Exception:
                pass
            if "styleName" in described:
                described.update(style_colors(doc, described["styleName"]))
            entries.append(described)
        result.append({"ranges": ranges, "entries": entries})
    return result


def page_style(doc, sheet):
    style = doc.StyleFamilies.getByName("PageStyles").getByName(sheet.PageStyle)
    footer = None
    try:
        content = style.RightPageFooterContent
        footer = {"left": content.LeftText.String, "center": content.CenterText.String, "right": content.RightText.String}
    except Exception:
        pass
    return {
        "name": sheet.PageStyle,
        "landscape": bool(style.IsLandscape),
        "width": style.Width,
        "height": style.Height,
        "scaleToPagesX": style.ScaleToPagesX,
        "scaleToPagesY": style.ScaleToPagesY,
        "scaleToPages": style.ScaleToPages,
        "pageScale": style.PageScale,
        "margins": {"top": style.TopMargin, "bottom": style.BottomMargin, "left": style.LeftMargin, "right": style.RightMargin},
        "footerOn": bool(style.FooterIsOn),
        "footer": footer,
    }


def read_cells(doc, sheet, address):
    cell_range = sheet.getCellRangeByName(address)
    ra = cell_range.RangeAddress
    rows = []
    for r in range(ra.EndRow - ra.StartRow + 1):
        row = []
        for c in range(ra.EndColumn - ra.StartColumn + 1):
            cell = cell_range.getCellByPosition(c, r)
            kind = CELL_TYPES.get(enum_name(cell.Type), enum_name(cell.Type))
            entry = {"text": cell.String, "type": kind, "numberFormat": number_format_string(doc, cell.NumberFormat)}
            if kind == "formula":
                entry["formula"] = cell.Formula
                entry["value"] = cell.Value
            elif kind == "number":
                entry["value"] = cell.Value
            row.append(entry)
        rows.append(row)
    return rows


def probe_cell(doc, sheet, address):
    cell = sheet.getCellRangeByName(address)
    result = {"validation": None, "conditionalEntries": []}
    v = cell.Validation
    if enum_name(v.Type) != "ANY":
        result["validation"] = describe_validation(v)
    try:
        entries = cell.ConditionalFormat
        for i in range(entries.getCount()):
            e = entries.getByIndex(i)
            result["conditionalEntries"].append({"formula1": e.getFormula1(), "styleName": e.getStyleName()})
    except Exception:
        pass
    return result


def excel_formula_to_api(formula):
    """LibreOffice's API grammar wants ';' between arguments and $'Sheet'.A1 references; names stay as they are."""
    out = []
    in_string = False
    for ch in formula:
        if ch == '"':
            in_string = not in_string
        if ch == "," and not in_string:
            ch = ";"
        out.append(ch)
    text = "".join(out)
    text = re.sub(r"'((?:[^']|'')+)'!", lambda m: "$'" + m.group(1) + "'.", text)
    text = re.sub(r"(?<![\w.'$])([A-Za-z_\u0400-\u04FF][\w\u0400-\u04FF]*)!", r"$\1.", text)
    return text


def evaluate(doc, requests):
    results = []
    cells = []
    for item in requests:
        sheet = doc.Sheets.getByName(item["sheet"])
        cell = sheet.getCellRangeByName(item["cell"])
        cell.Formula = excel_formula_to_api(item["formula"])
        cells.append(cell)
    doc.calculateAll()
    for item, cell in zip(requests, cells):
        error = cell.getError()
        results.append({"formula": item["formula"], "cell": item["cell"], "value": cell.Value, "text": cell.String,
                        "error": error if error else None})
    return results


def inspect(office, request):
    started = time.time()
    doc = office.load(request["path"])
    try:
        names = list(doc.Sheets.ElementNames)
        report = {"sheets": [], "namedRanges": {}, "cells": {}, "probes": {}, "evaluations": []}
        for name in names:
            sheet = doc.Sheets.getByName(name)
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            end = cursor.RangeAddress
            info = {
                "name": name,
                "visible": bool(sheet.IsVisible),
                "lastRow": end.EndRow + 1,
                "lastColumn": end.EndColumn + 1,
                "validations": sheet_validations(sheet, names),
                "conditionalFormats": sheet_conditional_formats(doc, sheet, names),
                "page": page_style(doc, sheet),
                "printTitleRows": None,
                "printAreas": [address_string(a, names) for a in sheet.getPrintAreas()],
                "tabColor": None,
            }
            if sheet.PrintTitleRows:
                tr = sheet.TitleRows
                info["printTitleRows"] = {"first": tr.StartRow + 1, "last": tr.EndRow + 1}
            try:
                if sheet.TabColor >= 0:
                    info["tabColor"] = "#%06X" % (sheet.TabColor & 0xFFFFFF)
            except Exception:
                pass
            merged = []
            try:
                # Merged areas: cells whose range is merged report it through queryEmptyCells-free cursor API.
                enumeration = sheet.getCellFormatRanges()
                for i in range(enumeration.getCount()):
                    r = enumeration.getByIndex(i)
                    if r.getIsMerged():
                        c = sheet.createCursorByRange(r.getCellByPosition(0, 0))
                        c.collapseToMergedArea()
                        merged.append(address_string(c.RangeAddress, names))
            except Exception:
                pass
            info["merges"] = sorted(set(merged))
            report["sheets"].append(info)
        for name in doc.NamedRanges.ElementNames:
            report["namedRanges"][name] = doc.NamedRanges.getByName(name).Content
        controller = doc.CurrentController
        if controller is not None:
            try:
                report["activeSheet"] = controller.ActiveSheet.Name
                report["frozen"] = {"active": bool(controller.hasFrozenPanes()),
                                    "splitRow": controller.SplitRow, "splitColumn": controller.SplitColumn}
            except Exception:
                pass
        for sheet_name, address in (request.get("cells") or {}).items():
            report["cells"][sheet_name] = read_cells(doc, doc.Sheets.getByName(sheet_name), address)
        for sheet_name, addresses in (request.get("probeCells") or {}).items():
            sheet = doc.Sheets.getByName(sheet_name)
            report["probes"][sheet_name] = {a: probe_cell(doc, sheet, a) for a in addresses}
        for item in request.get("set") or []:
            cell = doc.Sheets.getByName(item["sheet"]).getCellRangeByName(item["cell"])
            value = item["value"]
            if isinstance(value, (int, float)):
                cell.Value = value
            else:
                cell.String = value
        if request.get("evaluate"):
            report["evaluations"] = evaluate(doc, request["evaluate"])
        if request.get("saveAs"):
            # As a user would: File > Save As > Excel 2007-365 (.xlsx), after the edits above.
            target = uno.systemPathToFileUrl(os.path.abspath(request["saveAs"]))
            doc.storeToURL(target, (prop("FilterName", "Calc MS Excel 2007 XML"), prop("Overwrite", True)))
        report["milliseconds"] = int((time.time() - started) * 1000)
        return report
    finally:
        doc.close(True)


def main():
    soffice = os.environ.get("SOFFICE", "soffice")
    profile = sys.argv[1] if len(sys.argv) > 1 else "/tmp/reestr-lo-profile-%d" % os.getpid()
    started = time.time()
    office = Office(soffice, profile)
    sys.stdout.write(json.dumps({"ready": True, "startupMilliseconds": int((time.time() - started) * 1000)}) + "\n")
    sys.stdout.flush()
    try:
        for line in sys.stdin:
            line = line.strip()
            if not line:
                continue
            request = json.loads(line)
            if request.get("cmd") == "quit":
                break
            try:
                answer = inspect(office, request)
            except Exception as error:
                answer = {"error": "%s: %s" % (type(error).__name__, error), "trace": traceback.format_exc()}
            sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
            sys.stdout.flush()
    finally:
        office.close()


if __name__ == "__main__":
    main()
