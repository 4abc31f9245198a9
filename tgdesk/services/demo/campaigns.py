"""The demo ward's propaganda campaigns: each year's anniversaries (03/02 with Tết,
30/4, 19/5, 2/9, 18/11), the Party congresses every five years and the elections
the year after, with their date ranges; and the standard recurring themes (the
environment month, the drug-prevention month, traffic safety, Chỉ thị 05,
Nghị quyết 35), one undated row each, which the records of their season use.

Names follow the standard campaigns (domain/starter.py, written the same way for
every year), so a database set up with them reuses their rows. ``Drive`` keeps
beside a campaign what the records draw on: the days it runs in the demo (a
recurring theme's season of one year), the phrase a title continues with,
whether households hang flags, whether a performance closes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tgdesk import vnformat as vf
from tgdesk.domain import starter
from tgdesk.domain.records import Campaign

from .generator import Gen

# The first day of the lunar new year (Tết Nguyên đán); other years: early February.
TET = {2016: date(2016, 2, 8), 2017: date(2017, 1, 28), 2018: date(2018, 2, 16),
       2019: date(2019, 2, 5), 2020: date(2020, 1, 25), 2021: date(2021, 2, 12),
       2022: date(2022, 2, 1), 2023: date(2023, 1, 22), 2024: date(2024, 2, 10),
       2025: date(2025, 1, 29), 2026: date(2026, 2, 17), 2027: date(2027, 2, 6),
       2028: date(2028, 1, 26), 2029: date(2029, 2, 13), 2030: date(2030, 2, 3)}
STEMS = ("Canh", "Tân", "Nhâm", "Quý", "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ")
BRANCHES = ("Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi")
# Election days of the National Assembly and the people's councils (others: a Sunday in May).
ELECTIONS = {2016: date(2016, 5, 22), 2021: date(2021, 5, 23), 2026: date(2026, 3, 15)}

# The standard recurring themes (undated rows of starter.CAMPAIGNS) the demo uses.
ENVIRONMENT = "Tháng hành động vì môi trường"
DRUGS = "Tháng hành động phòng, chống ma túy"
TRAFFIC = "An toàn giao thông"
HO_CHI_MINH = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
FOUNDATION = ("Bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, "
              "thù địch")
RECURRING = (ENVIRONMENT, DRUGS, TRAFFIC, HO_CHI_MINH, FOUNDATION)
ADMINISTRATIVE = "Sắp xếp đơn vị hành chính, tổ chức chính quyền địa phương hai cấp"


def can_chi(y: int) -> str:
    """The lunar year's name: 2026 → "Bính Ngọ"."""
    return f"{STEMS[y % 10]} {BRANCHES[(y - 4) % 12]}"


def roman(n: int) -> str:
    out = ""
    for value, digits in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + digits, n - value
    return out


@dataclass
class Drive:
    """A campaign as the demo's records use it in one year."""
    campaign: Campaign
    starts_on: date                 # the days it runs (a recurring theme: its season)
    ends_on: date
    phrase: str                     # continues a title: "chào mừng kỷ niệm 96 năm …"
    flags: bool = True              # flags hung by households (anniversaries, congresses)
    stage: bool = False             # a performance or a sports day near its end
    hostile: str | None = None      # what hostile content online turns on meanwhile
    id: int | None = None


def dated(name: str, first: date, last: date, phrase: str, note: str | None = None,
          **how) -> Drive:
    return Drive(Campaign(name, first, last, note), first, last, phrase, **how)


def theme(name: str, first: date, last: date, phrase: str, **how) -> Drive:
    """A season of a recurring theme: the catalogue row has no dates."""
    note = next((n for c, s, _e, n in starter.CAMPAIGNS if c == name and s is None), None)
    return Drive(Campaign(name, None, None, note or None), first, last, phrase, **how)


