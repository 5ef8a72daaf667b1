/**
 * Step: deadline phrases. A small hand-written grammar instead of chrono-node: dispatch deadlines are a closed set of
 * phrase shapes, and what matters most is what NOT to read (dates of cited documents, campaign names, phone numbers,
 * report periods). So a date only counts after a cue word ("trước", "chậm nhất", "trong tháng", "từ … đến", "vào lúc",
 * "Thời gian: …"); bare dates never do. See docs/decisions/0101-deadline-grammar.md.
 */
import type { Deadline, Recurrence } from "./schema.js";
import { ACTIVITY_BEFORE_PERIODIC } from "./lexicon.js";

export interface DateContext {
  /** Year for dates written without one: the document's, else one the text states, else the reference date's. */
  year: number;
  /** Recurring deadlines take their next occurrence strictly after this day (ISO). */
  base: string;
  /** False when the document states no date of its own: a recurring day then has no next occurrence to give. */
  dated?: boolean;
}

export interface FoundDeadline extends Deadline {
  index: number;
  end: number;
}

const WEEKDAY = "(?:thứ\\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\\s*nhật)";
// "trước ngày 31/12 năm 2024": the year may follow in words.
// "treo cờ đến 2/3 chiều cao của cột cờ", "2/3 số thành viên": a fraction quantifies the noun after it; a day does not.
const NUM_DATE =
  "(\\d{1,2})\\s*[/.\\-]\\s*(\\d{1,2})(?:(?:\\s*[/.\\-]\\s*|\\s+năm\\s+)(\\d{4}))?(?![\\d/])(?!\\s+(?:chiều\\s+(?:cao|dài|rộng)|số(?![\\p{L}])|tổng\\s+số|diện\\s+tích|dân\\s+số|khối\\s+lượng|kích\\s+thước))";
const LONG_DATE = "(\\d{1,2})\\s+tháng\\s+(\\d{1,2})(?:\\s*(?:năm|,\\s*năm)\\s+(\\d{4}))?";
// "trước 15:00 ngày thứ Sáu": a clock time may be written with a colon.
const TIME = "(?:\\d{1,2}\\s*(?:h|giờ|g|:\\s*\\d{2}\\s*(?:h|giờ)?)\\s*(?:\\d{1,2})?\\s*(?:phút|'|’|′)?\\s*(?:,\\s*)?)";
// "ngày10/9": real text drops the space after "ngày"; "sáng thứ Ba ngày mùng 02/5/2023": a part of the day and
// "mùng"/"mồng" (the first ten days of a month) may stand before the weekday and the day.
const DATE = `(?:ngày\\s*)?(?:(?:sáng|chiều|tối|trưa)\\s+(?:ngày\\s*)?)?(?:${WEEKDAY}\\s*,?\\s*(?:ngày\\s*)?)?(?:(?:mùng|mồng)\\s*)?(?:${NUM_DATE}|${LONG_DATE})`;
// "bắt đầu từ ngày 07/6/2022", "kể từ ngày 12/05/2021" with no end: an open window is due from its first day (the
// guide's "kể từ ngày X đến khi …" → X); "vào thời điểm 0 giờ, ngày 1-4-2019": the moment an activity starts.
const CUE =
  "(?:không (?:quá|muộn hơn)|trước|chậm nhất(?:\\s+(?:là|vào|trong))*|muộn nhất|(?:thời hạn|hạn chót|hạn cuối)(?:\\s+[^\\s.;:\\d]+){0,6}?\\s+(?:sẽ\\s+)?là|hạn chót|hạn cuối|thời hạn|hạn|(?<!(?:tin|lập)\\s)tức(?:\\s+là)?|(?<!tính\\s)đến hết|(?<!tính\\s)đến|kết thúc|xong|hoàn thành|bắt đầu(?:\\s+từ)?|kể từ|vào\\s+thời điểm|vào lúc|vào\\s+hồi|vào|lúc|trong ngày|diễn ra(?:\\s+vào)?|dự kiến(?:\\s+vào)?|thời gian[^:.;\\n]{0,50}:(?:\\s*(?:0?[1-9]|một|hai|ba)\\s+(?:ngày|buổi)\\s*,)?)";

// "số liệu giải ngân tính đến ngày 15/9/2019", "biên chế được giao thời điểm 31/7": the day a figure is counted at is
// the state a report describes, not a time to act by (only "vào thời điểm …" starts an activity).
// "từ ngày 30/4 đến hết 03/5/2020", "từ ngày 01/01/2017 (Chủ nhật) đến hết ngày 02/01/2017", "từ thứ Tư ngày 11/2/2026
// (tức ngày 24 tháng Chạp năm Ất Tỵ) đến hết Chủ nhật ngày 22/2/2026": the window's last day.
const RANGE_RE = new RegExp(`từ\\s+(?:${TIME})?${DATE}\\s*(?:\\([^()]{0,60}\\)\\s*)?(?:cho\\s+)?(?:đến\\s+hết|đến|tới|-|–)\\s*(?:ngày\\s+)?(?:${TIME})?${DATE}`, "giu");
// "từ ngày 12 đến 14-10-2020", "từ ngày 20-28/01/2016": a window within one month.
const DAY_RANGE_RE = /từ\s+(?:ngày\s+)?(\d{1,2})\s*(?:đến\s+hết|đến|tới|-|–)\s*(?:ngày\s+)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?(?![\d/])/giu;
// "kể từ sáng ngày 17-11-2008 … đến khi …", "từ 0 giờ ngày 28/3/2020 cho đến khi có thông báo mới": an open window
// is due from its first day.
const OPEN_FROM_RE = new RegExp(`(?:kể\\s+)?từ\\s+(?:sáng|chiều|tối)?\\s*(?:${TIME})?\\s*${DATE}(?=[^.;\\n]{0,60}?(?:cho\\s+)?đến\\s+khi)`, "giu");
// "nghỉ học từ sáng ngày 8/12/2022", "đợt thi đua cao điểm … (từ ngày 21/7/2019)": a start with no end is an open
// window, due from its first day (the validity of a rule, "có hiệu lực từ ngày …", and "từ … đến nay", the period a
// report covers, are not).
const BARE_FROM_RE = new RegExp(`(?<![\\p{L}])(?<!(?:hiệu lực|hiệu lực thi hành|kể|tính|bắt đầu)\\s)từ\\s+(?:(?:sáng|chiều|tối)\\s+)?(?:${TIME})?(?:ngày\\s*)?${DATE}(?!\\s*(?:\\([^()]{0,60}\\)\\s*)?(?:,\\s*)?(?:cho\\s+)?(?:đến|tới|-|–|trở về trước))`, "giu");
// A day written with its weekday is a day something happens ("nghỉ học ngày thứ hai, 26 tháng 11 năm 2018",
// "sáng thứ Ba ngày mùng 02/5/2023", "07/02/2021 (chủ Nhật)", "vào thứ Hai (02/4/2012)"): cited documents and anniversaries never carry one.
const WEEKDAY_DATE_RE = new RegExp(
  `(?:ngày\\s*)?(?:(?:sáng|chiều|tối|trưa)\\s+)?${WEEKDAY}\\s*,?\\s*(?:ngày\\s*)?(?:(?:mùng|mồng)\\s*)?(?:${NUM_DATE}|${LONG_DATE})|(?:ngày\\s*)?(?:${NUM_DATE}|${LONG_DATE})\\s*\\(\\s*${WEEKDAY}\\s*\\)|${WEEKDAY}\\s*\\(\\s*(?:ngày\\s*)?(?:${NUM_DATE}|${LONG_DATE})\\s*\\)`,
  "giu",
);
// "phải trước 15h hôm nay", "trong ngày hôm nay", "trước 17 giờ ngày mai": the document's own day, or the next.
const TODAY_RE = new RegExp(`(?:trước|trong|chậm nhất(?:\\s+là)?|ngay trong|vào|đến)\\s+(?:${TIME})?(?:(?:sáng|chiều|tối|trưa)\\s+)?(?:ngày\\s+)?(hôm nay|mai)(?![\\p{L}])`, "giu");
// "kể từ ngày 01/01/2020 đến nay": the period a report covers.
const UNTIL_NOW_RE = /^\s*(?:cho\s+)?(?:đến|tới)\s+(?:nay|hiện nay|thời điểm (?:hiện tại|báo cáo))/iu;
const CUED_DATE_RE = new RegExp(`${CUE}\\s*:?\\s*(?:ngày\\s*)?(?:${TIME})?(?:ngày\\s*)?${DATE}`, "giu");
const MONTH_RE = new RegExp(
  `(?<![\\p{L}])(?:(trước)|trong|hết|cuối|(?:vào\\s+)?đầu|vào(?=tháng)|vào|đến hết|đến cuối|đến|dự kiến|(?:thời gian|thời hạn)[^:.;\\n]{0,50}:)\\s*(?<=\\s|vào)tháng\\s+(\\d{1,2})(?:\\s*(?:\\/|năm|-|\\.)\\s*(\\d{4}))?(?![\\d/])`,
  "giu",
);
const QUARTER_RE = new RegExp(
  `(?<![\\p{L}])(?:(trước)\\s+|(?:trong|hết|cuối|(?:vào\\s+)?đầu|vào|đến hết|đến|xong|hoàn thành(?:\\s+trong)?|(?:thời gian|thời hạn)[^:.;\\n]{0,50}:)\\s+)quý\\s+(IV|I{1,3}|[1-4])(?:\\s*(?:\\/|năm|-|\\.)\\s*(\\d{4}))?`,
  "giu",
);
// A bare "trong năm 2022" / "cuối năm 2021" after a noun is the period an activity or a report covers ("ứng phó với
// thiên tai trong năm 2022", "ổn định thị trường vào cuối năm 2021"); only a completion word makes the year a limit.
// "trong năm 2022 - 2023": a span of years is due at the end of its last year.
const YEAR_RE =
  /(?:(trước)|(?:hoàn thành|xong|kết thúc)(?:\s+(?:thực thi|thực hiện|triển khai|dứt điểm|toàn bộ|cơ bản))?(?:\s+(?:trong|vào|cuối))?|đến hết|đến cuối|vào|(?:thời gian|thời hạn)[^:.;\n]{0,50}:|thời gian (?:thực hiện|hoàn thành|triển khai)\s+(?:trong|đến hết|đến)?)\s*năm\s+(\d{4})(?:\s*[-–]\s*(\d{4}))?(?!\d)/giu;
