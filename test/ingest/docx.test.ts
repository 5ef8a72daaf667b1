import { describe, expect, it } from "vitest";
import { describeIngestError, extractText, IngestError } from "../../src/ingest/index.js";
import { translator } from "../../src/i18n.js";
import { docx, NUMBERING, p, table } from "./helpers/docx.js";
import { zip } from "./helpers/zip.js";

const read = async (bytes: Uint8Array, name = "ke-hoach.docx") => (await extractText(bytes, name)).text;
const code = (promise: Promise<unknown>) => promise.then(() => "resolved", (e: unknown) => (e instanceof IngestError ? e.code : String(e)));

describe(".docx numbering", () => {
  it("writes Word's automatic numbering out: I. / 1. / a) / - / +, counting per level", async () => {
    const text = await read(
      docx(
        [
          p("MỤC ĐÍCH, YÊU CẦU", { numId: 2 }),
          p("Quán triệt kế hoạch", { numId: 1 }),
          p("Triển khai thực hiện", { numId: 1 }),
          p("Sở Y tế chủ trì tiêm chủng", { numId: 1, ilvl: 1 }),
          p("Sở Tài chính bố trí kinh phí", { numId: 1, ilvl: 1 }),
          p("gạch đầu dòng", { numId: 1, ilvl: 2 }),
          p("dấu cộng", { numId: 1, ilvl: 3 }),
          p("Báo cáo kết quả", { numId: 1 }),
          p("Giám sát dịch bệnh", { numId: 1, ilvl: 1 }),
        ].join(""),
      ),
    );
    expect(text.split("\n")).toEqual([
      "I. MỤC ĐÍCH, YÊU CẦU",
      "1. Quán triệt kế hoạch",
      "2. Triển khai thực hiện",
      "a) Sở Y tế chủ trì tiêm chủng",
      "b) Sở Tài chính bố trí kinh phí",
      "- gạch đầu dòng",
      "+ dấu cộng",
      "3. Báo cáo kết quả",
      "a) Giám sát dịch bệnh", // a deeper level restarts after a shallower item
    ]);
  });

  it("restarts a list that Word restarted (lvlOverride/startOverride) and keeps unnumbered paragraphs as they are", async () => {
    const text = await read(
      docx([p("Một", { numId: 1 }), p("Hai", { numId: 1 }), p("Đoạn thường, không đánh số."), p("Lại từ đầu", { numId: 3 })].join("")),
    );
    expect(text.split("\n")).toEqual(["1. Một", "2. Hai", "Đoạn thường, không đánh số.", "1. Lại từ đầu"]);
  });

  it("falls back to 1. / a) when numbering.xml has no format for the list", async () => {
    const bare = NUMBERING.replace(/<w:numFmt[^>]*>/g, "").replace(/<w:lvlText[^>]*>/g, "");
    const text = await read(docx([p("Một", { numId: 1 }), p("Con", { numId: 1, ilvl: 1 })].join(""), bare));
    expect(text).toBe("1. Một\na) Con");
  });
});

describe(".docx written by another producer (LibreOffice, committed fixture)", () => {
  it("restores its numbering.xml lists and reads its task table", async () => {
    const { readFileSync } = await import("node:fs");
    const bytes = new Uint8Array(readFileSync(new URL("../fixtures/files/ke-hoach.docx", import.meta.url)));
    expect((await read(bytes)).split("\n")).toEqual([
      "KẾ HOẠCH",
      "I. NHIỆM VỤ",
      "1. Quán triệt kế hoạch",
      "a. Sở Y tế chủ trì tiêm chủng",
      "b. Sở Tài chính bố trí kinh phí",
      "2. Triển khai thực hiện",
      "- Báo cáo định kỳ",
      "1. Tổ chức tiêm chủng mở rộng. Sở Y tế chủ trì, phối hợp UBND các huyện. Thời gian hoàn thành: Quý II/2025.",
    ]);
  });
});