def year_drives(y: int) -> list[Drive]:
    """The campaigns of year ``y``, in the order they start."""
    tet = TET.get(y, date(y, 2, 5))
    out = [
        dated(f"Kỷ niệm {y - 1930} năm Ngày thành lập Đảng Cộng sản Việt Nam "
              f"(3/2/1930 – 3/2/{y})", min(date(y, 1, 15), tet - timedelta(days=25)),
              max(date(y, 2, 10), tet + timedelta(days=10)),
              f"mừng Đảng, mừng Xuân {can_chi(y)} {y}", f"Mừng Đảng, mừng Xuân {can_chi(y)} {y}",
              stage=True, hostile="lịch sử Đảng Cộng sản Việt Nam"),
        theme(TRAFFIC, tet - timedelta(days=30), tet + timedelta(days=15),
              f"về bảo đảm trật tự, an toàn giao thông dịp Tết {can_chi(y)}", flags=False),
        dated(f"Kỷ niệm {y - 1975} năm Ngày giải phóng miền Nam, thống nhất đất nước "
              f"(30/4/1975 – 30/4/{y})", date(y, 4, 10), date(y, 5, 5),
              f"chào mừng kỷ niệm {y - 1975} năm Ngày giải phóng miền Nam, thống nhất đất "
              "nước", stage=True, hostile="ý nghĩa Ngày giải phóng miền Nam, thống nhất đất nước"),
        dated(f"Kỷ niệm {y - 1890} năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/{y})",
              date(y, 5, 5), date(y, 5, 25),
              f"kỷ niệm {y - 1890} năm Ngày sinh Chủ tịch Hồ Chí Minh", stage=True),
        theme(ENVIRONMENT, date(y, 6, 1), date(y, 6, 30),
              f"hưởng ứng Tháng hành động vì môi trường năm {y}", flags=False),
        theme(DRUGS, date(y, 6, 1), date(y, 6, 30),
              f"hưởng ứng Tháng hành động phòng, chống ma túy năm {y}", flags=False),
        dated(f"Kỷ niệm {y - 1945} năm Cách mạng tháng Tám và Quốc khánh 2/9 (1945–{y})",
              date(y, 8, 10), date(y, 9, 5),
              f"chào mừng kỷ niệm {y - 1945} năm Cách mạng tháng Tám và Quốc khánh 2/9",
              "Cách mạng tháng Tám 19/8/1945; Quốc khánh nước Việt Nam Dân chủ Cộng hòa "
              "2/9/1945", stage=True),
        dated(f"Ngày hội Đại đoàn kết toàn dân tộc năm {y} (18/11)", date(y, 11, 1),
              date(y, 11, 18), f"chào mừng Ngày hội Đại đoàn kết toàn dân tộc năm {y}",
              f"Kỷ niệm {y - 1930} năm Ngày truyền thống Mặt trận Tổ quốc Việt Nam "
              f"(18/11/1930 – 18/11/{y})", stage=True),
    ]
    if y % 5 == 0:      # the Party congresses of the term y–y+5, the national one in January
        term = f"nhiệm kỳ {y}–{y + 5}"
        congress = roman(13 + (y + 1 - 2021) // 5)
        out += [dated(f"Chào mừng Đại hội đại biểu Đảng bộ phường {term}", date(y, 6, 1),
                      date(y, 8, 15), f"chào mừng Đại hội đại biểu Đảng bộ phường {term}",
                      hostile="công tác chuẩn bị đại hội đảng bộ các cấp"),
                dated(f"Chào mừng Đại hội đại biểu Đảng bộ Thành phố {term}", date(y, 9, 20),
                      date(y, 10, 31), f"chào mừng Đại hội đại biểu Đảng bộ Thành phố {term}",
                      hostile="công tác nhân sự đại hội đảng bộ các cấp"),
                dated(f"Chào mừng Đại hội đại biểu toàn quốc lần thứ {congress} của Đảng",
                      date(y, 12, 1), date(y + 1, 2, 28),
                      f"chào mừng thành công Đại hội đại biểu toàn quốc lần thứ {congress} của "
                      "Đảng", hostile=f"công tác nhân sự Đại hội {congress} của Đảng")]
    if y % 5 == 1:      # the elections, the year after the congresses
        day = ELECTIONS.get(y) or next(date(y, 5, d) for d in range(31, 17, -1)
                                       if date(y, 5, d).weekday() == 6)
        what = (f"bầu cử đại biểu Quốc hội khóa {roman(14 + (y - 2016) // 5)} và đại biểu "
                f"HĐND các cấp nhiệm kỳ {y}–{y + 5}")
        out.append(dated("Chào mừng " + what, day - timedelta(days=60), day + timedelta(days=5),
                         "chào mừng cuộc " + what.replace("HĐND", "Hội đồng nhân dân"),
                         f"Ngày bầu cử: Chủ nhật, {vf.short_date(day)}",
                         hostile="cuộc bầu cử đại biểu Quốc hội và Hội đồng nhân dân"))
    if y == 2025:
        out.append(dated(ADMINISTRATIVE, date(2025, 4, 15), date(2025, 7, 15),
                         "về sắp xếp đơn vị hành chính, tổ chức chính quyền địa phương hai cấp",
                         "Chính quyền địa phương hai cấp hoạt động từ ngày 01/7/2025",
                         flags=False, hostile="chủ trương sắp xếp đơn vị hành chính"))
    out.sort(key=lambda d: d.starts_on)
    return out


def all_year(y: int) -> list[Drive]:
    """The year-round themes: Chỉ thị 05 and Nghị quyết 35 (talks, rebuttals online)."""
    return [theme(HO_CHI_MINH, date(y, 1, 1), date(y, 12, 31),
                  "về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                  flags=False),
            theme(FOUNDATION, date(y, 1, 1), date(y, 12, 31),
                  "về bảo vệ nền tảng tư tưởng của Đảng, phản bác các quan điểm sai trái, thù "
                  "địch", flags=False)]


def make_drives(g: Gen, abbrev: str) -> tuple[list[Drive], list[Drive]]:
    """The campaigns of the demo's window (begun by today) and the year-round themes'
    seasons. A dated campaign is noted with the plan of the ward's standing committee
    it follows ("Theo Kế hoạch số 12-KH/ĐU …", numbered in order through each year)."""
    years = range(g.start.year - 1, g.today.year + 1)
    drives = [d for y in years for d in year_drives(y)
              if d.ends_on >= g.start and d.starts_on <= g.today]
    drives.sort(key=lambda d: d.starts_on)
    numbers: dict[int, int] = {}
    for d in drives:
        c = d.campaign
        if c.starts_on is None:
            continue
        issued = c.starts_on - timedelta(days=g.rng.randint(7, 20))
        numbers[issued.year] = numbers.get(issued.year, g.rng.randint(2, 9)) \
            + g.rng.randint(2, 9)
        plan = (f"Theo Kế hoạch số {numbers[issued.year]:02d}-KH/{abbrev} ngày "
                f"{vf.short_date(issued)} của Ban Thường vụ Đảng ủy phường.")
        c.note = f"{c.note}. {plan}" if c.note else plan
        c.active = c.ends_on >= g.today - timedelta(days=90)
    themes = [d for y in years for d in all_year(y)
              if d.ends_on >= g.start and d.starts_on <= g.today]
    return drives, themes


def catalogue(drives: list[Drive]) -> list[Campaign]:
    """Each campaign once (a recurring theme has many seasons), in order of first use."""
    seen: dict[str, Campaign] = {}
    for d in drives:
        seen.setdefault(d.campaign.name, d.campaign)
    return list(seen.values())
