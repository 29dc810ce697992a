/// Who may represent the creditor in court for a claim of a given value.
///
/// A certified judicial scrivener (認定司法書士) may represent a party and negotiate for
/// claims within the summary courts' limit, 1,400,000 yen (司法書士法3条1項6号・7号,
/// 裁判所法33条1項1号); above it only a lawyer (弁護士) may, though a scrivener may still
/// draft documents for the creditor to file itself (司法書士法3条1項4号). A business may
/// always act for itself. Collecting other people's claims for a fee is a lawyer's
/// monopoly (弁護士法72条).
public enum Representation {
    /// The summary courts' claim-value limit, which is also the scrivener's.
    public static let scrivenerLimit: Money = 1_400_000

    public static func hint(claimValue: Money) -> RepresentationHint {
        if claimValue <= scrivenerLimit {
            return RepresentationHint(
                scrivenerMayRepresent: true,
                text:
                    "up to \(scrivenerLimit): a certified judicial scrivener (認定司法書士) or a lawyer may represent you (司法書士法3条); the summary court hears it (裁判所法33条)"
            )
        }
        return RepresentationHint(
            scrivenerMayRepresent: false,
            text:
                "above \(scrivenerLimit): only a lawyer (弁護士) may represent you; a judicial scrivener may only draft documents (司法書士法3条). A lawsuit goes to the district court (裁判所法24条・33条)"
        )
    }
}

public struct RepresentationHint: Hashable, Sendable, Codable {
    public var scrivenerMayRepresent: Bool
    public var text: String
}
