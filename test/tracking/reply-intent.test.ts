import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyReply, type ReplyIntent } from "../../src/tracking/reply-intent.js";
import { stripDiacritics } from "../../src/text/vietnamese.js";

/** Each phrase as officers type it: as is, without diacritics, upper case, decomposed (NFD). */
function variants(text: string): string[] {
  return [...new Set([text, stripDiacritics(text), text.toUpperCase(), text.normalize("NFD"), stripDiacritics(text).toUpperCase()])];
}

const DONE: Array<[string, number[]?]> = [
  ["đã hoàn thành"], ["xong"], ["hoàn thành"], ["done"], ["Done!"], ["đã xong"], ["dạ em đã hoàn thành ạ"], ["xong rồi"],
  ["da xong"], ["ok xong"], ["hoàn thành 100%"], ["Xong rồi ạ 👍"], ["Dạ đã xong ạ"], ["Đơn vị đã hoàn thành"],
  ["đã hoàn tất"], ["Em đã thực hiện xong"], ["vừa xong"], ["đã hoàn thành trước hạn"], ["đã hoàn thành theo yêu cầu"],
  ["Dạ, Sở Y tế đã hoàn thành báo cáo số 12/BC-SYT"], ["Huyện uỷ đã hoàn thành"], ["Huyện ủy đã hoàn thành"],
  ["Đã hoàn thành, không có vướng mắc gì ạ"], ["không có vướng mắc gì, đã xong"], ["Xong rồi ạ, có gì anh chị góp ý thêm"],
  ["xong 2", [2]], ["đã hoàn thành 3", [3]], ["xong 2, 3", [2, 3]], ["xong 2 và 4", [2, 4]], ["Đã xong nhiệm vụ 5", [5]],
  ["Dạ em đã hoàn thành nhiệm vụ 2 và 4 ạ", [2, 4]], ["xong nv3", [3]], ["hoàn thành mục 1, 2, 3", [1, 2, 3]],
  ["đã hoàn thành 2 nhiệm vụ"], ["xong 2 ngày trước"], ["Đã hoàn thành ngày 20/11"], ["finished"], ["completed"],
  ["Nhiệm vụ đã được hoàn thành"], ["xong rồi nhé"], ["Đã hoàn thành các nhiệm vụ 1, 2 và 3", [1, 2, 3]],
  ["Xong nhiệm vụ số 2 ạ", [2]], ["đã hoàn thành ngày 5/12"], ["Dạ. Đơn vị em đã hoàn thành. Báo cáo kèm theo"],
  ["vâng ạ, xong rồi"], ["Đã triển khai xong"], ["xong r"],
];

const NOT_DONE: Array<[string, ReplyIntent]> = [
  ["chưa xong", "progress"], ["chưa hoàn thành", "progress"], ["không xong", "difficulty"],
  ["không hoàn thành được", "difficulty"], ["ko xong dc", "difficulty"], ["chẳng xong", "difficulty"],
  ["sắp xong", "progress"], ["gần xong", "progress"], ["sẽ hoàn thành trước 20/11", "progress"],
  ["cơ bản hoàn thành", "progress"], ["xong chưa?", "question"], ["xong chưa", "question"], ["đã hoàn thành chưa", "question"],
  ["đã hoàn thành chưa ạ", "question"], ["hoàn thành không anh?", "question"], ["hoàn thành 50%", "progress"],
  ["đã hoàn thành 80%", "progress"], ["xong phần 1", "progress"], ["hoàn thành 1 phần", "progress"],
  ["hoàn thành được một phần", "progress"], ["đề nghị các đơn vị khẩn trương hoàn thành", "unknown"],
  ["yêu cầu hoàn thành trước 20/11", "unknown"], ["Đề nghị các sở, ban, ngành hoàn thành báo cáo", "unknown"],
  ["hạn chót ngày nào ạ?", "question"], ["hạn chót ngày nào ạ", "question"], ["khi nào phải xong?", "question"],
  ["cho em hỏi hạn chót", "question"], ["bao giờ xong", "question"], ["nhiệm vụ này làm thế nào", "question"],
  ["chưa có gì xong", "progress"], ["không có gì xong", "progress"], ["chưa xong, đang chờ số liệu", "progress"],
  ["có xong đâu", "progress"], ["not done", "progress"], ["chx", "unknown"], ["cần hoàn thành gấp", "unknown"],
  ["hãy hoàn thành", "unknown"], ["đã đăng tải, đang chờ duyệt", "progress"],
  ["chưa có kinh phí nên chưa hoàn thành", "difficulty"], ["vướng mặt bằng nên chưa xong", "difficulty"],
  ["Đã hoàn thành 2/3 nội dung", "progress"], ["hoàn thành 3 trên 5", "progress"], ["xong một nửa", "progress"],
  ["xong 1 nửa", "progress"], ["hoàn thành cơ bản", "progress"], ["chắc xong rồi", "unknown"],
  ["hình như xong rồi", "unknown"], ["Em xong rồi nhưng chưa gửi báo cáo", "progress"],
  ["Hoàn thành chưa vậy anh", "question"], ["done chưa", "question"], ["xong hết chưa", "question"],
  ["K xong", "difficulty"], ["ok", "unknown"], ["nhận được ạ", "unknown"], ["đã nhận văn bản", "unknown"], ["", "unknown"], ["👍", "unknown"],
];

