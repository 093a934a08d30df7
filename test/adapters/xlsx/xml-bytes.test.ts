/**
 * Chunks of generated XML given back once zlib has compressed them are written into again (xml-bytes.ts, zip-writer.ts):
 * the archive must hold exactly what was generated, whatever buffer it was generated in.
 */
import * as zlib from "node:zlib";
import { releaseXmlChunk, XmlBytes } from "../../../src/adapters/xlsx/xml-bytes";
import { ZipWriter } from "../../../src/adapters/xlsx/zip-writer";
import { entryData, readZipDirectory } from "../../../src/adapters/xlsx/zip-directory";

describe("XmlBytes chunks given back", () => {
  it("reuses the buffer of a chunk given back, and only then", () => {
    const out = new XmlBytes();
    out.ascii("first");
    const first = out.take();
    out.ascii("second");
    const second = out.take();
    expect(second.buffer).not.toBe(first.buffer);
    releaseXmlChunk(first);
    // The writer is already writing into the buffer it took up at the last take(); the one given back comes next.
    out.ascii("third");
    const third = out.take();
    out.ascii("fourth");
    const fourth = out.take();
    expect(third.buffer).not.toBe(first.buffer);
    expect(fourth.buffer).toBe(first.buffer);
    expect(fourth.toString("latin1")).toBe("fourth");
    expect(second.toString("latin1")).toBe("second");
    expect(third.toString("latin1")).toBe("third");
  });

  it("ignores what it did not hand out, and a chunk given back twice", () => {
    const out = new XmlBytes();
    out.ascii("a");
    const chunk = out.take();
    releaseXmlChunk(Buffer.from("foreign"));
    releaseXmlChunk(chunk.subarray(0, 1));
    releaseXmlChunk(chunk);
    releaseXmlChunk(chunk);
    const buffers = [];
    for (const text of ["b", "c", "d"]) {
      out.ascii(text);
      buffers.push(out.take().buffer);
    }
    // Given back once, reused once.
    expect(buffers.filter((buffer) => buffer === chunk.buffer)).toHaveLength(1);
  });

  it("a zip entry made of many reused chunks holds every byte generated", async () => {
    const out = new XmlBytes();
    const expected: string[] = [];
    function* parts(): Generator<Uint8Array | string> {
      yield "<head>";
      expected.push("<head>");
      for (let chunk = 0; chunk < 40; chunk++) {
        // Chunks larger than the writer's first buffer, different in every chunk: a reused buffer written too early shows.
        while (out.length < 300_000) {
          const piece = `<r n="${chunk}">${"абв".repeat(chunk % 7)}${out.length}</r>`;
          out.text(piece);
          expected.push(piece);
        }
        yield out.take();
      }
    }
    const zip = new ZipWriter(1);
    await zip.add("part.xml", parts());
    const archive = zip.finish();
    const directory = readZipDirectory(archive);
    if (!directory) throw new Error("no directory");
    const entry = directory.entries[0];
    const text = zlib.inflateRawSync(entryData(archive, entry)!).toString("utf8");
    expect(text).toBe(expected.join(""));
  });
});