// "Năm 2026, cắt giảm, đơn giản hóa 100% điều kiện kinh doanh": a year opening a sentence whose verb follows with no
// subject is the year a target is to be met in (a year already begun or past opens narrative: "Năm 2020, huyện … được
// giao …", so only a later year than the document's counts).
const TARGET_YEAR_RE = /(?:^|[.;:!?]\s+|\n)\s*(?:[-+•*]\s*)?Năm\s+(\d{4})\s*,\s*(?=\p{Ll})(?![^,.;\n]{0,40}?(?<![\p{L}])(?:đã|được|vừa|là)(?![\p{L}]))/gu;
// "Từ nay đến cuối năm", "trước cuối tháng này": the end of the period the document is in ("trong năm nay" alone is
// the period an activity covers, like "trong năm 2022").
const THIS_PERIOD_RE = /(?:từ nay\s+(?:đến|tới)\s+(?:hết|cuối)\s+(năm|quý|tháng)(?!\s*(?:\d|[IVX]+\b|sau|tới))(?:\s+(?:nay|này))?|(?:trước|đến hết|đến cuối|(?:hoàn thành|xong)(?:\s+trong)?)\s+(?:cuối\s+)?(năm|quý|tháng)\s+(?:nay|này))(?![\p{L}])/giu;
// "hoàn thành trong 6 tháng đầu năm 2024": a half year, due at its end ("kết quả thực hiện trong 6 tháng đầu năm" is the
// period a report covers: only a completion word or a time label makes it a limit).
const HALF_RE = new RegExp(`(?:(trước)|(?:hoàn thành|xong)\\s+trong|thời gian[^:.;\\n]{0,50}:)\\s+(?:0?6|sáu)\\s+tháng\\s+(đầu|cuối)\\s+năm(?:\\s*(?:\\/|-)?\\s*(\\d{4}))?(?!\\d)`, "giu");
const WEEKDAY_REL_RE = /(?:trước|vào|chậm nhất(?:\s+là)?|hạn|đến)\s+(?:ngày\s+)?thứ\s*(hai|ba|tư|năm|sáu|bảy|[2-7])\s+(tuần này|tuần sau|tuần tới)/giu;
const MONTHLY_DAY_RE =
  /(?:(?:trước|vào|chậm nhất|đến)\s+)?ngày\s+(?:(?:mùng|mồng)\s*)?(\d{1,2}(?:\s*(?:,|và)\s*\d{1,2}){0,3})\s+(?:hàng|hằng)\s+tháng|(?:hàng|hằng)\s+tháng[^.;\d]{0,160}?(?:trước|vào|chậm nhất(?:\s+là)?)\s+ngày\s+(\d{1,2})(?![\d/]|\s*tháng)/giu;
