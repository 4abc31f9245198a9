"""Word lists for the demo data: names, documents and phrasing as ward officers
write them (see the conference reports in the shared domain articles)."""

from __future__ import annotations

from tgdesk.domain import starter

# --- people ----------------------------------------------------------------

SURNAMES = (("Nguyễn", 30), ("Trần", 11), ("Lê", 10), ("Phạm", 7), ("Huỳnh", 5), ("Hoàng", 3),
            ("Phan", 4), ("Võ", 5), ("Vũ", 2), ("Đặng", 3), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 2),
            ("Ngô", 2), ("Dương", 1), ("Lý", 1), ("Trương", 2), ("Đinh", 1), ("Lâm", 1))
MALE_MIDDLE = ("Văn", "Văn", "Hữu", "Minh", "Quốc", "Đức", "Thanh", "Công", "Hoàng", "Ngọc")
FEMALE_MIDDLE = ("Thị", "Thị", "Thị", "Ngọc", "Thị Thu", "Thị Kim", "Thanh", "Thị Mỹ", "Thị Hồng")
MALE_GIVEN = ("Hùng", "Dũng", "Tuấn", "Minh", "Phúc", "Thành", "Long", "Hải", "Sơn", "Tâm",
              "Nam", "Bình", "Khang", "Trung", "Tài", "Hiếu", "Quang", "Lộc", "Vinh", "Nghĩa")
FEMALE_GIVEN = ("Hà", "Lan", "Hương", "Mai", "Hạnh", "Thảo", "Trang", "Loan", "Nga", "Phượng",
                "Yến", "Hằng", "Dung", "Liên", "Tuyết", "Vân", "Ngân", "Oanh")

BCV_WORKPLACES = ("Đảng ủy phường", "Ủy ban nhân dân phường", "Ủy ban Mặt trận Tổ quốc phường",
                  "Ban Tuyên giáo và Dân vận Đảng ủy phường", "Trường Trung học cơ sở trên địa bàn",
                  "Công an phường", "Ban Chỉ huy Quân sự phường")
TTV_WORKPLACES = ("Ban điều hành khu phố", "Chi hội Cựu chiến binh", "Chi hội Phụ nữ",
                  "Chi đoàn Thanh niên", "Ban công tác Mặt trận khu phố", "Chi hội Người cao tuổi")

# --- catalogues ------------------------------------------------------------

# The standard catalogues (domain/starter.py), as far as the demo uses them.
# Studied again every year in the demo:
RECURRING = frozenset({"05-CT/TW", "35-NQ/TW", "01-KL/TW", "144-QĐ/TW"})
# Standard documents the demo studies no session on: they joined the list after the
# demo's data was drawn, and studying them would change every later random draw.
NOT_STUDIED = frozenset({"04-NQ/TW", "21-NQ/TW", "44-NQ/TW"})
# (kind, number_symbol, issued_on, issuer, title, recurring: studied again every year)
DOCUMENTS = tuple((*d, d[1] in RECURRING) for d in starter.DOCUMENTS if d[1] not in NOT_STUDIED)
# CATEGORIES, the standard fields the demo has phrases for, follows OPINIONS below.

STREETS = ("Hậu Giang", "Lò Gốm", "Bình Tiên", "Phạm Văn Chí", "Bãi Sậy", "Văn Thân", "Minh Phụng")

# --- meetings --------------------------------------------------------------

PLACES = ("Hội trường Đảng ủy phường", "Hội trường Ủy ban nhân dân phường",
          "Phòng họp Đảng ủy phường", "Trung tâm Văn hóa – Thể thao phường")

