import Foundation

/// The form of address a Japanese letter uses for its addressee: 御中 for an organisation,
/// 様 for a person.
///
/// A debtor record does not say which it is, so the name decides: a legal form (株式会社,
/// 合同会社, 一般社団法人 …), its abbreviations ((株), ㈱ …), a foreign corporate suffix, or
/// a word naming an organisation (事務所, 商店 …) makes it an organisation. Anything else is
/// addressed as a person, which is also the polite default for a sole trader's own name.
public enum Honorific: String, Hashable, Codable, Sendable {
    /// 御中 — to an organisation (and never together with 様).
    case onchu = "御中"
    /// 様 — to a person.
    case sama = "様"

    public init(forName name: String) {
        self = Honorific.isOrganisation(name) ? .onchu : .sama
    }

    /// Legal forms and their abbreviations, in any position (前株 and 後株 alike).
    static let legalForms = [
        "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "相互会社",
        "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人", "特定非営利活動法人", "NPO法人",
        "医療法人", "社会福祉法人", "学校法人", "宗教法人", "独立行政法人", "国立大学法人",
        "弁護士法人", "税理士法人", "司法書士法人", "行政書士法人", "社会保険労務士法人", "監査法人",
        "特許業務法人", "農業協同組合", "生活協同組合", "協同組合", "事業協同組合", "有限責任事業組合",
        "(株)", "（株）", "(有)", "（有）", "(同)", "（同）", "(資)", "（資）", "(名)", "（名）",
        "(社)", "（社）", "(財)", "（財）", "(医)", "（医）", "(福)", "（福）", "(学)", "（学）",
        "㈱", "㈲", "㈾", "㈴", "㈳", "㈶", "㍿",
    ]

    /// Words that name an organisation rather than a person.
    static let organisationWords = [
        "事務所", "商店", "商会", "工務店", "製作所", "研究所", "病院", "医院", "クリニック",
        "協会", "組合", "大学", "学園", "役所", "役場",
    ]

    /// Foreign corporate suffixes, compared case-insensitively at the end of the name.
    static let foreignSuffixes = [
        "co., ltd.", "co.,ltd.", "co. ltd.", "co., ltd", "ltd.", "ltd", "inc.", "inc", "llc", "l.l.c.",
        "corporation", "corp.", "corp", "k.k.", "g.k.", "gmbh", "s.a.", "plc", "limited", "company",
    ]

    static func isOrganisation(_ name: String) -> Bool {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if legalForms.contains(where: { trimmed.contains($0) }) { return true }
        if organisationWords.contains(where: { trimmed.contains($0) }) { return true }
        let lower = trimmed.lowercased()
        return foreignSuffixes.contains { lower.hasSuffix(" " + $0) || lower.hasSuffix("," + $0) || lower == $0 }
    }
}