// The gap may hold a parenthesis with digits and dots ("(qua Phòng …, điện thoại: 0237.3852.668)").
const QUARTER_DAY_RE = /(?:hàng|hằng|báo cáo)\s+quý(?:[^.;\d]|\([^()]{0,160}\)){0,200}?(?:trước|vào|chậm nhất(?:\s+là)?)\s+ngày\s+(\d{1,2})\s+(?:của\s+)?tháng\s+cuối\s+quý/giu;
// "vào thứ Sáu hằng tuần", "hằng tuần … trước thứ Năm": the weekday's next occurrence.
const WEEKLY_DAY_RE =
  /(?:vào|trước|chậm nhất(?:\s+là)?)\s+(?:\d{1,2}\s*(?:h|giờ|:\s*\d{2}\s*(?:h|giờ)?)\s*(?:\d{1,2})?\s*(?:phút|'|’|′)?\s*,?\s*)?(?:(?:sáng|chiều|tối)\s+)?(?:các\s+)?(?:ngày\s+)?thứ\s*(hai|ba|tư|năm|sáu|bảy|[2-7])\s+(?:hàng|hằng)\s+tuần|(?:hàng|hằng)\s+tuần[^.;\d]{0,120}?(?:vào|trước|chậm nhất(?:\s+là)?)\s+(?:ngày\s+)?thứ\s*(hai|ba|tư|năm|sáu|bảy|[2-7])(?!\s+(?:tuần|đầu|cuối))/giu;
// "trong hai ngày 19 và 20/5/2007", "vào các ngày 12, 13 và 14/10", "3 ngày, từ ngày 15, 16, 17/4/2020": the last of
// the days.
const DAY_PAIR_RE =
  /(?:trong|vào|từ)\s+(?:(?:hai|ba|0?2|0?3)\s+)?(?:các\s+)?ngày\s+(\d{1,2})\s*(?:,\s*\d{1,2}\s*)*(?:và|,)\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?(?![\d/])/giu;
// "trong hai ngày 03 và 04 tháng 5 năm 2019", "treo cờ rủ trong 02 ngày Lễ Quốc tang (ngày 03 và 04 tháng 5 năm 2019)":
// the days written out with "tháng"; a count of days may name them in brackets after the occasion.
const DAY_PAIR_LONG_RE =
  /(?:(?:trong|vào|từ)\s+(?:(?:hai|ba|0?2|0?3)\s+)?(?:các\s+)?ngày|trong\s+(?:0?[2-9]|hai|ba|bốn)\s+ngày[^().;\n]{0,60}\(\s*(?:ngày)?)\s*(\d{1,2})\s*(?:,\s*\d{1,2}\s*)*(?:và|,)\s*(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,?\s*năm\s+(\d{4}))?/giu;
// "hoàn thành trước Tết Nguyên đán 2016", "trước Tết Nguyên đán Bính Thân": the first day of the lunar year (the
// guide's "trước ngày X" → X). Other Tết (Dương lịch, Trung thu, "Tết Nhân ái" campaigns) are not this one.
const CAN = "giáp|ất|bính|đinh|mậu|kỷ|canh|tân|nhâm|quý";
const CHI = "tý|sửu|dần|mão|mẹo|thìn|tỵ|tị|ngọ|mùi|thân|dậu|tuất|hợi";
const BEFORE_TET_RE = new RegExp(
  `trước\\s+(?:dịp\\s+)?Tết(?:\\s+Nguyên\\s+đán)?(?:\\s+(?:năm\\s+)?(${CAN})\\s+(${CHI}))?(?:\\s+(?:năm\\s+)?(\\d{4}))?(?![\\p{L}\\d])(?!\\s+(?:Dương|Trung|Nhân|Thanh|Đoan|Hàn|Độc|Nguyên\\s+tiêu))`,
  "giu",
);
// "vào mùng 8 Tết", "trước ngày 15 tháng Giêng âm lịch": a day of the first lunar month counts from the first day of
// Tết, which the table below gives.
const TET_MONTH_DAY_RE = new RegExp(
  `(?<!\\(\\s*(?:tức\\s+)?)(?:vào|trước|đến|trong|chậm nhất(?:\\s+là)?)\\s+(?:(?:sáng|chiều|tối|trưa)\\s+)?(?:ngày\\s+)?(?:(?:(?:mùng|mồng)\\s*(\\d{1,2})\\s+(?:Tết|tháng\\s+Giêng))|(\\d{1,2})\\s+tháng\\s+Giêng)(?:\\s+(?:âm lịch|Nguyên đán))?(?:\\s*\\(?\\s*(?:Tết\\s+)?(?:năm\\s+)?(${CAN})\\s+(${CHI}))?(?:\\s+(?:năm\\s+)?(\\d{4}))?(?![\\p{L}\\d])`,
  "giu",
);
const LUNAR_AFTER_RE = new RegExp(`^\\s*(?:\\(\\s*)?(?:(?:năm\\s+)?(?:${CAN})\\s+(?:${CHI})(?![\\p{L}])|âm\\s+lịch|\\(?\\s*ÂL\\b)`, "iu");
// First day of the lunar new year (Tết Nguyên đán), Gregorian.
const TET: Record<number, string> = {
  2005: "02-09", 2006: "01-29", 2007: "02-18", 2008: "02-07", 2009: "01-26", 2010: "02-14", 2011: "02-03", 2012: "01-23",
  2013: "02-10", 2014: "01-31", 2015: "02-19", 2016: "02-08", 2017: "01-28", 2018: "02-16", 2019: "02-05", 2020: "01-25",
  2021: "02-12", 2022: "02-01", 2023: "01-22", 2024: "02-10", 2025: "01-29", 2026: "02-17", 2027: "02-06", 2028: "01-26",
  2029: "02-13", 2030: "02-03", 2031: "01-23", 2032: "02-11", 2033: "01-31", 2034: "02-19", 2035: "02-08",
};
const CAN_OF: Record<string, number> = { canh: 0, tân: 1, nhâm: 2, quý: 3, giáp: 4, ất: 5, bính: 6, đinh: 7, mậu: 8, kỷ: 9 };
const CHI_OF: Record<string, number> = { tý: 0, sửu: 1, dần: 2, mão: 3, mẹo: 3, thìn: 4, tỵ: 5, tị: 5, ngọ: 6, mùi: 7, thân: 8, dậu: 9, tuất: 10, hợi: 11 };
/** The Tết a phrase means: its stated year, else the year its can-chi names nearest the context year, else the next
 *  Tết after the base day. */
function tetDay(ctx: DateContext, can?: string, chi?: string, year?: string): string | null {
  let y: number | null = year ? Number(year) : null;
  if (y === null && can && chi) {
    const c = CAN_OF[can.toLowerCase()];
    const h = CHI_OF[chi.toLowerCase()];
    for (let k = ctx.year - 2; k <= ctx.year + 2 && c !== undefined && h !== undefined; k++) if (k % 10 === c && (k - 4) % 12 === h) y = k;
  }
  if (y === null) y = TET[ctx.year] && `${ctx.year}-${TET[ctx.year]}` > ctx.base ? ctx.year : ctx.year + 1;
  return TET[y] ? `${y}-${TET[y]}` : null;
}
// Three or more day/month pairs after one cue ("trước ngày 05/4, 05/7, 05/10, 05/01").
const DAY_LIST_RE = /(?:trước|vào|chậm nhất(?:\s+là)?|hạn)\s+(?:(?:các\s+)?ngày\s+)?\d{1,2}\s*\/\s*\d{1,2}(?![\d/])(?:\s*(?:,|;|và)\s*(?:ngày\s+)?\d{1,2}\s*\/\s*\d{1,2}(?![\d/])){2,11}/giu;
// "báo cáo tại phiên họp Chính phủ tháng 3 năm 2009", "chi trả … vào cùng kỳ chi trả lương hưu tháng 01 năm 2013": a
// session or round of a month is held within that month (a line wrap may have glued "phiênhọp").
const SESSION_MONTH_RE = /(?:tại|vào)\s+(?:cùng\s+)?(?<![\p{L}])(?:kỳ|phiên)(?:\s+|(?=họp))(?=\p{L})[^.;:\d\n]{0,60}?(?<![\p{L}])tháng\s+(\d{1,2})(?:\s*(?:\/|năm|-|\.)\s*(\d{4}))?(?![\d/])/giu;
// "từ tháng 1-12/2023": a span of months ends with its last month.
// "vào trung tuần tháng 8/2010", "trước thượng tuần tháng 3": a month's ten-day part (thượng 1–10, trung 11–20, hạ
// 21–end) is due on its last day, or before its first with "trước".
const TEN_DAYS_RE = /(?<![\p{L}])(?:(trước)|trong|vào|đến|hết|dự kiến(?:\s+vào)?|diễn ra(?:\s+vào)?)\s+(thượng|trung|hạ)\s+tuần\s+tháng\s+(\d{1,2})(?:\s*(?:\/|năm|-|\.)\s*(\d{4}))?(?![\d/])/giu;
const MONTH_SPAN_RE = /từ\s+tháng\s+(\d{1,2})\s*[-–]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)/giu;
// "trước ngày 05/6 và 05/12 hàng năm": two days a year six months apart are a half-yearly schedule (the guide's "the
// shorter period wins"), due on the next of them.
const TWICE_YEARLY_RE =
  /(?:trước|vào|chậm nhất(?:\s+là)?)\s+(?:ngày\s+)?(\d{1,2})\s*\/\s*(\d{1,2})\s*(?:và|,)\s*(?:ngày\s+)?(\d{1,2})\s*\/\s*(\d{1,2})\s+(?:hàng|hằng)\s+năm/giu;
// "các công việc chưa hoàn thành trong năm 2024": a state, not a time to finish by.
const NOT_DONE_RE = /(?:^|[^\p{L}])(?:chưa|đã|vừa)\s+$/iu;
const WEEKDAY_NUM: Record<string, number> = { hai: 1, ba: 2, tư: 3, năm: 4, sáu: 5, bảy: 6 };
// "trong vòng 15 ngày, kể từ 0 giờ ngày 01 tháng 4 năm 2020": a count of days from a stated day. From a moment of that
// day ("0 giờ") the day itself is the first of them (1/4–15/4); from the day alone they start the day after, as a legal
// time limit does.
const DAYS_FROM_RE = new RegExp(`trong\\s+(?:vòng\\s+|thời hạn\\s+)?(\\d{1,3})\\s+ngày\\s*,?\\s*(?:kể\\s+)?từ\\s+(${TIME})?(?:ngày\\s*)?${DATE}`, "giu");
const DAYS_AFTER_RE = /trong\s+(?:vòng|thời hạn)?\s*(\d{1,3})\s+ngày(\s+làm việc)?\s*(?:,\s*)?kể từ ngày\s+(?:ký|ban hành)/giu;

// The word each pattern below cannot match without ("hằng tháng", "2 lần/tuần", "định kỳ", "06 tháng"): a pattern
// whose word the text lacks is not run (most texts name a month, few a schedule).
const EVERY_CUE = /hàng|hằng/iu;
const TIMES_CUE = /lần/iu;
const PERIODIC_CUE = /định kỳ/iu;
const MONTH_CUE = /tháng/iu;
const EVERY_OR_PERIODIC_CUE = /hàng|hằng|định kỳ/iu;
const EVERY_OR_WEEKDAY_CUE = /hàng|hằng|thứ/iu;
const REC_RES: ReadonlyArray<[RegExp, Recurrence, RegExp]> = [
  [/định kỳ\s+(?:0?6|sáu)\s+tháng|(?:0?6|sáu)\s+tháng\s*(?:,|và|\/)\s*(?:01\s+|1\s+|một\s+)?năm|(?:0?6|sáu) tháng một lần|báo cáo(?: kết quả)?\s+(?:0?6|sáu)\s+tháng(?!\s+(?:đầu|cuối))/giu, "semiannual", MONTH_CUE],
  [/định kỳ\s+(?:hàng|hằng)\s+quý|(?:hàng|hằng)\s+quý|định kỳ\s+(?:3|ba)\s+tháng/giu, "quarterly", EVERY_OR_PERIODIC_CUE],
  [/thời gian[^:.;\n]{0,50}:\s*(?:hàng|hằng)\s+năm|(?:^|[.;:]\s+|\n)(?:hàng|hằng)\s+năm,/giu, "yearly", EVERY_CUE],
  [/(?:^|[.;:]\s+|\n)(?:hàng|hằng)\s+tháng,/giu, "monthly", EVERY_CUE],
  [/thời gian[^:.;\n]{0,50}:\s*(?:hàng|hằng)\s+tháng/giu, "monthly", EVERY_CUE],
  [/thời gian[^:.;\n]{0,50}:\s*(?:hàng|hằng)\s+tuần/giu, "weekly", EVERY_CUE],
  [/định kỳ\s+(?:hàng|hằng)\s+tháng|ngày\s+\d{1,2}\s+(?:hàng|hằng)\s+tháng|báo cáo\s+(?:hàng|hằng)\s+tháng|(?:hàng|hằng)\s+tháng\s+báo cáo/giu, "monthly", EVERY_CUE],
  [/định kỳ\s+(?:hàng|hằng)\s+tuần|(?:các|vào)\s+(?:(?:sáng|chiều|tối)\s+)?(?:ngày\s+)?thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])\s+(?:đầu tuần|hàng tuần|hằng tuần)|báo cáo\s+(?:hàng|hằng)\s+tuần|(?:hàng|hằng)\s+tuần\s+báo cáo/giu, "weekly", EVERY_OR_WEEKDAY_CUE],
  // "báo cáo Thủ tướng Chính phủ hằng tuần", "trình Lãnh đạo Bộ báo cáo Thủ tướng hằng tháng": a report to an addressee
  // every period (the addressee is a short noun phrase between the verb and the period, with no clause break).
  [/báo cáo(?:\s+(?:về|cho|lên))?\s+(?:\p{Lu}[\p{L}&]*|UBND|HĐND)(?:\s+[\p{L}&-]+){0,7}?\s+(?:hàng|hằng)\s+tuần(?![\p{L}])/gu, "weekly", EVERY_CUE],
  [/báo cáo(?:\s+(?:về|cho|lên))?\s+(?:\p{Lu}[\p{L}&]*|UBND|HĐND)(?:\s+[\p{L}&-]+){0,7}?\s+(?:hàng|hằng)\s+tháng(?![\p{L}])/gu, "monthly", EVERY_CUE],
  [/báo cáo(?:\s+(?:về|cho|lên))?\s+(?:\p{Lu}[\p{L}&]*|UBND|HĐND)(?:\s+[\p{L}&-]+){0,7}?\s+(?:hàng|hằng)\s+quý(?![\p{L}])/gu, "quarterly", EVERY_CUE],
  [/định kỳ\s+(?:hàng|hằng)\s+năm|(?:hàng|hằng)\s+năm\s+báo cáo|báo cáo(?: kết quả)?(?: [^.;]{0,30})?\s+(?:hàng|hằng)\s+năm|\d\s+(?:hàng|hằng)\s+năm/giu, "yearly", EVERY_CUE],
  // Mid-clause: "; hằng tháng cập nhật số liệu", "ký cam kết hằng năm vào đầu mùa khô" (a schedule, not "kế hoạch hằng năm").
  [/(?:^|[.;:]\s+|\n)(?:hàng|hằng)\s+năm(?=\s+\p{Ll})|(?:hàng|hằng)\s+năm(?=\s+vào\s+(?:đầu|cuối|giữa|dịp|mùa|thời điểm|tháng|quý))/giu, "yearly", EVERY_CUE],
  [/(?:^|[.;:]\s+|\n)(?:hàng|hằng)\s+tháng(?=\s+\p{Ll})|(?:hàng|hằng)\s+tháng(?=\s+vào\s+(?:đầu|cuối|giữa|ngày|tuần))/giu, "monthly", EVERY_CUE],
  // "ít nhất 1 lần/tháng", "2 đến 3 lần/tuần", "mỗi quý một lần": a frequency is a period.
  [/\b(?:\d{1,2}|một|hai|ba)\s*(?:(?:đến|-|–)\s*\d{1,2}\s*)?lần\s*\/\s*tuần|(?:mỗi|hằng|hàng)\s+tuần\s+(?:ít nhất\s+)?(?:một|1|01)\s+lần/giu, "weekly", TIMES_CUE],
  [/\b(?:\d{1,2}|một|hai|ba)\s*(?:(?:đến|-|–)\s*\d{1,2}\s*)?lần\s*\/\s*tháng|(?:mỗi|hằng|hàng)\s+tháng\s+(?:ít nhất\s+)?(?:một|1|01)\s+lần/giu, "monthly", TIMES_CUE],
  [/\b(?:\d{1,2}|một|hai)\s*lần\s*\/\s*quý|(?:mỗi|hằng|hàng)\s+quý\s+(?:ít nhất\s+)?(?:một|1|01)\s+lần/giu, "quarterly", TIMES_CUE],
  // "ít nhất 2 lần/năm": twice a year is a half-yearly schedule, four times a quarterly one.
  [/(?<![\p{L}\d])(?:0?2|hai)\s*lần\s*\/\s*năm/giu, "semiannual", TIMES_CUE],
  [/(?<![\p{L}\d])(?:0?4|bốn)\s*lần\s*\/\s*năm/giu, "quarterly", TIMES_CUE],
  [/\b(?:1|01|một)\s*lần\s*\/\s*năm|(?:mỗi|hằng|hàng)\s+năm\s+(?:ít nhất\s+)?(?:một|1|01)\s+lần/giu, "yearly", TIMES_CUE],
  // "kiểm tra định kỳ chất lượng … tại các công trình hằng năm": the period closes the clause that "định kỳ" opens.
  [/định kỳ[^.;:\n]{1,120}?\s(?:hàng|hằng)\s+năm(?![\p{L}])/giu, "yearly", EVERY_CUE],
  [/định kỳ[^.;:\n]{1,120}?\s(?:hàng|hằng)\s+quý(?![\p{L}])/giu, "quarterly", EVERY_CUE],
  [/định kỳ[^.;:\n]{1,120}?\s(?:hàng|hằng)\s+tháng(?![\p{L}])/giu, "monthly", EVERY_CUE],
  [/định kỳ[^.;:\n]{1,120}?\s(?:hàng|hằng)\s+tuần(?![\p{L}])/giu, "weekly", EVERY_CUE],
  // "báo cáo trước 15h00 hằng ngày": a daily report has no period in the guide's list, so it is periodic.
  [/(?:trước|vào|lúc|chậm nhất)\s+\d{1,2}\s*(?:h|giờ)[^.;\n]{0,12}?(?:hàng|hằng)\s+ngày/giu, "periodic", EVERY_CUE],
  // "định kỳ hằng ngày thống kê …", "thực hiện nghiêm chế độ báo cáo hàng ngày": a daily duty is periodic too.
  [/(?:định kỳ|báo cáo)\s+(?:hàng|hằng)\s+ngày|(?:hàng|hằng)\s+ngày\s+báo cáo/giu, "periodic", EVERY_CUE],
  // "tổ chức giao ban hằng tháng", "họp định kỳ hằng quý": a meeting held every period is that period's schedule.
  [/(?:giao ban|họp|sơ kết)\s+(?:định kỳ\s+)?(?:hàng|hằng)\s+tuần/giu, "weekly", EVERY_CUE],
  [/(?:giao ban|họp|sơ kết)\s+(?:định kỳ\s+)?(?:hàng|hằng)\s+tháng/giu, "monthly", EVERY_CUE],
  [/(?:giao ban|họp|sơ kết)\s+(?:định kỳ\s+)?(?:hàng|hằng)\s+quý/giu, "quarterly", EVERY_CUE],
  // "khám sức khỏe định kỳ", "bảo dưỡng định kỳ": the kind of activity, not a schedule.
  [new RegExp(`(?<!(?:${ACTIVITY_BEFORE_PERIODIC.join("|")})\\s+)định kỳ(?!\\s+(?:hàng|hằng|6|sáu|3|ba)\\b)`, "giu"), "periodic", PERIODIC_CUE],
];

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > last) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
function lastDay(y: number, m: number): string | null {
  return iso(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
}
function dayBefore(isoDate: string | null): string | null {
  if (!isoDate) return null;
  const t = new Date(`${isoDate}T00:00:00Z`).getTime() - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
function addDays(isoDate: string, n: number): string {
  return new Date(new Date(`${isoDate}T00:00:00Z`).getTime() + n * 86_400_000).toISOString().slice(0, 10);
}

function addWorkingDays(isoDate: string, n: number): string {
  let d = isoDate;
  for (let left = Math.min(n, 400); left > 0; ) {
    d = addDays(d, 1);
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6) left--;
  }
  return d;
}

/** Day and month of a DATE match (groups: numeric d, m, y, then long d, m, y). */
function dmy(g: Array<string | undefined>, at: number): [number, number, number | null] | null {
  const d = g[at] ?? g[at + 3];
  const m = g[at + 1] ?? g[at + 4];
  const y = g[at + 2] ?? g[at + 5];
  if (!d || !m) return null;
  return [Number(d), Number(m), y ? Number(y) : null];
}

/** All deadline phrases in `text`, in order, with recurrences merged into an adjacent date. */
// Real dispatches misspell the cue "trước" ("trưóc", "truớc", "truóc"); the fix keeps the length, so
// every index into the fixed text is an index into the original, whose wording is what we report.
const TRUOC_TYPO_RE = /(?<=^|[^\p{L}])(t)r(?:ư|u)(?:ớ|ó)c(?![\p{L}])/giu;
// "trước ngày mùng hai hàng tháng": the first ten days of a month may be spelt out after "mùng"/"mồng"; the digits
// are padded to the word's length for the same reason.
const DAY_WORD: Record<string, number> = { một: 1, hai: 2, ba: 3, bốn: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10 };
const DAY_WORD_RE = /(?<=(?:mùng|mồng)\s+)(một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)(?![\p{L}])/giu;
function fixCueTypos(text: string): string {
  // Most texts spell it right: only a misspelling is worth the replacement pass.
  const fixed = /tr(?:uớ|uó|ưó)c/iu.test(text) ? text.replace(TRUOC_TYPO_RE, (w, t: string) => (w.slice(1) === "rước" ? w : `${t}rước`)) : text;
  return /mùng|mồng/iu.test(fixed) ? fixed.replace(DAY_WORD_RE, (w) => String(DAY_WORD[w.toLowerCase()]).padEnd(w.length, " ")) : fixed;
}

export function findDeadlines(original: string, ctx: DateContext): FoundDeadline[] {
  const text = fixCueTypos(original);
  const dates: FoundDeadline[] = [];
  const weather = /vị trí/iu.test(text);
  const push = (index: number, found: string, date: string | null, recurrence: Recurrence | null = null) => {
    if (date === null && recurrence === null) return;
    if (weather && observed(text, index, index + found.length)) return;
    // A web page's own time ("Cập nhật lúc: 12/02/2020", a line "THỨ SÁU, 30/09/2022 | 10:35"): page furniture.
    if (pageStamp(text, index, index + found.length)) return;
    // "các hoạt động đã thực hiện trong tháng 3": what was done in a period is no limit.
    if (DONE_BEFORE_RE.test(text.slice(Math.max(0, index - 30), index))) return;
    if (/^(?:hoàn thành|xong|kết thúc)/iu.test(found) && NOT_DONE_RE.test(text.slice(Math.max(0, index - 8), index))) return;
    // "(từ ngày 6 tháng giêng đến 5.2 năm Quý Mão)", "ngày 15/8 âm lịch": a lunar day; with no conversion table the
    // reader leaves it to the solar date the text gives beside it.
    if (recurrence === null && LUNAR_AFTER_RE.test(text.slice(index + found.length, index + found.length + 24))) return;
    // "Từ đầu tháng 11 đến nay": the period a report covers, whatever the start's shape.
    if (/(?:^|[^\p{L}])từ\s*$/iu.test(text.slice(Math.max(0, index - 8), index)) && UNTIL_NOW_RE.test(text.slice(index + found.length))) return;
    let phrase = original.slice(index, index + found.length);
    if (phrase.includes("(") && !phrase.includes(")") && text[index + phrase.length] === ")") phrase += ")";
    const end = index + phrase.length;
    if (taken ? overlapsTaken(taken, index, end) : dates.some((x) => index < x.end && end > x.index)) return;
    const item = { text: tidy(phrase), date, recurrence, index, end };
    dates.push(item);
    if (taken) taken.splice(takenAfter(taken, index), 0, item);
  };
  // While phrases are only added, the spans taken so far are kept sorted (they never overlap), so a text with thousands
  // of dates is not checked pairwise; once recurrences are merged into them, spans change and the plain check is used.
  let taken: FoundDeadline[] | null = [];
  // Cheap gates first: most sentences carry no time at all.
  const digits = /\d/.test(text);
  if (!digits && !/định kỳ|hàng|hằng|thứ|lần|tết|nay|này/iu.test(text)) return [];
  const dateLike = digits && /\d\s*[/.\-]\s*\d|\d\s+tháng\s+\d/u.test(text);
  for (const m of dateLike && /hàng\s+năm|hằng\s+năm/iu.test(text) ? text.matchAll(TWICE_YEARLY_RE) : []) {
    const [d1, m1, d2, m2] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const next = [nextOccurrence(d1, m1, ctx, true), nextOccurrence(d2, m2, ctx, true)].filter((x): x is string => x !== null).sort()[0] ?? null;
    if (next) push(m.index, m[0], ctx.dated === false ? null : next, Math.abs(m2 - m1) === 6 ? "semiannual" : "yearly");
  }
  for (const m of dateLike && /ngày\s*,?\s*(?:kể\s+)?từ/iu.test(text) ? text.matchAll(DAYS_FROM_RE) : []) {
    const p = dmy([...m], 3);
    if (!p) continue;
    const start = p[2] !== null ? iso(p[2], p[1], p[0]) : nextOccurrence(p[0], p[1], ctx, false);
    if (start) push(m.index, m[0], addDays(start, Number(m[1]) - (m[2] ? 1 : 0)));
  }
  for (const m of dateLike && /từ/iu.test(text) ? text.matchAll(RANGE_RE) : []) {
    const to = dmy([...m], 7);
    const from = dmy([...m], 1);
    if (!to) continue;
    const y = to[2] ?? from?.[2] ?? ctx.year;
    push(m.index, m[0], iso(y, to[1], to[0]));
  }
  for (const m of dateLike && /từ/iu.test(text) ? text.matchAll(DAY_RANGE_RE) : []) {
    const y = m[4] ? Number(m[4]) : ctx.year;
    if (Number(m[1]) < Number(m[2])) push(m.index, m[0], iso(y, Number(m[3]), Number(m[2])));
  }
  for (const m of /(?:mùng|mồng)\s*\d{1,2}\s+tết|tháng\s+giêng/iu.test(text) ? text.matchAll(TET_MONTH_DAY_RE) : []) {
    const first = tetDay(ctx, m[3], m[4], m[5]);
    const day = Number(m[1] ?? m[2]);
    if (first && day >= 1 && day <= 30) push(m.index, m[0], addDays(first, day - 1));
  }
  for (const m of /trước\s+(?:dịp\s+)?tết/iu.test(text) ? text.matchAll(BEFORE_TET_RE) : []) {
    push(m.index, m[0], tetDay(ctx, m[1], m[2], m[3]));
  }
  for (const m of dateLike && /ngày\s+\d{1,2}\s*(?:,|và)/iu.test(text) ? text.matchAll(DAY_PAIR_RE) : []) {
    const y = m[4] ? Number(m[4]) : ctx.year;
    if (Number(m[1]) < Number(m[2])) push(m.index, m[0], iso(y, Number(m[3]), Number(m[2])));
  }
  for (const m of digits && /\d\s*(?:,|và)\s*\d{1,2}\s+tháng/iu.test(text) ? text.matchAll(DAY_PAIR_LONG_RE) : []) {
    const y = m[4] ? Number(m[4]) : ctx.year;
    if (Number(m[1]) < Number(m[2])) push(m.index, m[0], iso(y, Number(m[3]), Number(m[2])));
  }
  for (const m of dateLike && /đến\s+khi/iu.test(text) ? text.matchAll(OPEN_FROM_RE) : []) {
    const p = dmy([...m], 1);
    if (p) push(m.index, m[0], p[2] !== null ? iso(p[2], p[1], p[0]) : nextOccurrence(p[0], p[1], ctx, false));
  }
  for (const m of dateLike ? text.matchAll(CUED_DATE_RE) : []) {
    if (/^thời gian/iu.test(m[0]) && /^\s*từ/iu.test(text.slice(m.index + m[0].length - 20))) continue;
    const p = dmy([...m], 1);
    if (!p) continue;
    if (/^(?:kể từ|bắt đầu)/iu.test(m[0]) && UNTIL_NOW_RE.test(text.slice(m.index + m[0].length))) continue;
    const yearly = /^\s*(?:hàng|hằng)\s+năm/iu.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12));
    push(m.index, m[0], p[2] !== null ? iso(p[2], p[1], p[0]) : nextOccurrence(p[0], p[1], ctx, yearly));
  }
  for (const m of ctx.dated !== false && /hôm nay|mai/iu.test(text) ? text.matchAll(TODAY_RE) : []) {
    push(m.index, m[0], /mai/iu.test(m[1]!) ? addDays(ctx.base, 1) : ctx.base);
  }
  for (const m of dateLike && /thứ|chủ\s*nhật/iu.test(text) ? text.matchAll(WEEKDAY_DATE_RE) : []) {
    const p = dmy([...m], 1) ?? dmy([...m], 7) ?? dmy([...m], 13);
    if (p) push(m.index, m[0], p[2] !== null ? iso(p[2], p[1], p[0]) : nextOccurrence(p[0], p[1], ctx, false));
  }
  for (const m of digits && /tháng/iu.test(text) ? text.matchAll(MONTH_RE) : []) {
    const y = m[3] ? Number(m[3]) : ctx.year;
    const mon = Number(m[2]);
    push(m.index, m[0], m[1] ? dayBefore(iso(y, mon, 1)) : lastDay(y, mon));
  }
  for (const m of digits && /tuần\s+tháng/iu.test(text) ? text.matchAll(TEN_DAYS_RE) : []) {
    const y = m[4] ? Number(m[4]) : ctx.year;
    const mon = Number(m[3]);
    const part = { thượng: 0, trung: 1, hạ: 2 }[m[2]!.toLowerCase() as "thượng" | "trung" | "hạ"];
    const end = part === 2 ? lastDay(y, mon) : iso(y, mon, 10 * (part + 1));
    push(m.index, m[0], m[1] ? (part === 0 ? dayBefore(iso(y, mon, 1)) : iso(y, mon, 10 * part)) : end);
  }
  for (const m of digits && /kỳ|phiên/iu.test(text) ? text.matchAll(SESSION_MONTH_RE) : []) {
    push(m.index, m[0], lastDay(m[2] ? Number(m[2]) : ctx.year, Number(m[1])));
  }
  for (const m of digits && /từ\s+tháng/iu.test(text) ? text.matchAll(MONTH_SPAN_RE) : []) {
    if (Number(m[1]) < Number(m[2])) push(m.index, m[0], lastDay(Number(m[3]), Number(m[2])));
  }
  for (const m of /quý/iu.test(text) ? text.matchAll(QUARTER_RE) : []) {
    const q = ROMAN[m[2]!.toLowerCase()] ?? Number(m[2]);
    const y = m[3] ? Number(m[3]) : ctx.year;
    push(m.index, m[0], m[1] ? dayBefore(iso(y, q * 3 - 2, 1)) : lastDay(y, q * 3));
  }
  for (const m of digits && /năm/iu.test(text) ? text.matchAll(YEAR_RE) : []) {
    const y = Number(m[3] && Number(m[3]) > Number(m[2]) ? m[3] : m[2]);
    push(m.index, m[0], m[1] ? iso(y - 1, 12, 31) : iso(y, 12, 31));
  }
  for (const m of digits && /Năm\s+\d{4}\s*,/u.test(text) ? text.matchAll(TARGET_YEAR_RE) : []) {
    const y = Number(m[1]);
    const lead = m[0].length - m[0].trimStart().replace(/^[.;:!?\-+•*\s]+/u, "").length;
    if (y > ctx.year) push(m.index + lead, m[0].slice(lead), iso(y, 12, 31));
  }
  for (const m of /nay|này/iu.test(text) ? text.matchAll(THIS_PERIOD_RE) : []) {
    const unit = (m[1] ?? m[2])!.toLowerCase();
    const [by, bm] = ctx.base.split("-").map(Number) as [number, number];
    const y = ctx.dated === false ? ctx.year : by;
    const mon = unit === "năm" ? 12 : unit === "quý" ? Math.ceil(bm / 3) * 3 : bm;
    // A document with no date of its own has a year but no month.
    if (unit === "năm" || ctx.dated !== false) push(m.index, m[0], lastDay(y, mon));
  }
  for (const m of /tháng\s+(?:đầu|cuối)/iu.test(text) ? text.matchAll(HALF_RE) : []) {
    const y = m[3] ? Number(m[3]) : ctx.year;
    const first = m[2]!.toLowerCase() === "đầu";
    push(m.index, m[0], m[1] ? (first ? iso(y - 1, 12, 31) : iso(y, 6, 30)) : first ? iso(y, 6, 30) : iso(y, 12, 31));
  }
  for (const m of /tuần/iu.test(text) ? text.matchAll(WEEKDAY_REL_RE) : []) {
    const w = m[1]!.toLowerCase();
    const wd = WEEKDAY_NUM[w] ?? Number(w) - 1;
    const base = new Date(`${ctx.base}T00:00:00Z`);
    const monday = addDays(ctx.base, -((base.getUTCDay() + 6) % 7));
    push(m.index, m[0], addDays(monday, wd - 1 + (/này/u.test(m[2]!) ? 0 : 7)));
  }
  for (const m of digits && /tháng/iu.test(text) ? text.matchAll(MONTHLY_DAY_RE) : []) {
    // "vào ngày 15, 30 hàng tháng": the first of the listed days still to come.
    const [by, bm, bd] = ctx.base.split("-").map(Number) as [number, number, number];
    const next = (d: number) => (d > bd ? iso(by, bm, d) : bm === 12 ? iso(by + 1, 1, d) : iso(by, bm + 1, d));
    const days = (m[1] ?? m[2])!.split(/\s*(?:,|và)\s*/u).map(Number);
    const date = days.map(next).filter((x): x is string => x !== null).sort()[0] ?? null;
    push(m.index, m[0], date, "monthly");
  }
  for (const m of digits && /quý/iu.test(text) ? text.matchAll(QUARTER_DAY_RE) : []) {
    const d = Number(m[1]);
    const [by] = ctx.base.split("-").map(Number) as [number];
    const next = [3, 6, 9, 12].map((mo) => iso(by, mo, d)).find((x) => x !== null && x > ctx.base) ?? iso(by + 1, 3, d);
    push(m.index, m[0], next, "quarterly");
  }
  for (const m of /tuần/iu.test(text) ? text.matchAll(WEEKLY_DAY_RE) : []) {
    const w = (m[1] ?? m[2])!.toLowerCase();
    const wd = WEEKDAY_NUM[w] ?? Number(w) - 1;
    const dow = new Date(`${ctx.base}T00:00:00Z`).getUTCDay();
    push(m.index, m[0], addDays(ctx.base, (wd - dow + 7) % 7 || 7), "weekly");
  }
  for (const m of digits && /kể từ/iu.test(text) ? text.matchAll(DAYS_AFTER_RE) : []) {
    // Working days count Monday to Friday; public holidays are not known to the pure reader (the leader can adjust).
    push(m.index, m[0], m[2] ? addWorkingDays(ctx.base, Number(m[1])) : addDays(ctx.base, Number(m[1])));
  }

  taken = null;
  const recs: FoundDeadline[] = [];
  const cued = new Map<RegExp, boolean>();
  for (const [re, rec, cue] of /định kỳ|hàng|hằng|tháng|thứ|lần/iu.test(text) ? REC_RES : []) {
    let has = cued.get(cue);
    if (has === undefined) cued.set(cue, (has = cue.test(text)));
    if (!has) continue;
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      if (recs.some((x) => m.index < x.end && end > x.index)) continue;
      recs.push({ text: tidy(m[0]), date: null, recurrence: rec, index: m.index, end });
    }
  }
  // A recurrence right before or after a date is one deadline: "6 tháng, năm (trước 15/12)", "trước ngày 20/11 hàng năm".
  for (const r of recs) {
    if (dates.some((d) => d.recurrence !== null && r.index < d.end && r.end > d.index)) continue;
    // "6 tháng, năm … trước ngày 10/6 và 10/12 hằng năm": the period is already the dated schedule's own.
    const same = dates.find((d) => d.recurrence === r.recurrence && d.date !== null && r.end <= d.index && d.index - r.end <= 80 && !/[.;]/.test(text.slice(r.end, d.index)));
    if (same) {
      same.text = tidy(text.slice(r.index, same.end));
      same.index = r.index;
      continue;
    }
    const near = dates.find(
      (d) =>
        d.recurrence === null &&
        ((r.index < d.end && r.end > d.index) ||
          (r.end <= d.index && d.index - r.end <= (r.recurrence === "periodic" ? 20 : 80) && !/[.;]/.test(text.slice(r.end, d.index))) ||
          (d.end <= r.index && r.index - d.end <= 3 && !/[.;]/.test(text.slice(d.end, r.index))) ||
          // "trước ngày 25/06 đối với báo cáo 06 tháng": the date of that report.
          (d.end <= r.index && /^\s*đối với\s+(?:các\s+)?(?:kỳ\s+)?$/iu.test(text.slice(d.end, r.index)))),
    );
    if (near) {
      const overlaps = r.index < near.end && r.end > near.index;
      const start = overlaps ? near.index : Math.min(near.index, r.index);
      let end = Math.max(near.end, r.end);
      if (text[end] === ")" && text.slice(start, end).includes("(")) end++;
      near.text = tidy(text.slice(start, end));
      near.recurrence = r.recurrence;
      near.index = start;
      near.end = end;
      if (near.date && !/\d{4}/.test(near.text)) {
        const [, mo, d] = near.date.split("-").map(Number) as [number, number, number];
        near.date = nextOccurrence(d, mo, ctx, true);
        // "trước ngày 15/6 và 15/12": the first of the stated days still to come.
        const more = /^\s*(?:và|,)\s*(?:ngày\s+)?(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/])/u.exec(text.slice(near.end));
        const other = more ? nextOccurrence(Number(more[1]), Number(more[2]), ctx, true) : null;
        if (more && other && near.date && other < near.date) {
          near.date = other;
          near.end += more[0].length;
          near.text = tidy(text.slice(near.index, near.end));
        }
      }
    } else {
      dates.push(r);
    }
  }
  // "Trước ngày 05/4, 05/7, 05/10, 05/01": a list of report days through the year is a schedule; its spacing is the
  // period, and the deadline is the first listed day after the document's date.
  for (const m of dateLike ? text.matchAll(DAY_LIST_RE) : []) {
    const days = [...m[0].matchAll(/(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/])/gu)].map((x) => [Number(x[1]), Number(x[2])] as const);
    const gaps = days.slice(1).map(([, mo], i) => (mo - days[i]![1] + 12) % 12);
    const common = [3, 6, 1].find((g) => gaps.filter((x) => x === g).length * 2 > gaps.length);
    const rec: Recurrence | null = common === 3 ? "quarterly" : common === 6 ? "semiannual" : common === 1 && days.length >= 6 ? "monthly" : null;
    if (!rec) continue;
    const next = days.map(([d, mo]) => nextOccurrence(d, mo, ctx, true)).filter((x): x is string => x !== null).sort()[0] ?? null;
    for (const x of dates.filter((x) => x.index < m.index + m[0].length && x.end > m.index)) dates.splice(dates.indexOf(x), 1);
    push(m.index, m[0], next, rec);
  }
  // A document with no date of its own gives a recurring day no next occurrence ("vào sáng thứ 7 hàng tuần").
  if (ctx.dated === false) for (const d of dates) if (d.recurrence && d.date && !/\d{4}/u.test(d.text)) d.date = null;
  // "Định kỳ, … báo cáo chậm nhất là ngày 07 hàng tháng": the bare "định kỳ" names no period; a stated one wins.
  const stated = dates.some((d) => d.recurrence !== null && d.recurrence !== "periodic");
  const kept = stated ? dates.filter((d) => !(d.recurrence === "periodic" && d.date === null)) : dates;
  if (kept.length === 0) kept.push(...openStarts(text, ctx));
  return kept.sort((a, b) => a.index - b.index);
}

