"""Word lists of the demo's propaganda activities, online-team entries and
exemplary models, phrased as ward officers write them (see the shared domain
articles: visual propaganda and flags, loudspeakers, Zalo groups, the "nhóm 35",
the essay contest on protecting the Party's ideological foundation, Chỉ thị 05
models and exemplary people)."""

from __future__ import annotations

from .campaigns import FOUNDATION, HO_CHI_MINH

# --- propaganda ------------------------------------------------------------

# Everyday topics of the loudspeakers, the web page and the talks when no
# campaign runs: "Phát thanh tuyên truyền {topic}". {m}/{y}: the month. With the
# year-round theme it belongs to, if any (the record is then of that campaign).
TOPICS = (
    ("phòng, chống sốt xuất huyết, vệ sinh môi trường khu dân cư", None),
    ("phòng cháy, chữa cháy trong khu dân cư và nhà trọ", None),
    ("cảnh giác với thủ đoạn lừa đảo chiếm đoạt tài sản qua điện thoại, mạng xã hội", None),
    ("sử dụng dịch vụ công trực tuyến, thanh toán không dùng tiền mặt", None),
    ("bảo hiểm xã hội tự nguyện, bảo hiểm y tế hộ gia đình", None),
    ("phân loại chất thải rắn sinh hoạt tại nguồn", None),
    ("xây dựng nếp sống văn minh đô thị, giữ gìn trật tự lòng đường, vỉa hè", None),
    ("các chính sách mới có hiệu lực từ tháng {m}/{y}", None),
    ("kết quả thực hiện nhiệm vụ kinh tế – xã hội, quốc phòng – an ninh tháng {m}/{y}", None),
    ("học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", HO_CHI_MINH),
    ("những tấm gương điển hình trong học tập và làm theo Bác", HO_CHI_MINH),
    ("nhận diện, phản bác các quan điểm sai trái, thù địch trên mạng xã hội", FOUNDATION),
    ("phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa”", None),
)
RADIO_PLACES = ("Đài truyền thanh phường", "Hệ thống loa truyền thanh các khu phố",
                "Loa truyền thanh không dây các khu phố")
WEB_PLACES = ("Trang thông tin điện tử phường", "Trang Facebook Đảng ủy phường",
              "Trang Zalo OA Ủy ban nhân dân phường")
VISUAL_WARD_PLACES = ("Các tuyến đường chính, trụ sở Đảng ủy, Ủy ban nhân dân phường",
                      "Trụ sở cơ quan, trường học và các tuyến đường chính trên địa bàn",
                      "Các tuyến đường {st}, {st2} và trụ sở các cơ quan phường")
STAGES = ("Trung tâm Văn hóa – Thể thao phường", "Sân khấu ngoài trời Trung tâm Văn hóa "
          "– Thể thao phường", "Công viên trên đường {st}")
SHOWS = ("Chương trình văn nghệ {phrase}", "Hội diễn văn nghệ quần chúng {phrase}",
         "Liên hoan văn nghệ các khu phố {phrase}")
SPORTS = ("Giải bóng đá mini thanh niên {phrase}", "Ngày hội thể thao các khu phố {phrase}")
SPORT_PLACES = ("Sân bóng đá mini trên đường {st}", "Trung tâm Văn hóa – Thể thao phường")
LEAFLET_PLACES = ("Các hộ dân {kp}", "Trung tâm phục vụ hành chính công phường",
                  "Các hộ kinh doanh trên đường {st}", "Nhà trọ, khu lưu trú {kp}")
# {topic}: "về …" or a campaign's phrase.
TALKS = ("Tuyên truyền miệng tại buổi họp tổ dân phố {topic}",
         "Nói chuyện chuyên đề {topic}",
         "Tuyên truyền lồng ghép trong sinh hoạt chi hội Phụ nữ, Cựu chiến binh {topic}",
         "Tuyên truyền trực tiếp đến hộ gia đình {topic}")

# --- the online team (Nghị quyết 35-NQ/TW) ----------------------------------

