/// What a claim is for. It matters only for claims under the old law (arising from contracts
/// made before 2020-04-01), whose limitation period depended on the kind of claim.
/// See `Prescription` and LEGAL.md §2 for the periods and articles.
public enum ClaimKind: String, CaseIterable, Codable, Sendable {
    case commercial
    case civil
    case medical
    case construction
    case retail
    case craft
    case tuition
    case transport
    case hospitality
    case rental
}
