"""Sentences of the genre, with slots: ``{topic}`` the subject ("thông tin đối ngoại"), ``{place}``
the province ("tỉnh Lào Cai"), ``{P}`` its short form ("tỉnh" / "Thành phố"), ``{y}`` the year,
``{obj}`` a task object of the topic.

None of them names a document or an agency: the generator adds those itself, so the truth knows
every citation and assignment in the text.
"""

from __future__ import annotations

VERBS = (
    "Tổ chức",
    "Triển khai",
    "Xây dựng, triển khai",
    "Tăng cường",
    "Đẩy mạnh",
    "Duy trì, nâng cao chất lượng",
    "Rà soát, hoàn thiện",
    "Theo dõi, đôn đốc",
    "Hướng dẫn, kiểm tra",
    "Tiếp tục thực hiện",
    "Nghiên cứu, đề xuất",
    "Tham mưu triển khai",
    "Phối hợp thực hiện",
    "Chỉ đạo, tổ chức",
)

SCOPES = (
    "trên địa bàn {place}",
    "tại các cơ quan, đơn vị",
    "tại các địa phương",
    "trong toàn ngành",
    "ở cấp tỉnh và cấp huyện",
    "",
    "",
)

PURPOSES = (
    "nhằm nâng cao nhận thức của cán bộ, đảng viên và Nhân dân",
    "góp phần thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm {y}",
    "bảo đảm thiết thực, hiệu quả, tiết kiệm",
    "phù hợp với tình hình thực tế của địa phương",
    "đáp ứng yêu cầu nhiệm vụ trong tình hình mới",
    "tạo sự đồng thuận trong xã hội",
    "nâng cao hiệu quả quản lý nhà nước về {topic}",
    "",
    "",
    "",
)

EXTRA = (
    "Định kỳ báo cáo kết quả thực hiện theo quy định.",
    "Lồng ghép với các nhiệm vụ chính trị của đơn vị.",
    "Ưu tiên các nội dung có tính lan tỏa cao trên không gian mạng.",
    "Chú trọng đổi mới hình thức, nâng cao chất lượng nội dung.",
    "Tổng hợp khó khăn, vướng mắc, đề xuất giải pháp tháo gỡ.",
    "Bảo đảm đúng tiến độ, chất lượng, hiệu quả.",
)

PURPOSE_BULLETS = (
    "Triển khai thực hiện có hiệu quả các chủ trương của Đảng, chính sách, pháp luật của Nhà nước về {topic}; nâng cao nhận thức, trách nhiệm của các cấp, các ngành và Nhân dân.",
    "Tiếp tục đẩy mạnh công tác {topic} trên địa bàn {place}, góp phần thực hiện thắng lợi các mục tiêu phát triển kinh tế - xã hội năm {y}.",
    "Phát huy sức mạnh tổng hợp của cả hệ thống chính trị; huy động sự tham gia tích cực của các tầng lớp Nhân dân trong công tác {topic}.",
    "Nâng cao hiệu lực, hiệu quả quản lý nhà nước về {topic}; kịp thời phát hiện, tháo gỡ khó khăn, vướng mắc trong quá trình tổ chức thực hiện.",
    "Xác định cụ thể nội dung công việc, thời hạn hoàn thành và trách nhiệm của các cơ quan, đơn vị trong việc triển khai thực hiện.",
    "Tạo sự chuyển biến rõ nét về nhận thức và hành động của cán bộ, công chức, viên chức và người lao động đối với công tác {topic}.",
)

REQUIREMENT_BULLETS = (
    "Bảo đảm sự lãnh đạo, chỉ đạo thống nhất, sự phối hợp chặt chẽ, đồng bộ giữa các cơ quan, đơn vị trong quá trình tổ chức thực hiện.",
    "Các nhiệm vụ phải được triển khai thường xuyên, liên tục, có trọng tâm, trọng điểm, phù hợp với chức năng, nhiệm vụ của từng cơ quan, đơn vị.",
    "Nội dung thực hiện bảo đảm thiết thực, hiệu quả, tiết kiệm, tránh hình thức, lãng phí.",
    "Gắn việc thực hiện công tác {topic} với việc thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị, địa phương.",
    "Thường xuyên kiểm tra, đôn đốc, đánh giá kết quả thực hiện; kịp thời biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc.",
    "Phát huy vai trò của người đứng đầu các cơ quan, đơn vị trong việc lãnh đạo, chỉ đạo thực hiện.",
)