# (channel, or None for any; what was posted or shared)
POSTS = ((None, "Chia sẻ tin, bài {phrase}"),
         ("zalo", "Chia sẻ tin, bài {phrase} trên nhóm Zalo {kp}"),
         (None, "Đăng infographic, video ngắn {phrase}"),
         ("facebook", "Chia sẻ bài viết của báo Đảng {phrase}"),
         (None, "Đăng tin gương người tốt, việc tốt ở {kp}"),
         (None, "Lan tỏa thông tin tích cực về kết quả chỉnh trang đô thị {kp}"),
         ("facebook", "Chia sẻ bài phản bác quan điểm sai trái của Tạp chí Cộng sản, Báo Nhân "
                      "Dân"),
         (None, "Đăng tin tuyên truyền {topic}"))
# (content kind, channel, what was found), {about}: what it turned on.
FOUND = (("sai_su_that", "facebook", "Tài khoản Facebook ẩn danh đăng tin sai sự thật về "
                                     "{about}, gây hoang mang trong Nhân dân"),
         ("xuyen_tac", "tiktok", "Kênh TikTok đăng clip cắt ghép, xuyên tạc phát biểu của cán "
                                 "bộ phường về {about}"),
         ("thu_dich", "facebook", "Trang Facebook do đối tượng ở nước ngoài quản lý đăng bài "
                                  "phủ nhận, xuyên tạc {about}"),
         ("kich_dong", "facebook", "Bình luận kích động người dân tụ tập, khiếu kiện đông người "
                                   "liên quan đến {about}"),
         ("sai_su_that", "zalo", "Tin giả về việc thu hồi đất, giải tỏa trên đường {st} lan "
                                 "truyền trong nhóm Zalo"),
         ("xuyen_tac", "facebook", "Bài viết bôi nhọ, xúc phạm cán bộ, đảng viên trong việc "
                                   "giải quyết hồ sơ hành chính"),
         ("thu_dich", "youtube", "Video trên YouTube xuyên tạc {about}, đòi “đa nguyên, đa "
                                 "đảng”"),
         ("sai_su_that", "tiktok", "Clip trên TikTok đưa tin thất thiệt về {about}"))
FOUND_ABOUT = ("chủ trương sắp xếp tổ chức bộ máy", "công tác bồi thường, giải phóng mặt bằng",
               "chính sách hỗ trợ người dân", "việc điều chỉnh giá điện, giá nước",
               "vai trò lãnh đạo của Đảng")
FOUND_ACTIONS = ("bao_cao_nen_tang", "phan_bac", "chuyen_co_quan", "da_go", "theo_doi")
FOUND_ACTION_WEIGHTS = (35, 25, 15, 15, 10)
PASSED_TO = {"chuyen_co_quan": ("Công an phường", "Tổ giúp việc Ban Chỉ đạo 35 phường"),
             "bao_cao_nen_tang": ("Tổ giúp việc Ban Chỉ đạo 35 phường",),
             "phan_bac": ("Thường trực Đảng ủy phường",)}
ORDINALS = ("Nhất", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười")

# --- Chỉ thị 05-CT/TW models and exemplary people --------------------------

# The year's theme (chuyên đề năm) of studying and following Hồ Chí Minh's
# thought, morality and style; other years: the term's theme.
THEMES = {
    2021: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, "
          "tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc",
    2022: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng đội ngũ "
          "cán bộ, đảng viên thật sự tiên phong, gương mẫu, có đạo đức cách mạng trong sáng",
    2023: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng văn hóa, "
          "con người Việt Nam phát triển toàn diện, đáp ứng yêu cầu phát triển bền vững đất nước",
    2024: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về phát huy sức mạnh "
          "đại đoàn kết toàn dân tộc, xây dựng đất nước phồn vinh, hạnh phúc",
    2025: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng Đảng và "
          "hệ thống chính trị trong sạch, vững mạnh, tinh gọn, hoạt động hiệu lực, hiệu quả",
    2026: "Thực hành tư tưởng, đạo đức, phong cách Hồ Chí Minh, nêu gương, tự soi, tự sửa, "
          "hết lòng phục vụ Nhân dân trong kỷ nguyên phát triển mới",
}
TERM_THEME = ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, "
              "tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc")
OLD_THEME = ("Xây dựng phong cách, tác phong công tác của người đứng đầu, của cán bộ, đảng viên "
             "trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh")