const PROGRESS: Array<[string, { taskNumbers?: number[]; percent?: number }]> = [
  ["đang thực hiện", {}], ["đạt 60%", { percent: 60 }], ["tiến độ 3: đã gửi dự thảo", { taskNumbers: [3] }],
  ["Đơn vị đang triển khai", {}], ["tiến độ đạt 75%", { percent: 75 }], ["đang tổng hợp số liệu", {}],
  ["nhiệm vụ 2 đang thực hiện, đạt 40%", { taskNumbers: [2], percent: 40 }],
  ["đang thực hiện, không có khó khăn", {}],
];

const DIFFICULTY: string[] = [
  "vướng", "khó khăn", "chưa có kinh phí", "đang vướng mặt bằng", "gặp khó khăn về nhân lực", "thiếu kinh phí",
  "em xin gia hạn đến 30/11", "không thể hoàn thành đúng hạn", "không kịp", "đề nghị cho lùi hạn",
];

describe("classifyReply: completions", () => {
  it.each(DONE)("%s is done", (text, numbers) => {
    for (const v of variants(text)) {
      const r = classifyReply(v);
      expect(r.intent, v).toBe("done");
      expect(r.taskNumbers, v).toEqual(numbers);
    }
  });
  it("keeps the reply as written (NFC, trimmed) as the note", () => {
    expect(classifyReply("  Dạ em đã hoàn thành ạ \n").note).toBe("Dạ em đã hoàn thành ạ");
    expect(classifyReply("đã hoàn thành".normalize("NFD")).note).toBe("đã hoàn thành");
  });
  it("reads 100% as complete and keeps the figure", () => {
    expect(classifyReply("hoàn thành 100%")).toMatchObject({ intent: "done", percent: 100 });
  });
});

describe("classifyReply: never a completion", () => {
  it.each(NOT_DONE)("%s is %s", (text, intent) => {
    for (const v of variants(text)) expect(classifyReply(v).intent, v).toBe(intent);
  });
});

/** A call to colleagues or a condition ("whoever is done, report"): never a report of one's own completion. */
const CONDITIONAL: string[] = [
  "Ai đã xong thì báo cáo nhé", "Ai xong thì báo cáo nhé", "ai hoàn thành rồi thì báo lại", "Ai xong rồi báo cáo nhé",
  "Đơn vị nào đã xong thì báo cáo", "đơn vị nào hoàn thành thì gửi báo cáo về Văn phòng", "Bên nào xong thì báo nhé",
  "Nếu đã xong thì báo cáo ạ", "nếu xong rồi thì gửi em", "nếu hoàn thành thì báo lại nhé",
  "Khi nào xong thì báo", "khi nào hoàn thành thì báo cáo anh nhé", "Xong thì báo cáo nhé", "hoàn thành thì gửi báo cáo",
  "Hễ xong thì báo ngay", "Trường hợp đã hoàn thành thì gửi báo cáo", "Đồng chí nào xong thì báo cáo",
  "Các đơn vị xong thì báo cáo về Văn phòng", "Whoever is done please report", "If done, report back",
];

