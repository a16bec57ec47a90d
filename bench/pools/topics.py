"""What plans are about: a topic gives the title, the task objects and who usually leads.

``leads`` is the topic's ranking of lead bodies (registry slugs; ``{pcs}`` is the party
committee's slug, ``vhttdl`` the culture department, ``du-lich`` the tourism one): the
generator draws section agencies from it with a Zipf-like skew, so the first two or three
lead most tasks, as in real plans.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    slug: str
    name: str  # "thông tin đối ngoại"
    titles: tuple[str, ...]  # "{y}" year, "{place}" "tỉnh Lào Cai"
    objects: tuple[str, ...]  # what a task works on
    leads: tuple[str, ...]
    national: tuple[str, ...]  # national bodies that coordinate (registry slugs under vn/)


TOPICS: tuple[Topic, ...] = (
    Topic(
        "ttdn",
        "thông tin đối ngoại",
        (
            "Tổ chức hoạt động thông tin đối ngoại năm {y}",
            "Triển khai công tác thông tin đối ngoại trên địa bàn {place} năm {y}",
            "Thông tin đối ngoại của {place} năm {y}",
        ),
        (
            "công tác tuyên truyền, quảng bá hình ảnh, tiềm năng, thế mạnh của địa phương ra nước ngoài",
            "các ấn phẩm thông tin đối ngoại bằng tiếng Việt và tiếng nước ngoài",
            "chuyên trang, chuyên mục thông tin đối ngoại trên báo in, báo điện tử",
            "các lớp tập huấn, bồi dưỡng nghiệp vụ thông tin đối ngoại cho cán bộ, công chức",
            "việc cung cấp thông tin cho phóng viên báo chí nước ngoài đến làm việc tại địa phương",
            "hệ thống thông tin đối ngoại tại khu vực cửa khẩu quốc tế",
            "công tác đấu tranh, phản bác các thông tin sai lệch về chủ quyền biển, đảo, biên giới",
            "hội nghị thông tin về công tác người Việt Nam ở nước ngoài",
            "công tác theo dõi, tổng hợp dư luận báo chí nước ngoài về địa phương",
            "hoạt động giao lưu văn hóa, hữu nghị với các địa phương nước ngoài có quan hệ hợp tác",
        ),
        (
            "so-tttt",
            "so-ngoai-vu",
            "ban-tuyen-giao-{pcs}",
            "vhttdl",
            "trung-tam-xuc-tien",
            "cong-an",
            "lien-hiep-cac-to-chuc-huu-nghi",
            "bo-chi-huy-bdbp",
            "du-lich",
            "so-cong-thuong",
            "so-tai-chinh",
            "dai-pt-th",
        ),
        (
            "bo-ngoai-giao",
            "bo-tttt",
            "thong-tan-xa-viet-nam",
            "dai-truyen-hinh-viet-nam",
            "dai-tieng-noi-viet-nam",
        ),
    ),
    Topic(
        "cds",
        "chuyển đổi số",
        (
            "Chuyển đổi số {place} năm {y}",
            "Triển khai nhiệm vụ chuyển đổi số trên địa bàn {place} năm {y}",
            "Phát triển chính quyền số và bảo đảm an toàn thông tin mạng năm {y}",
        ),
        (
            "nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh",
            "hệ thống thông tin giải quyết thủ tục hành chính của tỉnh",
            "cơ sở dữ liệu chuyên ngành phục vụ quản lý nhà nước",
            "việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
            "các lớp bồi dưỡng kỹ năng số cho cán bộ, công chức, viên chức",
            "hạ tầng mạng truyền số liệu chuyên dùng của các cơ quan đảng, nhà nước",
            "công tác bảo đảm an toàn thông tin mạng theo mô hình bốn lớp",
            "dịch vụ công trực tuyến toàn trình",
            "hoạt động của các tổ công nghệ số cộng đồng",
            "việc thanh toán không dùng tiền mặt trong các dịch vụ công",
        ),
        (
            "so-tttt",
            "so-noi-vu",
            "van-phong-ubnd",
            "so-khcn",
            "so-ke-hoach-va-dau-tu",
            "so-tai-chinh",
            "cong-an",
            "so-y-te",
            "so-gddt",
            "so-tu-phap",
        ),
        ("bo-tttt", "bo-cong-an", "van-phong-chinh-phu"),
    ),
    Topic(
        "cchc",
        "cải cách hành chính",
        (
            "Cải cách hành chính nhà nước năm {y}",
            "Thực hiện công tác cải cách hành chính trên địa bàn {place} năm {y}",
        ),
        (
            "việc rà soát, đơn giản hóa thủ tục hành chính",
            "công tác kiểm tra cải cách hành chính tại các cơ quan, đơn vị",
            "việc xác định Chỉ số cải cách hành chính của các sở, ban, ngành",
            "hoạt động của Trung tâm Phục vụ hành chính công",
            "việc khảo sát sự hài lòng của người dân, doanh nghiệp",
            "công tác tuyên truyền về cải cách hành chính",
            "việc sắp xếp tổ chức bộ máy, tinh giản biên chế",
            "việc công khai thủ tục hành chính trên Cổng dịch vụ công",
        ),
        (
            "so-noi-vu",
            "van-phong-ubnd",
            "so-tu-phap",
            "so-tttt",
            "so-tai-chinh",
            "so-ke-hoach-va-dau-tu",
            "thanh-tra",
        ),
        ("bo-noi-vu", "van-phong-chinh-phu"),
    ),
    Topic(
        "pbgdpl",
        "phổ biến, giáo dục pháp luật",
        (
            "Phổ biến, giáo dục pháp luật năm {y}",
            "Triển khai công tác phổ biến, giáo dục pháp luật trên địa bàn {place} năm {y}",
        ),
        (
            "việc phổ biến các luật mới được Quốc hội thông qua",
            "Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam",
            "việc xây dựng, củng cố tủ sách pháp luật tại cơ sở",
            "hội nghị tập huấn nghiệp vụ cho báo cáo viên pháp luật",
            "việc biên soạn, phát hành tài liệu phổ biến pháp luật cho đồng bào dân tộc thiểu số",
            "cuộc thi tìm hiểu pháp luật trực tuyến",
            "công tác hòa giải ở cơ sở",
            "việc chuẩn tiếp cận pháp luật tại cấp xã",
        ),
        (
            "so-tu-phap",
            "so-tttt",
            "cong-an",
            "so-gddt",
            "so-ldtbxh",
            "uy-ban-mttq",
            "doan-thanh-nien",
            "hoi-lhpn",
        ),
        ("bo-tu-phap",),
    ),
    Topic(
        "ngay-le",
        "tuyên truyền kỷ niệm các ngày lễ lớn",
        (
            "Tuyên truyền kỷ niệm các ngày lễ lớn, sự kiện lịch sử năm {y}",
            "Tổ chức các hoạt động kỷ niệm các ngày lễ lớn trên địa bàn {place} năm {y}",
        ),
        (
            "công tác trang trí, cổ động trực quan tại các trục đường chính",
            "chương trình nghệ thuật chào mừng các ngày lễ lớn",
            "các hoạt động thể dục, thể thao quần chúng",
            "việc treo cờ Tổ quốc tại các cơ quan, công sở và hộ gia đình",
            "chuyên mục tuyên truyền về các sự kiện lịch sử của đất nước và địa phương",
            "hoạt động thăm hỏi, tặng quà gia đình chính sách, người có công",
            "lễ dâng hương tại các di tích lịch sử",
            "triển lãm ảnh tư liệu về lịch sử Đảng bộ địa phương",
        ),
        (
            "ban-tuyen-giao-{pcs}",
            "vhttdl",
            "so-tttt",
            "bao",
            "dai-pt-th",
            "doan-thanh-nien",
            "hoi-cuu-chien-binh",
            "so-ldtbxh",
        ),
        ("ban-tuyen-giao-trung-uong",),
    ),
    Topic(
        "du-lich",
        "phát triển du lịch",
        (
            "Phát triển du lịch {place} năm {y}",
            "Xúc tiến, quảng bá du lịch năm {y}",
        ),
        (
            "các sản phẩm du lịch đặc trưng của địa phương",
            "hội chợ, triển lãm du lịch trong nước và quốc tế",
            "công tác đào tạo, bồi dưỡng nguồn nhân lực du lịch",
            "việc quản lý môi trường du lịch tại các khu, điểm du lịch",
            "chương trình kích cầu du lịch nội địa",
            "các đoàn khảo sát, làm phim quảng bá du lịch",
            "cơ sở dữ liệu du lịch và ứng dụng du lịch thông minh",
        ),
        ("du-lich", "vhttdl", "trung-tam-xuc-tien", "so-cong-thuong", "so-ngoai-vu", "so-gtvt", "so-tttt"),
        ("tong-cuc-du-lich", "bo-vhttdl", "hiep-hoi-du-lich-viet-nam"),
    ),
    Topic(
        "atgt",
        "bảo đảm trật tự, an toàn giao thông",
        (
            "Bảo đảm trật tự, an toàn giao thông năm {y}",
            "Thực hiện các giải pháp bảo đảm trật tự, an toàn giao thông trên địa bàn {place} năm {y}",
        ),
        (
            "công tác tuần tra, kiểm soát, xử lý vi phạm về trật tự, an toàn giao thông",
            "việc tuyên truyền pháp luật về trật tự, an toàn giao thông trong trường học",
            "việc rà soát, xử lý các điểm đen, điểm tiềm ẩn tai nạn giao thông",
            "công tác cấp cứu người bị tai nạn giao thông",
            "việc quản lý hoạt động vận tải hành khách bằng xe ô tô",
            "chương trình “Năm an toàn giao thông”",
        ),
        ("cong-an", "so-gtvt", "so-gddt", "so-tttt", "so-y-te", "doan-thanh-nien", "so-xay-dung"),
        ("bo-cong-an", "bo-gtvt"),
    ),
    Topic(
        "ntm",
        "xây dựng nông thôn mới",
        (
            "Xây dựng nông thôn mới năm {y}",
            "Xây dựng nông thôn mới trên địa bàn {place} năm {y}",
        ),
        (
            "các tiêu chí xã nông thôn mới nâng cao",
            "chương trình mỗi xã một sản phẩm",
            "việc huy động nguồn lực xây dựng kết cấu hạ tầng nông thôn",
            "mô hình sản xuất nông nghiệp ứng dụng công nghệ cao",
            "công tác bảo vệ môi trường nông thôn",
            "việc đào tạo nghề cho lao động nông thôn",
        ),
        (
            "so-nn-ptnt",
            "so-ke-hoach-va-dau-tu",
            "so-tai-chinh",
            "so-cong-thuong",
            "so-xay-dung",
            "so-tn-mt",
            "hoi-nong-dan",
        ),
        ("bo-nn-ptnt",),
    ),
    Topic(
        "bdg",
        "bình đẳng giới và vì sự tiến bộ của phụ nữ",
        (
            "Thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ năm {y}",
            "Thực hiện mục tiêu quốc gia về bình đẳng giới trên địa bàn {place} năm {y}",
        ),
        (
            "công tác truyền thông về bình đẳng giới",
            "việc lồng ghép vấn đề bình đẳng giới trong xây dựng văn bản quy phạm pháp luật",
            "các mô hình phòng ngừa, ứng phó với bạo lực trên cơ sở giới",
            "việc nâng cao tỷ lệ nữ tham gia cấp ủy và các cơ quan dân cử",
            "hoạt động Tháng hành động vì bình đẳng giới",
            "các lớp tập huấn kiến thức về giới cho cán bộ làm công tác bình đẳng giới",
        ),
        ("so-ldtbxh", "hoi-lhpn", "so-noi-vu", "so-gddt", "so-y-te", "so-tttt", "so-tu-phap"),
        ("bo-ldtbxh", "hoi-lhpn-viet-nam"),
    ),
    Topic(
        "mt",
        "bảo vệ môi trường",
        (
            "Bảo vệ môi trường trên địa bàn {place} năm {y}",
            "Triển khai công tác bảo vệ môi trường năm {y}",
        ),
        (
            "việc thu gom, xử lý chất thải rắn sinh hoạt",
            "công tác quan trắc môi trường",
            "việc kiểm tra các cơ sở sản xuất có nguy cơ gây ô nhiễm môi trường",
            "phong trào chống rác thải nhựa",
            "việc trồng cây xanh, bảo vệ rừng đầu nguồn",
            "hoạt động hưởng ứng Ngày Môi trường thế giới",
        ),
        ("so-tn-mt", "so-xay-dung", "so-nn-ptnt", "so-cong-thuong", "so-y-te", "cong-an", "doan-thanh-nien"),
        ("bo-tn-mt",),
    ),
    Topic(
        "yt",
        "phòng, chống dịch bệnh",
        (
            "Phòng, chống dịch bệnh truyền nhiễm trên địa bàn {place} năm {y}",
            "Triển khai công tác phòng, chống dịch bệnh năm {y}",
        ),
        (
            "công tác giám sát, phát hiện sớm các ca bệnh truyền nhiễm",
            "việc tiêm chủng mở rộng cho trẻ em",
            "công tác truyền thông phòng, chống dịch bệnh trên các phương tiện thông tin đại chúng",
            "việc bảo đảm thuốc, vật tư, trang thiết bị phục vụ phòng, chống dịch",
            "công tác vệ sinh an toàn thực phẩm tại các bếp ăn tập thể",
            "việc kiểm tra y tế tại các cửa khẩu",
        ),
        ("so-y-te", "so-tttt", "so-gddt", "cong-an", "so-ldtbxh", "so-tai-chinh", "bo-chi-huy-quan-su"),
        ("bo-y-te",),
    ),
)

#: Provinces with a separate Department of Tourism before 2025 (otherwise culture, sport and
#: tourism are one department).
TOURISM_DEPARTMENT = frozenset(
    {
        "ha-noi",
        "ho-chi-minh",
        "da-nang",
        "quang-ninh",
        "khanh-hoa",
        "lam-dong",
        "kien-giang",
        "quang-nam",
        "binh-dinh",
        "hai-phong",
    }
)
