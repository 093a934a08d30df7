/**
 * writeOutputBeside writes a command's output beside its target and renames it into place; given pieces (an archive
 * as the zip writer leaves them), it writes them one after another, more than one system call's worth of them too.
 */
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "fs";
import { spawnSync } from "child_process";
import { tmpdir } from "os";
import * as path from "path";
import { writeBeside, writeOutputBeside } from "../../src/cli/file-safety";
import type { CliIO } from "../../src/cli/io";

describe("writeOutputBeside", () => {
  let dir: string;
  let errors: string[];
  let io: CliIO;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "reestr-write-"));
    errors = [];
    io = { stdout: () => undefined, stderr: (text) => void errors.push(text), cwd: dir, env: {} };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("pieces are written in order, past one writev's 1,024 buffers, and nothing else is left beside", async () => {
    const chunks = Array.from({ length: 2500 }, (_, index) => Buffer.from(`${index};`.repeat((index % 7) + 1)));
    chunks.splice(100, 0, Buffer.alloc(0), Buffer.alloc(1 << 20, 0x61));
    expect(await writeOutputBeside("appendix", "out.xlsx", chunks, io)).toBe(true);
    expect(readFileSync(path.join(dir, "out.xlsx")).equals(Buffer.concat(chunks))).toBe(true);
    expect(readdirSync(dir)).toEqual(["out.xlsx"]);
    expect(errors).toEqual([]);
  });

  test("one buffer is written as it is", async () => {
    expect(await writeOutputBeside("appendix", "out.xlsx", Buffer.from("книга"), io)).toBe(true);
    expect(readFileSync(path.join(dir, "out.xlsx"), "utf8")).toBe("книга");
  });

  test("a folder that does not exist gives one Russian line and no file", async () => {
    expect(await writeOutputBeside("appendix", "нет/out.xlsx", [Buffer.from("a"), Buffer.from("b")], io)).toBe(false);
    expect(errors).toEqual(["reestr appendix: нет/out.xlsx: не удалось записать файл: папка для него не найдена\n"]);
    expect(readdirSync(dir)).toEqual([]);
  });

  test("writeBeside throws what failed and leaves the OUT that was there as it was", async () => {
    const out = path.join(dir, "out.xlsx");
    await writeBeside(out, Buffer.from("прежняя книга"));
    // A piece that is no buffer fails the write midway: the old OUT stays, and nothing is left beside it.
    await expect(writeBeside(out, [Buffer.from("новая"), "не буфер" as unknown as Uint8Array])).rejects.toThrow();
    expect(readFileSync(out, "utf8")).toBe("прежняя книга");
    expect(readdirSync(dir)).toEqual(["out.xlsx"]);
  });

  test("a link is followed: the file it leads to is replaced, the link stays", async () => {
    writeFileSync(path.join(dir, "real.xlsx"), "прежняя");
    symlinkSync("real.xlsx", path.join(dir, "link.xlsx"));
    expect(await writeOutputBeside("appendix", "link.xlsx", [Buffer.from("но"), Buffer.from("вая")], io)).toBe(true);
    expect(lstatSync(path.join(dir, "link.xlsx")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dir, "link.xlsx"))).toBe("real.xlsx");
    expect(readFileSync(path.join(dir, "real.xlsx"), "utf8")).toBe("новая");
    expect(readdirSync(dir).sort()).toEqual(["link.xlsx", "real.xlsx"]);
  });

  // Renamed over, a device (as root: /dev/null) would become a plain file. A node of /dev/null's kind is made here
  // where the user may make one (root, as in CI); elsewhere the test has nothing to make it from.
  const canMakeDevices = process.getuid?.() === 0 && spawnSync("mknod", ["--help"]).status === 0;
  (canMakeDevices ? test : test.skip)("a device is written into, never replaced", async () => {
    const device = path.join(dir, "null");
    expect(spawnSync("mknod", [device, "c", "1", "3"]).status).toBe(0);
    expect(await writeOutputBeside("appendix", "null", [Buffer.from("книга")], io)).toBe(true);
    expect(statSync(device).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(["null"]);
  });
});