MEETING_PARTICIPANTS = {
    "giao_ban": "Ban Tuyên giáo và Dân vận Đảng ủy, bí thư các chi bộ, trưởng ban điều hành "
                "các khu phố, cộng tác viên dư luận xã hội",
    "so_ket": "Ban Thường vụ Đảng ủy, bí thư các chi bộ, báo cáo viên, tuyên truyền viên, "
              "cộng tác viên dư luận xã hội",
    "tong_ket": "Ban Chấp hành Đảng bộ, bí thư các chi bộ, lãnh đạo Mặt trận Tổ quốc và các "
                "đoàn thể, báo cáo viên, tuyên truyền viên, cộng tác viên dư luận xã hội",
    "trien_khai": "Bí thư, phó bí thư các chi bộ, lãnh đạo Mặt trận Tổ quốc và các đoàn thể "
                  "phường, trưởng ban điều hành các khu phố",
    "tap_huan": "Cấp ủy viên các chi bộ, báo cáo viên, tuyên truyền viên, cộng tác viên dư luận "
                "xã hội",
    "hoi_thi": "Các đội thi của chi bộ, đoàn thể; cán bộ, đảng viên và Nhân dân cổ vũ",
    "toa_dam": "Cán bộ lão thành, cựu chiến binh, đại diện các chi bộ, đoàn viên thanh niên",
    "doi_thoai": "Bí thư Đảng ủy, Chủ tịch Ủy ban nhân dân phường, đại diện các hộ dân",
    "khac": "Cán bộ, đảng viên và Nhân dân trên địa bàn",
}

OPENERS = (
    "Hội nghị đã đánh giá kết quả thực hiện công tác tuyên giáo {when}; ",
    "Báo cáo tại hội nghị nêu rõ: {when}, hệ thống tuyên giáo từ phường đến các chi bộ đã bám sát "
    "sự chỉ đạo của cấp trên và cấp ủy, tham mưu triển khai toàn diện các hoạt động tuyên giáo; ",
    "Trong {when}, Đảng ủy đã chủ động tham mưu lãnh đạo công tác chính trị, tư tưởng; ",
)
ACHIEVEMENTS = (
    "việc học tập, quán triệt nghị quyết, chỉ thị của Đảng được thực hiện nghiêm túc, tỷ lệ đảng "
    "viên tham dự đạt cao",
    "kịp thời nắm bắt, phản ánh tình hình tư tưởng, dư luận xã hội, góp phần giải quyết các vấn đề "
    "bức xúc ngay tại cơ sở",
    "đẩy mạnh tuyên truyền miệng, tuyên truyền trực quan, khai thác hiệu quả mạng xã hội, nhóm "
    "Zalo khu phố",
    "việc thực hiện Chỉ thị 05-CT/TW tiếp tục tạo sự lan tỏa sâu rộng, nhiều mô hình, điển hình "
    "được nhân rộng",
    "chủ động đấu tranh, phản bác các quan điểm sai trái, thù địch trên không gian mạng theo Nghị "
    "quyết 35-NQ/TW",
    "tuyên truyền các chỉ tiêu kinh tế – xã hội, cải cách hành chính, chuyển đổi số đến cán bộ, "
    "đảng viên và các tầng lớp Nhân dân",
)
LIMITS = (
    "Tuy nhiên, việc nắm bắt dư luận ở một số khu phố còn chậm, chất lượng thông tin phản ánh "
    "chưa đều.",
    "Bên cạnh đó, một số chi bộ chưa chủ động trong việc tổ chức học tập, bài thu hoạch còn sơ sài.",
    "Tuy nhiên, hình thức tuyên truyền ở một số nơi chưa phong phú, chưa thu hút đoàn viên, "
    "thanh niên.",
    "Hạn chế là việc cập nhật, báo cáo số liệu của một số chi bộ còn chậm so với quy định.",
)
CONCLUSIONS = (
    "Đồng chí chủ trì biểu dương kết quả đạt được; đề nghị các chi bộ tiếp tục làm tốt công tác "
    "nắm bắt và định hướng dư luận xã hội, kịp thời báo cáo những vấn đề phát sinh.",
    "Đề nghị các chi bộ, đoàn thể tập trung triển khai nhiệm vụ trọng tâm {next}, gắn với thực "
    "hiện Chỉ thị 05-CT/TW và Kết luận 01-KL/TW.",
    "Thống nhất giao Ban Tuyên giáo và Dân vận theo dõi, đôn đốc; các chi bộ báo cáo kết quả "
    "trước ngày 20 hằng tháng.",
    "Yêu cầu đội ngũ báo cáo viên, tuyên truyền viên bám sát cơ sở, đổi mới hình thức tuyên "
    "truyền, phản bác kịp thời thông tin xấu độc trên mạng xã hội.",
    "Hội nghị thống nhất các giải pháp khắc phục hạn chế; phân công cấp ủy viên phụ trách khu phố "
    "trực tiếp nắm tình hình.",
)