describe(".docx tables", () => {
  it("reads a task table as numbered items in the dispatch's own phrasing, merged cells included", async () => {
    const text = await read(
      docx(
        table([
          ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"],
          [{ text: "I. LĨNH VỰC Y TẾ", gridSpan: 5 }],
          ["1", "Tổ chức tiêm chủng mở rộng", { text: "Sở Y tế", vMerge: "restart" }, ["UBND các huyện,", "Sở Tài chính"], "Quý II/2025"],
          ["2", "Kiểm tra an toàn thực phẩm.", { text: "", vMerge: "continue" }, "", "Trước ngày 30/6/2025"],
          ["3", "Tuyên truyền phòng dịch", "", "Đài Phát thanh tỉnh", ""],
        ]),
      ),
    );
    expect(text.split("\n")).toEqual([
      "I. LĨNH VỰC Y TẾ",
      "1. Tổ chức tiêm chủng mở rộng. Sở Y tế chủ trì, phối hợp UBND các huyện, Sở Tài chính. Thời gian hoàn thành: Quý II/2025.",
      "2. Kiểm tra an toàn thực phẩm. Sở Y tế chủ trì. Thời gian hoàn thành: Trước ngày 30/6/2025.",
      "3. Tuyên truyền phòng dịch. Phối hợp Đài Phát thanh tỉnh.",
    ]);
  });

  it("understands a two-row header (Đơn vị over Chủ trì | Phối hợp) and numbers rows without an STT column", async () => {
    const text = await read(
      docx(
        table([
          [{ text: "Nhiệm vụ", vMerge: "restart" }, { text: "Đơn vị", gridSpan: 2 }, { text: "Thời hạn", vMerge: "restart" }],
          [{ text: "", vMerge: "continue" }, "Chủ trì", "Phối hợp", { text: "", vMerge: "continue" }],
          ["Rà soát hồ sơ đất đai", "Sở Tài nguyên và Môi trường", "UBND cấp huyện", "Tháng 9/2025"],
        ]),
      ),
    );
    expect(text).toBe(
      "1. Rà soát hồ sơ đất đai. Sở Tài nguyên và Môi trường chủ trì, phối hợp UBND cấp huyện. Thời gian hoàn thành: Tháng 9/2025.",
    );
  });

  it("reads a two-column layout table (the header block) left column first", async () => {
    const text = await read(
      docx(
        table([[["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "Số: 846/UBND-TH"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]]]) +
          p("Kính gửi: Sở Kế hoạch và Đầu tư"),
        null,
      ),
    );
    expect(text.split("\n")).toEqual([
      "ỦY BAN NHÂN DÂN",
      "TỈNH LAI CHÂU",
      "Số: 846/UBND-TH",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Kính gửi: Sở Kế hoạch và Đầu tư",
    ]);
  });
});

describe(".docx header typed with tabs", () => {
  it("writes the left column first at the top and in the closing block, and leaves tabbed item numbers alone", async () => {
    const text = await read(
      docx(
        [
          p("ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
          p("TỈNH LAI CHÂU\t\tĐộc lập - Tự do - Hạnh phúc"),
          p("Số: 846/UBND-TH\tLai Châu, ngày 21 tháng 5 năm 2019"),
          p("V/v báo cáo giải ngân vốn đầu tư công"),
          p("1.\tGiao Sở Kế hoạch và Đầu tư chủ trì."),
          p("Nơi nhận:\t\tKT. CHỦ TỊCH"),
          p("- Như trên;\t\tPHÓ CHỦ TỊCH"),
        ].join(""),
        null,
      ),
    );
    expect(text.split("\n")).toEqual([
      "ỦY BAN NHÂN DÂN",
      "TỈNH LAI CHÂU",
      "Số: 846/UBND-TH",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Lai Châu, ngày 21 tháng 5 năm 2019",
      "V/v báo cáo giải ngân vốn đầu tư công",
      "1. Giao Sở Kế hoạch và Đầu tư chủ trì.",
      "Nơi nhận:",
      "- Như trên;",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
    ]);
  });
});

describe(".docx safety", () => {
  it("refuses a zip that declares more uncompressed data than the limit, before inflating anything", async () => {
    const bomb = zip({ "word/document.xml": "<x/>", "word/big.xml": "x" }, { "word/big.xml": 3_000_000_000 });
    await expect(code(extractText(bomb, "bom.docx"))).resolves.toBe("too_large");
  });

  it("stops an entry that inflates beyond the size its header declares", async () => {
    const { deflateRawSync } = await import("node:zlib");
    const good = docx(p("Nội dung"));
    // document.xml as a deflate stream of 5 MB of zeros whose headers say 4 bytes.
    const patched = patchToDeflate("word/document.xml", deflateRawSync(Buffer.alloc(5_000_000)), 4);
    await expect(code(extractText(patched, "bom.docx"))).resolves.toBe("too_large");
    await expect(code(extractText(good, "ok.docx"))).resolves.toBe("resolved");
  });

  it("refuses too many entries", async () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`word/f${i}.xml`, "x"]));
    await expect(code(extractText(zip(many), "a.docx", { limits: { maxZipEntries: 20 } }))).resolves.toBe("too_large");
  });

  it("calls a zip that is not a Word document a mismatch, and a broken zip corrupt", async () => {
    await expect(code(extractText(zip({ "xl/workbook.xml": "<x/>" }), "bang.docx"))).resolves.toBe("mismatch");
    const broken = docx(p("Nội dung")).slice(0, 200);
    await expect(code(extractText(broken, "hong.docx"))).resolves.toBe("corrupt");
  });

  it("recognises a password-protected .docx (an OLE container with an EncryptedPackage stream)", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.from("EncryptedPackage", "utf16le"), 0, 0]);
    await expect(code(extractText(ole, "mat-khau.docx"))).resolves.toBe("encrypted");
  });

  it("reads a .docx saved under a .doc name by its content, with a note", async () => {
    const result = await extractText(docx(p("Nội dung văn bản")), "cong-van.doc");
    expect(result.text).toBe("Nội dung văn bản");
    expect(result.warnings.join(" ")).toMatch(/đuôi không đúng/);
  });
});