/** Open starts with no end ("nghỉ học từ sáng ngày 8/12/2022"): the weakest cue, read only when the text states no other
 *  time ("Đưa vào hoạt động từ ngày 1/7/2025, phấn đấu hoàn thành trước ngày 15/7/2025" is due on the 15th). A day
 *  already past when the document was written is a state that began then ("từ ngày 01/7/2025, nước ta có 34 tỉnh"). */
function openStarts(text: string, ctx: DateContext): FoundDeadline[] {
  const out: FoundDeadline[] = [];
  if (!/từ/iu.test(text) || !/\d/u.test(text)) return out;
  for (const m of text.matchAll(BARE_FROM_RE)) {
    const p = dmy([...m], 1);
    // A day needs its word or its year: "mỗi tổ từ 6 - 12 cán bộ" is a count.
    if (!p || (p[2] === null && !/ngày/iu.test(m[0]))) continue;
    if (UNTIL_NOW_RE.test(text.slice(m.index + m[0].length))) continue;
    const date = p[2] !== null ? iso(p[2], p[1], p[0]) : nextOccurrence(p[0], p[1], ctx, false);
    if (!date || (ctx.dated !== false && date < ctx.base)) continue;
    if (pageStamp(text, m.index, m.index + m[0].length) || LUNAR_AFTER_RE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 24))) continue;
    out.push({ text: tidy(m[0]), date, recurrence: null, index: m.index, end: m.index + m[0].length });
  }
  return out;
}