TRAINING_TITLES = (
    "Tập huấn nghiệp vụ công tác tuyên giáo cho cấp ủy viên các chi bộ năm {y}",
    "Tập huấn kỹ năng nắm bắt, phản ánh dư luận xã hội cho cộng tác viên năm {y}",
    "Tập huấn kỹ năng tuyên truyền, đấu tranh phản bác quan điểm sai trái trên mạng xã hội",
    "Bồi dưỡng nghiệp vụ cho đội ngũ báo cáo viên, tuyên truyền viên năm {y}",
)
CONTEST_TITLES = (
    "Hội thi báo cáo viên, tuyên truyền viên giỏi năm {y}",
    "Hội thi tìm hiểu về bảo vệ nền tảng tư tưởng của Đảng năm {y}",
    "Hội thi “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” năm {y}",
    "Hội thi tuyên truyền chuyển đổi số, cải cách hành chính năm {y}",
)
TALK_TITLES = (
    "Tọa đàm “Nâng cao hiệu quả tuyên truyền miệng trong tình hình mới”",
    "Tọa đàm “Phát huy vai trò cộng tác viên dư luận xã hội ở khu phố”",
    "Tọa đàm “Đoàn viên thanh niên với việc bảo vệ nền tảng tư tưởng của Đảng trên không gian "
    "mạng”",
    "Tọa đàm kể chuyện về tấm gương đạo đức Hồ Chí Minh",
)
DIALOGUE_TITLES = (
    "Đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân {kp}",
    "Đối thoại với đoàn viên, thanh niên năm {y}",
    "Đối thoại với hộ kinh doanh về trật tự đô thị, vệ sinh môi trường",
)
LAUNCH_TITLES = (
    "Triển khai kế hoạch tuyên truyền bảo vệ nền tảng tư tưởng của Đảng năm {y}",
    "Triển khai kế hoạch tuyên truyền cải cách hành chính, chuyển đổi số năm {y}",
    "Triển khai chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm {y}",
    "Triển khai kế hoạch thực hiện công tác nắm bắt dư luận xã hội năm {y}",
)

# month -> (event of the month, year it started) for anniversary launches
ANNIVERSARIES = {
    1: ("Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/{y})", 1930),
    4: ("Ngày giải phóng miền Nam, thống nhất đất nước (30/4/1975 – 30/4/{y})", 1975),
    5: ("Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – 19/5/{y})", 1890),
    8: ("Cách mạng Tháng Tám và Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam "
        "(02/9/1945 – 02/9/{y})", 1945),
}

# --- opinions --------------------------------------------------------------