describe("classifyReply: calls to colleagues and conditions never close", () => {
  it.each(CONDITIONAL)("%s is not done", (text) => {
    for (const v of variants(text)) expect(classifyReply(v).intent, v).not.toBe("done");
  });
  it("a completion word inside 'ai … thì' / 'nếu … thì' is never done, whatever surrounds it", () => {
    const lead = fc.constantFrom("ai", "Ai", "nếu", "neu", "đơn vị nào", "khi nào", "hễ", "bên nào", "người nào");
    const filler = fc.constantFrom("đã", "rồi", "đơn vị", "em", "", "ạ");
    const done = fc.constantFrom("xong", "hoàn thành", "hoan thanh", "hoàn tất", "done");
    fc.assert(fc.property(lead, filler, done, filler, (l, a, d, b) => {
      const text = `${l} ${a} ${d} ${b} thì báo cáo nhé`;
      expect(classifyReply(text).intent, text).not.toBe("done");
    }), { numRuns: 500 });
  });
});

describe("classifyReply: progress and difficulty", () => {
  it.each(PROGRESS)("%s is progress", (text, extra) => {
    for (const v of variants(text)) {
      const r = classifyReply(v);
      expect(r.intent, v).toBe("progress");
      expect(r.taskNumbers, v).toEqual(extra.taskNumbers);
      expect(r.percent, v).toEqual(extra.percent);
    }
  });
  it.each(DIFFICULTY)("%s is a difficulty", (text) => {
    for (const v of variants(text)) expect(classifyReply(v).intent, v).toBe("difficulty");
  });
});

describe("classifyReply: diacritics do not confuse different words", () => {
  it("does not read hoãn (postpone) as hoàn, nor đăng (post) as đang", () => {
    expect(classifyReply("hoãn thành").intent).not.toBe("done");
    expect(classifyReply("Đã đăng tải xong").intent).toBe("done");
  });
  it("treats old and new tone placement alike", () => {
    expect(classifyReply("Uỷ ban đã hoàn thành")).toEqual({ ...classifyReply("Ủy ban đã hoàn thành"), note: "Uỷ ban đã hoàn thành" });
  });
});

describe("classifyReply: properties", () => {
  const filler = fc.constantFrom("em", "đơn vị", "nhiệm vụ", "báo cáo", "anh", "chị", "ạ", "dạ", "Sở", "phòng", "đã", "rồi", "này", "ok", ",", ".");
  const fillers = fc.array(filler, { maxLength: 4 }).map((a) => a.join(" "));
  const negation = fc.constantFrom("chưa", "không", "ko", "chẳng", "chả", "chua", "khong", "Chưa", "KHÔNG", "not");
  const completion = fc.constantFrom("xong", "hoàn thành", "hoan thanh", "done", "hoàn tất", "XONG", "Hoàn Thành");
  const spell = fc.constantFrom((s: string) => s, stripDiacritics, (s: string) => s.normalize("NFD"));

  it("a negation word before the completion word is never done", () => {
    fc.assert(fc.property(fillers, negation, fillers, completion, fillers, spell, (a, neg, b, done, c, f) => {
      const text = f(`${a} ${neg} ${b} ${done} ${c}`);
      expect(classifyReply(text).intent, text).not.toBe("done");
    }), { numRuns: 2000 });
  });
  it("a question mark anywhere makes it a question, never done", () => {
    fc.assert(fc.property(fillers, completion, fillers, (a, done, b) => {
      expect(classifyReply(`${a} ${done} ${b}?`).intent).toBe("question");
    }));
  });
  it("never throws and always returns the note", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (s) => {
      expect(classifyReply(s).note).toBe(s.normalize("NFC").trim());
    }));
  });
});