CONTENT_HEADINGS = (
    "Công tác lãnh đạo, chỉ đạo",
    "Công tác tuyên truyền, nâng cao nhận thức",
    "Hoàn thiện thể chế, chính sách",
    "Nâng cao năng lực đội ngũ cán bộ",
    "Ứng dụng công nghệ thông tin",
    "Công tác kiểm tra, giám sát",
    "Huy động các nguồn lực",
    "Hợp tác, phối hợp",
    "Tổ chức các hoạt động trọng tâm",
    "Công tác sơ kết, tổng kết",
)

CONTENT_BULLETS = (
    "Xây dựng, ban hành các văn bản chỉ đạo, hướng dẫn triển khai công tác {topic} năm {y}; bố trí nguồn lực bảo đảm cho việc thực hiện các nhiệm vụ được giao.",
    "Đổi mới nội dung, hình thức tuyên truyền về {topic}, chú trọng tuyên truyền trên nền tảng số và mạng xã hội; nâng cao chất lượng các tin, bài, phóng sự.",
    "Kiện toàn đội ngũ cán bộ làm công tác {topic}; tổ chức tập huấn, bồi dưỡng kiến thức, kỹ năng cho cán bộ, công chức, viên chức phụ trách.",
    "Tăng cường công tác kiểm tra, giám sát việc thực hiện; kịp thời phát hiện, chấn chỉnh những hạn chế, thiếu sót trong quá trình tổ chức thực hiện.",
    "Đẩy mạnh ứng dụng công nghệ thông tin trong quản lý, điều hành; từng bước số hóa dữ liệu phục vụ công tác {topic}.",
    "Huy động sự tham gia của các tổ chức, doanh nghiệp và cộng đồng dân cư; lồng ghép các nguồn lực để thực hiện các mục tiêu đề ra.",
    "Duy trì chế độ thông tin, báo cáo định kỳ; tổ chức sơ kết, đánh giá kết quả thực hiện, rút kinh nghiệm trong chỉ đạo, điều hành.",
    "Phát hiện, nhân rộng các mô hình hay, cách làm hiệu quả trong công tác {topic}; biểu dương, khen thưởng kịp thời các tập thể, cá nhân tiêu biểu.",
    "Chủ động nắm bắt tình hình, dự báo những vấn đề phát sinh; đề xuất các giải pháp phù hợp với điều kiện thực tế của địa phương.",
    "Tăng cường phối hợp giữa các cấp, các ngành trong triển khai thực hiện; bảo đảm thông tin thông suốt, kịp thời, chính xác.",
    "Nâng cao chất lượng, hiệu quả hoạt động của đội ngũ báo cáo viên, tuyên truyền viên ở cơ sở; cung cấp thông tin định hướng kịp thời cho cán bộ, đảng viên và Nhân dân.",
    "Rà soát, đánh giá kết quả thực hiện các nhiệm vụ của giai đoạn trước; xác định rõ những tồn tại, hạn chế và nguyên nhân để có giải pháp khắc phục trong thời gian tới.",
    "Bảo đảm các điều kiện về cơ sở vật chất, trang thiết bị phục vụ công tác {topic}; ưu tiên bố trí kinh phí cho các nhiệm vụ trọng tâm, cấp bách.",
    "Tổ chức các hoạt động hưởng ứng, thi đua với nhiều hình thức phong phú, thiết thực; tạo không khí phấn khởi, lan tỏa trong các tầng lớp Nhân dân.",
    "Chú trọng công tác đào tạo, bồi dưỡng, nâng cao trình độ chuyên môn, nghiệp vụ; từng bước chuyên nghiệp hóa đội ngũ cán bộ làm công tác {topic} ở các cấp.",
    "Đa dạng hóa các hình thức thông tin, tuyên truyền như tin, bài, phóng sự, chuyên trang, chuyên mục, pa nô, áp phích, tờ rơi; phát huy hiệu quả hệ thống loa truyền thanh cơ sở.",
)

SUB_BULLETS = (
    "Tập trung tuyên truyền các kết quả nổi bật của {place} trong công tác {topic}.",
    "Biên soạn tài liệu, đề cương tuyên truyền phù hợp với từng nhóm đối tượng.",
    "Tổ chức các hội nghị, hội thảo chuyên đề; trao đổi kinh nghiệm giữa các địa phương.",
    "Đăng tải thông tin trên cổng, trang thông tin điện tử của các cơ quan, đơn vị.",
    "Khảo sát, đánh giá nhu cầu thực tế để xây dựng nội dung phù hợp.",
)