const OPEN_START_PHRASE = new RegExp(`^(?:${BARE_FROM_RE.source})$`, "iu");
/** Whether a phrase is an open start ("từ 0 giờ ngày 11-2-2020"), not a window with its end. */
export function isOpenStart(phrase: string): boolean {
  return OPEN_START_PHRASE.test(phrase);
}

/** The first taken span that ends after `index` (spans sorted and disjoint, so their ends are sorted too). */
function takenAfter(taken: FoundDeadline[], index: number): number {
  let lo = 0;
  let hi = taken.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (taken[mid]!.end <= index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function overlapsTaken(taken: FoundDeadline[], index: number, end: number): boolean {
  const next = taken[takenAfter(taken, index)];
  return next !== undefined && next.index < end;
}

// "Cập nhật lúc: …", "Ngày đăng: …" (not "cập nhật số liệu trước ngày …": the verb).
const STAMP_BEFORE_RE = /(?:cập nhật|đăng(?:\s+tải)?|ngày đăng|xuất bản)\s*(?:lúc\s*:?|ngày\s*:|:)\s*(?:ngày\s*)?$/iu;
function pageStamp(text: string, start: number, end: number): boolean {
  const digit = text.slice(start, end).search(/\d/u);
  if (STAMP_BEFORE_RE.test(text.slice(Math.max(0, start - 25), digit < 0 ? start : start + digit))) return true;
  // Only a short stretch either side is looked at: on a long line without breaks a whole-line slice per date would be
  // quadratic, and a page's stamp line is short anyway.
  const from = Math.max(0, start - 80);
  const back = text.slice(from, start);
  const nl = back.lastIndexOf("\n");
  if (nl < 0 && from > 0) return false;
  const before = back.slice(nl + 1);
  const ahead = text.slice(end, end + 80);
  const stop = ahead.indexOf("\n");
  if (stop < 0 && end + 80 < text.length) return false;
  const after = stop < 0 ? ahead : ahead.slice(0, stop);
  // Only a weekday date alone on its line with the clock time of posting after it.
  return /^[\s|\-–,]*$/u.test(before) && /^(?:thứ|chủ)/iu.test(text.slice(start, end)) && /^[\s|\-–,]*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[(\[]?GMT[+\d:]*[)\]]?)?[\s|.]*$/iu.test(after);
}
const DONE_BEFORE_RE = /(?:^|[^\p{L}])đã\s+(?:được\s+)?(?:thực hiện|tổ chức|triển khai|diễn ra|làm|đạt)\s*$/iu;
// "Hồi 07 giờ ngày 13/9, vị trí tâm bão ở vào khoảng …", "đến 19 giờ ngày 13/9, vị trí tâm áp thấp …", "Vị trí và
// hướng di chuyển của bão số 7 lúc 9h sáng 14/10/2020": the time a storm's position is observed or forecast.
const STORM_AT = /vị\s+trí(?:\s+và\s+hướng\s+di\s+chuyển)?(?:\s+của)?\s+(?:tâm\s+)?(?:cơn\s+)?(?:bão|áp\s+thấp)/iu;
function observed(text: string, start: number, end: number): boolean {
  const from = Math.max(text.lastIndexOf(".", start), text.lastIndexOf(";", start), text.lastIndexOf("\n", start)) + 1;
  const stop = text.slice(end).search(/[.;\n]/u);
  return STORM_AT.test(text.slice(from, stop < 0 ? text.length : end + stop));
}

const tidy = (phrase: string) => phrase.replace(/^[\s.;:,]+|[\s.;:,]+$/gu, "");

/** Day/month without a year: in the context year, or for a recurring one the next occurrence from the base day. */
function nextOccurrence(d: number, m: number, ctx: DateContext, recurring: boolean): string | null {
  const inYear = iso(ctx.year, m, d);
  if (!inYear) return inYear;
  if (recurring) return inYear > ctx.base ? inYear : iso(ctx.year + 1, m, d);
  // "trước ngày 15/01" in a dispatch of late December means next January.
  return ctx.base.startsWith(String(ctx.year)) && inYear < addDays(ctx.base, -60) ? iso(ctx.year + 1, m, d) : inYear;
}

/** The deadline a task's own text states: the first one, or null. */
export function firstDeadline(text: string, ctx: DateContext): Deadline | null {
  const found = findDeadlines(text, ctx)[0];
  return found ? { text: found.text, date: found.date, recurrence: found.recurrence } : null;
}