# category name -> attitude group -> summaries. {kp} khu phố, {st} street.
OPINIONS = {
    "Đất đai – môi trường": {
        "good": ("Nhân dân {kp} phấn khởi khi công trình chống ngập trên đường {st} hoàn thành, "
                 "tình trạng ngập cục bộ khi mưa lớn được cải thiện rõ.",
                 "Các hộ dân {kp} đồng tình với việc ra quân thu gom rác, khơi thông cống rãnh, "
                 "môi trường khu phố sạch đẹp hơn."),
        "worried": ("Một số hộ dân {kp} băn khoăn về tiến độ bồi thường, giải phóng mặt bằng dự án "
                    "nâng cấp, mở rộng đường {st}.",
                    "Người dân {kp} băn khoăn về thời gian giải quyết hồ sơ cấp giấy chứng nhận "
                    "quyền sử dụng đất còn kéo dài.",
                    "Một số hộ dân {kp} lo ngại tình trạng ngập nước khi triều cường kết hợp mưa "
                    "lớn trên đường {st}."),
        "angry": ("Một số hộ dân {kp} bức xúc do rác thải tồn đọng tại điểm tập kết trên đường "
                  "{st}, gây mùi hôi, mất vệ sinh.",
                  "Các hộ dân bị ảnh hưởng dự án trên đường {st} bức xúc vì đơn giá bồi thường "
                  "chưa sát giá thị trường."),
    },
    "Trật tự đô thị": {
        "good": ("Nhân dân {kp} đồng tình với đợt ra quân lập lại trật tự lòng đường, vỉa hè trên "
                 "đường {st}.",),
        "worried": ("Một số hộ kinh doanh trên đường {st} băn khoăn về chỗ để xe, buôn bán sau "
                    "khi thực hiện chỉnh trang vỉa hè.",
                    "Người dân {kp} băn khoăn về việc một số công trình sửa chữa nhà ở chưa được "
                    "kiểm tra, xử lý dứt điểm."),
        "angry": ("Người dân {kp} bức xúc về tình trạng buôn bán lấn chiếm lòng đường, vỉa hè "
                  "tái diễn trên đường {st}, gây ùn tắc giờ cao điểm.",),
    },
    "Giá cả, đời sống": {
        "good": ("Nhân dân {kp} phấn khởi, tin tưởng trước các chính sách hỗ trợ người lao động, "
                 "giá cả hàng hóa thiết yếu ổn định.",),
        "worried": ("Một số hộ dân {kp} băn khoăn về giá điện, giá nước sinh hoạt tăng, ảnh hưởng "
                    "đến đời sống người lao động.",
                    "Người lao động tự do ở {kp} băn khoăn về việc làm, thu nhập chưa ổn định.",
                    "Tiểu thương chợ trên đường {st} lo lắng sức mua giảm, buôn bán khó khăn."),
        "angry": ("Một số người dân {kp} bức xúc về tình trạng tăng giá thuê phòng trọ, giá điện "
                  "nước tại nhà trọ vượt quy định.",),
    },
    "Thủ tục hành chính": {
        "good": ("Người dân {kp} đánh giá cao thái độ phục vụ tại Trung tâm phục vụ hành chính "
                 "công phường, hồ sơ được giải quyết đúng hẹn.",
                 "Nhân dân {kp} đồng tình với việc đẩy mạnh dịch vụ công trực tuyến, giảm thời "
                 "gian đi lại."),
        "worried": ("Một số người cao tuổi ở {kp} băn khoăn vì chưa quen thực hiện thủ tục trên "
                    "dịch vụ công trực tuyến.",
                    "Người dân {kp} băn khoăn về việc cập nhật địa chỉ mới trên căn cước, giấy tờ "
                    "sau sắp xếp đơn vị hành chính."),
        "angry": ("Một số người dân bức xúc vì hồ sơ đăng ký biến động đất đai bị yêu cầu bổ "
                  "sung nhiều lần.",),
    },
    "Sắp xếp tổ chức bộ máy": {
        "good": ("Cán bộ, đảng viên và Nhân dân {kp} đồng tình, ủng hộ chủ trương sắp xếp tổ chức "
                 "bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả.",
                 "Nhân dân {kp} tin tưởng bộ máy chính quyền phường mới gần dân, sát dân hơn."),
        "worried": ("Một số cán bộ không chuyên trách băn khoăn về chế độ, chính sách khi sắp xếp "
                    "lại khu phố.",
                    "Người dân {kp} băn khoăn về địa điểm liên hệ giải quyết công việc sau khi "
                    "sắp xếp trụ sở."),
        "angry": (),
    },
    "An sinh xã hội": {
        "good": ("Nhân dân {kp} phấn khởi, tin tưởng trước việc chăm lo Tết cho hộ nghèo, hộ cận "
                 "nghèo, gia đình chính sách chu đáo, đúng đối tượng.",
                 "Các gia đình chính sách ở {kp} đồng tình với việc chi trả trợ cấp kịp thời, "
                 "công khai."),
        "worried": ("Một số hộ cận nghèo {kp} băn khoăn về tiêu chí xét duyệt hộ nghèo giai đoạn "
                    "mới.",
                    "Người lao động ở {kp} băn khoăn về việc rút bảo hiểm xã hội một lần."),
        "angry": (),
    },
    "Giáo dục, y tế": {
        "good": ("Phụ huynh {kp} đồng tình với chính sách miễn học phí cho học sinh, giảm gánh "
                 "nặng chi phí cho gia đình.",
                 "Người dân {kp} đánh giá cao việc khám sức khỏe định kỳ cho người cao tuổi tại "
                 "trạm y tế phường."),
        "worried": ("Phụ huynh {kp} băn khoăn về các khoản thu đầu năm học và việc dạy thêm, học "
                    "thêm.",
                    "Một số người dân {kp} lo ngại dịch sốt xuất huyết gia tăng vào mùa mưa."),
        "angry": ("Một số phụ huynh bức xúc về sĩ số lớp học đông tại trường tiểu học trên địa "
                  "bàn.",),
    },
    "An ninh trật tự": {
        "good": ("Nhân dân {kp} đồng tình, đánh giá cao mô hình “Camera an ninh” góp phần giữ "
                 "vững an ninh trật tự khu phố.",),
        "worried": ("Người dân {kp} lo lắng về tình trạng lừa đảo chiếm đoạt tài sản qua điện "
                    "thoại, mạng xã hội.",
                    "Một số hộ dân {kp} băn khoăn về hoạt động cho vay tín dụng đen, dán quảng cáo "
                    "trên cột điện."),
        "angry": ("Người dân {kp} bức xúc về tình trạng trộm cắp xe máy vào ban đêm trong các "
                  "hẻm trên đường {st}.",
                  "Một số hộ dân bức xúc về tình trạng thanh thiếu niên tụ tập, đua xe gây mất "
                  "trật tự trên đường {st}."),
    },
    "Thông tin trên mạng xã hội": {
        "good": ("Đoàn viên, thanh niên {kp} tích cực chia sẻ thông tin tích cực, gương người tốt "
                 "việc tốt trên nhóm Zalo khu phố.",),
        "worried": ("Một số người dân {kp} hoang mang trước thông tin chưa được kiểm chứng trên "
                    "mạng xã hội về việc thu hồi đất.",
                    "Người dân băn khoăn về một số clip cắt ghép lan truyền trên mạng xã hội liên "
                    "quan đến cán bộ phường."),
        "angry": (),
        "contrary": ("Một số tài khoản mạng xã hội đăng tải thông tin xuyên tạc chủ trương sắp xếp "
                     "tổ chức bộ máy, đã được nhắc nhở, định hướng.",
                     "Phát hiện một số bình luận trái chiều, kích động về công tác giải phóng mặt "
                     "bằng trên đường {st}, đã báo cáo Ban Chỉ đạo 35 phường."),
    },
    "Chủ trương, chính sách mới": {
        "good": ("Cán bộ, đảng viên và Nhân dân {kp} phấn khởi, tin tưởng vào các nghị quyết mới "
                 "của Bộ Chính trị về phát triển kinh tế tư nhân, khoa học, công nghệ.",
                 "Nhân dân {kp} đồng tình với các chủ trương, chính sách mới, tin tưởng vào sự "
                 "lãnh đạo của Đảng."),
        "worried": ("Một số hộ kinh doanh {kp} băn khoăn về việc chuyển đổi từ thuế khoán sang kê "
                    "khai, sử dụng hóa đơn điện tử.",),
        "angry": (),
    },
}