/** Rewrites a stored entry as method 8 with the given deflate data, keeping the declared uncompressed size. */
function patchToDeflate(name: string, deflated: Uint8Array, declaredSize: number): Uint8Array {
  const out = Buffer.from(zip({ [name]: deflated }, { [name]: declaredSize }));
  out.writeUInt16LE(8, 8); // local header: method
  const cd = out.readUInt32LE(out.length - 6);
  out.writeUInt16LE(8, cd + 10); // central header: method
  return new Uint8Array(out);
}

describe(".docx bounds (issue 10)", () => {
  const failure = async (promise: Promise<unknown>): Promise<IngestError> => {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    return error as IngestError;
  };
  const t = translator("vi");

  it("refuses a document.xml honestly declaring 190 MB (under the unzip limit) before mammoth sees it", async () => {
    // Stored entries, so the declared size is all the check may trust; mammoth needed ~58 bytes per XML byte on it.
    const big = zip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }, { "word/document.xml": 190 * 1024 * 1024 });
    const error = await failure(extractText(big, "lon.docx"));
    expect(error.code).toBe("too_large");
    expect(describeIngestError(error, t)).toBe(
      "Nội dung văn bản trong tệp lon.docx quá lớn để đọc (190 MB; giới hạn 8 MB). Vui lòng gửi bản nhỏ hơn hoặc chỉ phần có nội dung giao việc.",
    );
  });

  it("says a zip has too many entries, with the count, instead of 'quá lớn (? MB)'", async () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`word/f${i}.xml`, "x"]));
    const error = await failure(extractText(zip(many), "a.docx", { limits: { maxZipEntries: 20 } }));
    const text = describeIngestError(error, t);
    expect(text).toMatch(/^Tệp a\.docx gồm quá nhiều thành phần \(50; giới hạn 20\)/);
    expect(text).not.toMatch(/\?/);
  });

  it("says how much a zip declares when it unzips beyond the limit, and what a lying bomb is", async () => {
    const bomb = zip({ "word/document.xml": "<x/>", "word/media/big.bin": "x" }, { "word/media/big.bin": 3_000_000_000 });
    expect(describeIngestError(await failure(extractText(bomb, "bom.docx")), t)).toMatch(/^Tệp bom\.docx khi giải nén quá lớn \(2861\.0 MB|^Tệp bom\.docx khi giải nén quá lớn \(2861 MB/);
    const { deflateRawSync } = await import("node:zlib");
    const patched = patchToDeflate("word/document.xml", deflateRawSync(Buffer.alloc(5_000_000)), 4);
    expect(describeIngestError(await failure(extractText(patched, "bom.docx")), t)).toMatch(/^Tệp bom\.docx là tệp nén bất thường/);
  });
});