# (name, description); {kp}: the area, {st}: a street.
MODELS = (
    ("Mô hình “Hẻm xanh – sạch – đẹp – an toàn” {kp}",
     "Vận động các hộ dân trồng cây xanh, lắp đèn chiếu sáng, giữ vệ sinh hẻm; không còn "
     "điểm tập kết rác tự phát."),
    ("Mô hình “Camera an ninh” {kp}",
     "Các hộ dân góp kinh phí lắp camera giám sát các tuyến hẻm, kết nối với Công an phường."),
    ("Mô hình “Tủ sách pháp luật” {kp}",
     "Tủ sách đặt tại nhà văn hóa khu phố, phục vụ Nhân dân tìm hiểu pháp luật, chính sách."),
    ("Mô hình “Bữa cơm nghĩa tình” {kp}",
     "Mỗi tháng nấu và tặng suất cơm cho người neo đơn, hộ nghèo, người lao động khó khăn."),
    ("Mô hình “Dân vận khéo” trong vận động hiến đất mở rộng hẻm {kp}",
     "Vận động các hộ dân hiến đất, mở rộng hẻm; Nhân dân đồng thuận cao."),
    ("Mô hình “Nhóm Zalo khu phố – cầu nối giữa chính quyền với Nhân dân” {kp}",
     "Thông tin kịp thời chủ trương, chính sách; tiếp nhận và chuyển phản ánh của người dân "
     "đến các bộ phận giải quyết."),
    ("Mô hình “Phân loại rác tại nguồn” {kp}",
     "Các hộ dân phân loại rác tại nguồn, thu gom đúng giờ; khu phố sạch đẹp hơn."),
    ("Mô hình “Bình dân học vụ số” {kp}",
     "Đoàn viên thanh niên hướng dẫn người cao tuổi dùng dịch vụ công trực tuyến, thanh "
     "toán không dùng tiền mặt."),
    ("Mô hình “Khu phố không ma túy” {kp}",
     "Phối hợp Công an phường quản lý, giáo dục người sau cai nghiện; không phát sinh tụ "
     "điểm phức tạp."),
    ("Mô hình “Tổ tự quản an toàn giao thông” trên đường {st}",
     "Tổ tự quản nhắc nhở hộ kinh doanh không lấn chiếm vỉa hè, điều tiết giờ tan trường."),
)
COLLECTIVES = ("{cell}", "Ban điều hành {kp}", "Chi hội Phụ nữ {kp}",
               "Chi đoàn Thanh niên {kp}", "Chi hội Cựu chiến binh {kp}")
COLLECTIVE_DEEDS = ("Tiêu biểu trong thực hiện Chỉ thị 05-CT/TW, nhiều năm hoàn thành tốt "
                    "nhiệm vụ.",
                    "Đi đầu trong vận động Nhân dân tham gia chỉnh trang đô thị, giữ gìn an "
                    "ninh trật tự.",
                    "Tổ chức tốt việc chăm lo cho hộ nghèo, gia đình chính sách.")
# (who, with {kp} the area; deed; the Party cell of an agency, None: the area's)
PEOPLE = (
    ("Tổ trưởng tổ dân phố ở {kp}", "Nhiệt tình, sâu sát Nhân dân; vận động các hộ dân chấp "
                                    "hành tốt chủ trương, chính sách.", None),
    ("Trưởng Ban điều hành {kp}", "Gương mẫu vận động hiến đất mở rộng hẻm, giải quyết ổn "
                                  "thỏa các mâu thuẫn trong khu dân cư.", None),
    ("Chi hội trưởng Chi hội Phụ nữ {kp}", "Vận động hội viên giúp đỡ phụ nữ khó khăn vay vốn "
                                           "làm ăn, thoát nghèo.", None),
    ("Cựu chiến binh ở {kp}", "Nhiều năm tự nguyện giữ trật tự giao thông trước cổng trường "
                              "học.", None),
    ("Đoàn viên Chi đoàn {kp}", "Tích cực tham gia nhóm trực tuyến lan tỏa thông tin tích cực, "
                                "phản bác thông tin sai trái.", None),
    ("Công chức Ủy ban nhân dân phường", "Tận tụy phục vụ Nhân dân, giải quyết hồ sơ đúng và "
                                         "trước hẹn.", "Chi bộ Cơ quan Ủy ban nhân dân"),
    ("Chiến sĩ Công an phường", "Dũng cảm bắt giữ đối tượng trộm cắp, giúp đỡ người dân gặp "
                                "nạn.", "Chi bộ Công an"),
)