# Hot spots (điểm nóng) the demo places in its last full months, so that a recent
# opinion report has one to list: (category, summary, proposal, passed to).
HOT_SPOTS = (
    ("Đất đai – môi trường",
     "Khoảng 20 hộ dân {kp} bị ảnh hưởng dự án mở rộng đường {st} nhiều lần kéo đến trụ sở "
     "Ủy ban nhân dân phường phản đối đơn giá bồi thường, có nguy cơ khiếu kiện đông người.",
     "Đề nghị tổ chức đối thoại với các hộ dân, giải thích rõ chính sách, tránh phát sinh khiếu "
     "kiện đông người.", "Ủy ban nhân dân phường"),
    ("An ninh trật tự",
     "Nhiều hộ dân {kp} phản ứng gay gắt về tình trạng thanh thiếu niên tụ tập đua xe trên "
     "đường {st} vào ban đêm, một số người dân định tự chặn đường.",
     "Đề nghị Công an phường tăng cường tuần tra, kiểm soát, nắm chắc tình hình địa bàn.",
     "Công an phường"),
)

PROPOSALS = (
    "Đề nghị Ủy ban nhân dân phường kiểm tra, xử lý dứt điểm và thông tin kết quả cho Nhân dân.",
    "Đề nghị tổ chức đối thoại với các hộ dân, giải thích rõ chính sách, tránh phát sinh khiếu "
    "kiện đông người.",
    "Đề nghị Công an phường tăng cường tuần tra, kiểm soát, nắm chắc tình hình địa bàn.",
    "Đề nghị chi bộ, ban điều hành khu phố vận động, giải thích để người dân hiểu, đồng thuận.",
)
PASSED_TO = ("Ủy ban nhân dân phường", "Công an phường", "Thường trực Đảng ủy phường",
             "Ủy ban Mặt trận Tổ quốc phường", "Ban điều hành khu phố")

# The standard opinion fields (domain/starter.py) the demo has phrases for, in their order.
CATEGORIES = tuple(c for c in starter.CATEGORIES if c[0] in OPINIONS)
