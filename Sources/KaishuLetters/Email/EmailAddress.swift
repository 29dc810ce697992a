/// A mailbox: an address with an optional display name (RFC 5322 §3.4).
public struct EmailAddress: Hashable, Sendable, Codable, CustomStringConvertible {
    public var name: String?
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// The part after `@`, lower-cased (the Message-ID's right-hand side).
    public var domain: String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let domain = address[address.index(after: at)...].lowercased()
        return domain.isEmpty ? nil : domain
    }

    /// A plausible address: one `@`, something on each side, no spaces or angle brackets.
    public var isValid: Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && address.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) && $0 != "<" && $0 != ">" }
    }

    public var description: String { name.map { "\($0) <\(address)>" } ?? address }

    /// The header pieces: display-name words (encoded or quoted), then `<address>`.
    func headerPieces(firstRoom: Int) -> [String] {
        guard let name, !name.isEmpty else { return [address] }
        let angle = "<\(address)>"
        if EncodedWord.isPlainASCII(name) {
            let specials = "()<>[]:;@\\,.\""
            let atom = !name.contains(where: { specials.contains($0) })
            let shown =
                atom
                ? name
                : "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                    + "\""
            return [shown, angle]
        }
        return EncodedWord.encode(name, firstLength: firstRoom) + [angle]
    }
}
