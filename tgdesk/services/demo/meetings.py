"""The demo ward's meetings: monthly briefings, reviews, launches and the other conferences."""

from __future__ import annotations

from datetime import date
from random import Random

from tgdesk.domain.records import Meeting

from .. import demo_text as tx
from .generator import Gen, months

ROMAN_QUARTER = {1: "I", 2: "II", 3: "III", 4: "IV"}

ATTENDANCE = {"giao_ban": (18, 45), "so_ket": (60, 120), "tong_ket": (100, 180),
              "trien_khai": (50, 150), "tap_huan": (40, 90), "hoi_thi": (80, 200),
              "toa_dam": (30, 60), "doi_thoai": (50, 120), "khac": (15, 30)}
FILLER = (("giao_ban", 3.0), ("trien_khai", 2.0), ("tap_huan", 1.2), ("toa_dam", 1.0),
          ("doi_thoai", 1.0), ("hoi_thi", 0.6), ("khac", 0.6))


def make_meetings(g: Gen, leaders: dict) -> list[tuple[Meeting, str]]:
    """Each month's fixed meetings (briefings, reviews, anniversaries), then fillers."""
    r = g.rng
    out: list[tuple[Meeting, str]] = []
    chairs = (f"Đồng chí {leaders['secretary']}, Bí thư Đảng ủy phường",
              f"Đồng chí {leaders['deputy']}, Phó Bí thư Thường trực Đảng ủy phường",
              f"Đồng chí {leaders['deputy']}, Phó Bí thư Thường trực Đảng ủy phường")

    def add(d: date | None, kind: str, title: str, when: str, nxt: str) -> None:
        u = g.uuid()
        if d is None:
            return
        lo, hi = ATTENDANCE[kind]
        attendance = r.randint(lo, hi)
        contributions = r.randint(2, min(15, attendance // 3))
        out.append((Meeting(held_on=d, meeting_type=kind, title=title,
                            place=r.choice(tx.PLACES), chaired_by=r.choice(chairs),
                            participants=tx.MEETING_PARTICIPANTS[kind], attendance=attendance,
                            contributions=contributions,
                            contents=contents(r, kind, when, contributions),
                            conclusions=r.choice(tx.CONCLUSIONS).format(next=nxt),
                            classification="mat" if r.random() < 0.03 else "thuong"), u))

    for y, m in months(g.start, g.today):
        month = f"tháng {m}/{y}"
        n_before = len(out)
        add(g.day(y, m, 22, 28), "giao_ban", f"Giao ban công tác tuyên giáo {month}",
            month, "tháng tới")
        add(g.day(y, m, 5, 15), "giao_ban", f"Giao ban cộng tác viên dư luận xã hội {month}",
            month, "tháng tới")
        if m in (3, 6, 9):
            q = m // 3
            title = {3: f"Sơ kết công tác tuyên giáo quý I năm {y}",
                     6: f"Sơ kết công tác tuyên giáo 6 tháng đầu năm, triển khai nhiệm vụ trọng "
                        f"tâm 6 tháng cuối năm {y}",
                     9: f"Sơ kết công tác tuyên giáo 9 tháng đầu năm {y}"}[m]
            add(g.day(y, m, 15, 28), "so_ket", title,
                {3: f"quý I năm {y}", 6: f"6 tháng đầu năm {y}", 9: f"9 tháng đầu năm {y}"}[m],
                "những tháng cuối năm" if m == 9 else "thời gian tới")
            add(g.day(y, m, 8, 20), "giao_ban",
                f"Giao ban đội ngũ báo cáo viên quý {ROMAN_QUARTER[q]}/{y}", f"quý "
                f"{ROMAN_QUARTER[q]}", "quý tới")
        if m == 12:
            add(g.day(y, m, 15, 28), "tong_ket",
                f"Tổng kết công tác tuyên giáo năm {y}, triển khai phương hướng, nhiệm vụ năm "
                f"{y + 1}", f"năm {y}", f"năm {y + 1}")
            add(g.day(y, m, 8, 14), "giao_ban", f"Giao ban đội ngũ báo cáo viên quý IV/{y}",
                "quý IV", "quý tới")
        if m in tx.ANNIVERSARIES:
            event, since = tx.ANNIVERSARIES[m]
            add(g.day(y, m, 3, 15), "trien_khai",
                f"Triển khai kế hoạch tuyên truyền kỷ niệm {y - since} năm "
                + event.format(y=y), month, "các tháng tới")
        target = r.randint(4, 8)
        while len(out) - n_before < target:
            before = len(out)
            kind = r.choices([k for k, _ in FILLER], [w for _, w in FILLER])[0]
            kp = f"khu phố {r.randint(1, 8)}"
            title = {
                "giao_ban": r.choice((f"Giao ban khối Mặt trận Tổ quốc – đoàn thể {month}",
                                      f"Giao ban công tác dân vận {month}")),
                "trien_khai": r.choice(tx.LAUNCH_TITLES),
                "tap_huan": r.choice(tx.TRAINING_TITLES),
                "toa_dam": r.choice(tx.TALK_TITLES),
                "doi_thoai": r.choice(tx.DIALOGUE_TITLES),
                "hoi_thi": r.choice(tx.CONTEST_TITLES),
                "khac": r.choice(("Họp Ban Chỉ đạo 35 phường",
                                  "Họp Ban Chỉ đạo thực hiện Chỉ thị 05-CT/TW của phường",
                                  "Họp Ban biên tập bản tin nội bộ phường")),
            }[kind].format(y=y, kp=kp)
            add(g.day(y, m), kind, title, month, "tháng tới")
            if len(out) == before and r.random() < 0.5:
                break  # the day fell in the future: the current month is not over
    out.sort(key=lambda pair: pair[0].held_on)
    return out


def contents(r: Random, kind: str, when: str, contributions: int) -> str:
    """The minutes' contents as an officer writes them for a meeting of ``kind``."""
    if kind in ("giao_ban", "so_ket", "tong_ket"):
        text = r.choice(tx.OPENERS).format(when=when)
        text += "; ".join(r.sample(tx.ACHIEVEMENTS, r.randint(2, 3))) + ". "
        return text + r.choice(tx.LIMITS) + f" Có {contributions} ý kiến tham luận, đóng góp."
    if kind == "trien_khai":
        return ("Quán triệt mục đích, yêu cầu, nội dung kế hoạch; phân công các chi bộ, Mặt trận "
                "Tổ quốc và các đoàn thể tổ chức thực hiện; đẩy mạnh tuyên truyền trực quan bằng "
                "băng rôn, khẩu hiệu, pano, cờ và trên trang thông tin điện tử, nhóm Zalo khu phố.")
    if kind == "tap_huan":
        return ("Báo cáo viên truyền đạt các chuyên đề: kỹ năng nắm bắt, tổng hợp, phản ánh dư "
                "luận xã hội; kỹ năng tuyên truyền miệng; nhận diện và đấu tranh phản bác thông "
                "tin xấu độc trên mạng xã hội. Học viên trao đổi, thảo luận sôi nổi.")
    if kind == "hoi_thi":
        teams = r.randint(6, 14)
        return (f"Hội thi có {teams} đội của các chi bộ, đoàn thể tham gia với các phần thi chào "
                "hỏi, kiến thức và thuyết trình; Ban Tổ chức trao giải nhất, nhì, ba và các giải "
                "khuyến khích.")
    if kind == "toa_dam":
        return (f"Các đại biểu trình bày {contributions} ý kiến tham luận, trao đổi kinh nghiệm, "
                "đề xuất giải pháp nâng cao chất lượng công tác tuyên truyền ở cơ sở.")
    if kind == "doi_thoai":
        return (f"Người dân nêu {contributions} ý kiến về trật tự đô thị, vệ sinh môi trường, thủ "
                "tục hành chính; lãnh đạo phường trả lời trực tiếp, tiếp thu và giao bộ phận "
                "chuyên môn giải quyết.")
    return "Đánh giá tình hình, thống nhất nhiệm vụ thời gian tới; phân công thành viên thực hiện."