FUNDING = (
    "Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách nhà nước theo phân cấp hiện hành và các nguồn huy động hợp pháp khác theo quy định của pháp luật.",
    "Các cơ quan, đơn vị căn cứ nhiệm vụ được giao lập dự toán kinh phí thực hiện, tổng hợp chung vào dự toán ngân sách hằng năm của đơn vị, gửi cơ quan tài chính cùng cấp thẩm định theo quy định.",
    "Kinh phí thực hiện các nhiệm vụ thuộc nhiệm vụ chi của cấp nào do ngân sách cấp đó bảo đảm; khuyến khích huy động các nguồn lực xã hội hóa.",
)

DUTIES = (
    "Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tổ chức triển khai thực hiện các nhiệm vụ được giao tại Kế hoạch này; định kỳ tổng hợp, báo cáo kết quả thực hiện.",
    "Tham mưu UBND {P} chỉ đạo, hướng dẫn, kiểm tra, đôn đốc việc triển khai thực hiện công tác {topic} trên địa bàn.",
    "Theo dõi, tổng hợp tình hình, kết quả thực hiện Kế hoạch; báo cáo UBND {P} trước ngày 15/12/{y}.",
    "Căn cứ chức năng, nhiệm vụ được giao, xây dựng kế hoạch cụ thể để triển khai thực hiện có hiệu quả các nội dung của Kế hoạch.",
    "Chủ động bố trí nhân lực, kinh phí để thực hiện các nhiệm vụ được phân công; lồng ghép với các chương trình, nhiệm vụ chuyên môn của đơn vị.",
    "Phối hợp chặt chẽ với các cơ quan, đơn vị trong việc cung cấp thông tin, tài liệu phục vụ công tác {topic}.",
    "Hướng dẫn các cơ quan, đơn vị lập dự toán kinh phí thực hiện Kế hoạch theo quy định; thẩm định, tham mưu bố trí kinh phí.",
    "Chỉ đạo các cơ quan chuyên môn, đơn vị trực thuộc triển khai thực hiện các nhiệm vụ theo Kế hoạch; kịp thời phản ánh khó khăn, vướng mắc.",
    "Tăng cường công tác kiểm tra, giám sát; đề xuất biểu dương, khen thưởng các tập thể, cá nhân có thành tích xuất sắc.",
    "Đẩy mạnh công tác tuyên truyền, phổ biến về {topic} trên các phương tiện thông tin đại chúng và hệ thống thông tin cơ sở.",
    "Quán triệt đến toàn thể cán bộ, công chức, viên chức và người lao động về mục đích, yêu cầu, nội dung của Kế hoạch; phân công cụ thể nhiệm vụ cho từng bộ phận, cá nhân.",
    "Kịp thời tổng hợp, phản ánh những khó khăn, vướng mắc phát sinh trong quá trình thực hiện, đề xuất cấp có thẩm quyền xem xét, giải quyết theo quy định.",
    "Cập nhật, đăng tải đầy đủ thông tin về kết quả thực hiện trên cổng, trang thông tin điện tử của đơn vị; bảo đảm chính xác, kịp thời.",
    "Lồng ghép việc thực hiện các nhiệm vụ của Kế hoạch với các chương trình, đề án, dự án có liên quan đang triển khai trên địa bàn.",
)

CLOSING = (
    "Trên đây là Kế hoạch {title_lower} của UBND {place}. Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời phản ánh về {agency} để tổng hợp, báo cáo UBND {P} xem xét, chỉ đạo giải quyết./.",
    "Trên đây là Kế hoạch {title_lower}, UBND {P} yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện; định kỳ 6 tháng, năm báo cáo kết quả thực hiện về {agency} để tổng hợp, báo cáo UBND {P}./.",
)

PRODUCTS = (
    "Báo cáo kết quả thực hiện",
    "Hội nghị, lớp tập huấn",
    "Tin, bài, phóng sự",
    "Ấn phẩm tuyên truyền",
    "Văn bản hướng dẫn",
    "Cơ sở dữ liệu được cập nhật",
    "",
)

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý")
MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Hữu", "Xuân", "Ngọc", "Thu")
GIVEN = ("Hùng", "Dũng", "Lan", "Hương", "Tuấn", "Sơn", "Hà", "Nam", "Thắng", "Bình", "Phương", "Long", "Hải")
