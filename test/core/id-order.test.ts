/**
 * compareIds gives the sign Intl.Collator ("ru", numeric, base sensitivity) gives — its fast lane for IDs of one shape
 * (digits and the same joining punctuation at the same places) included — so the appendix's order stays the same.
 */
import { compareIds } from "../../src/core/layout/id-order";

const collator = new Intl.Collator("ru", { numeric: true, sensitivity: "base" });
const sign = (n: number) => Math.sign(n);

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

describe("compareIds", () => {
  test("the collator's sign for IDs of one shape, of other shapes, and for texts that are no plain IDs", () => {
    const pairs: [string, string][] = [
      ["017-01-001", "017-01-002"],
      ["017-01-010", "017-01-009"],
      ["017-1.10-01", "017-1.09-01"],
      ["017-1.2-01", "017-1.10-01"],
      ["017-5", "017-10"],
      ["17-01", "017-01"],
      ["017-01", "017.01"],
      ["017 01", "017-01"],
      ["017_01", "017/01"],
      ["017-01", "017-01"],
      ["017-01a", "017-01A"],
      ["017-01а", "017-01Б"],
      ["Ёж-1", "еж-2"],
      ["ID-001", "ID-002"],
      ["", "1"],
      ["0", "00"],
      ["--1", "--2"],
      ["1-", "2-"],
      ["١٢", "12"],
    ];
    for (const [a, b] of pairs) {
      expect([a, b, sign(compareIds(a, b))]).toEqual([a, b, sign(collator.compare(a, b))]);
      expect([b, a, sign(compareIds(b, a))]).toEqual([b, a, sign(collator.compare(b, a))]);
    }
  });

  test("random IDs of register shapes sort as the collator sorts them", () => {
    const next = random(7);
    const digits = (count: number) => Array.from({ length: count }, () => String(Math.floor(next() * 10))).join("");
    const joiners = ["-", ".", "/", "_", " "];
    const ids: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const groups = 1 + Math.floor(next() * 4);
      let id = digits(1 + Math.floor(next() * 3));
      for (let g = 1; g < groups; g++) id += joiners[Math.floor(next() * (next() < 0.8 ? 1 : joiners.length))] + digits(1 + Math.floor(next() * 3));
      if (next() < 0.05) id += next() < 0.5 ? "а" : "A";
      ids.push(id);
    }
    for (let i = 0; i + 1 < ids.length; i++) expect(sign(compareIds(ids[i], ids[i + 1]))).toBe(sign(collator.compare(ids[i], ids[i + 1])));
    const byCollator = [...ids].map((id, order) => ({ id, order })).sort((a, b) => collator.compare(a.id, b.id) || a.order - b.order);
    const byCompareIds = [...ids].map((id, order) => ({ id, order })).sort((a, b) => compareIds(a.id, b.id) || a.order - b.order);
    expect(byCompareIds).toEqual(byCollator);
  });
});
