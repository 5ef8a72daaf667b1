/**
 * Task segmentation classes seen on unseen rounds (portal excerpts and commune notices in prose): which sentence starts a
 * task, for whom. Synthetic sentences in the grammar of the real ones.
 */
import { describe, expect, it } from "vitest";
import { leadsOfSentence } from "../../src/dispatch/roles.js";
import { readDispatch } from "../../src/dispatch/reader.js";

const leads = (s: string) => leadsOfSentence(s)?.leads;
const tasksOf = (text: string) => readDispatch(text, { refDate: "2024-06-01" }).tasks.filter((t) => t.assignees.length > 0);

describe("a linking word before the subject ('Vậy', 'Do đó', 'Riêng')", () => {
  it.each([
    ["Vậy đề nghị các hộ dân nghiêm túc chấp hành nộp theo đúng thời gian quy định.", ["các hộ dân"]],
    ["Do đó, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội thành phố cần tiếp tục phát huy vai trò.", ["Mặt trận Tổ quốc", "các đoàn thể chính trị - xã hội thành phố"]],
    ["Riêng UBND huyện Khánh Sơn khẩn trương hoàn thiện hồ sơ quy hoạch.", ["UBND huyện Khánh Sơn"]],
    ["Sau Đại hội điểm, MTTQ các xã còn lại tiến hành tổ chức Đại hội.", ["MTTQ các xã còn lại"]],
  ])("%s", (s, want) => expect(leads(s)).toEqual(want));
});

describe("the public addressed by a notice", () => {
  it.each([
    ["Người chăn nuôi cần chủ động kinh phí mua vắc xin.", ["Người chăn nuôi"]],
    // "Khuyến cáo X …" asks X like "Đề nghị X …"; the people's name closes before a verb the lexicon does not know.
    ["Khuyến cáo bà con chăn nuôi gia cố, che chắn chuồng trại.", ["bà con chăn nuôi"]],
    ["UBND xã thông báo để các hộ biết và chủ động nộp.", ["các hộ"]],
    ["UBND phường thông báo đến các cá nhân, tổ chức trên địa bàn biết và phối hợp thực hiện.", ["các cá nhân, tổ chức trên địa bàn"]],
  ])("%s", (s, want) => expect(leads(s)).toEqual(want));

  it("keeps a body whose name holds such a word ('Hội Nông dân tỉnh', 'Hội Hỗ trợ gia đình liệt sĩ')", () => {
    expect(leads("Hội Nông dân tỉnh đã có công văn đề nghị Hội Nông dân các huyện, thành phố vận động hội viên.")).toEqual(["Hội Nông dân các huyện, thành phố"]);
  });

  it("reads 'thông báo để X biết, thực hiện' as the closing of a letter, not work for X", () => {
    expect(leads("Văn phòng Chính phủ thông báo để Bộ Y tế biết, thực hiện./.")).toEqual(["Văn phòng Chính phủ"]);
    expect(leads("Văn phòng UBND tỉnh thông báo để Sở Tài nguyên và Môi trường, các cơ quan liên quan thực hiện./.")).toEqual(["Văn phòng UBND tỉnh"]);
  });
});
