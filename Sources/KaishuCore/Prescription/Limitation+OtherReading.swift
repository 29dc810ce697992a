extension Limitation {
    /// A last day under a reading of the law that Kaishu does not take but names in the basis,
    /// so that a user who prefers that reading — or wants the strictest date — can see it.
    public struct OtherReading: Hashable, Codable, Sendable {
        /// The last day the claim would survive on that reading.
        public var expires: CivilDate
        /// Which reading, with its source (e.g. "高松高判令和7年4月18日: the last of several demands counts").
        public var reading: String

        public init(expires: CivilDate, reading: String) {
            self.expires = expires
            self.reading = reading
        }
    }

    /// The earliest last day under any reading named in the basis: `expires`, or an earlier
    /// date a stricter reading gives. Act before it to be safe. `nil` while a proceeding is pending.
    public var earliestExpires: CivilDate? {
        guard let expires else { return nil }
        return ([expires] + otherReadings.map(\.expires)).min()
    }

    /// Whether the claim is past its last day on `today` (`false` while a proceeding is pending).
    public func hasExpired(on today: CivilDate) -> Bool {
        expires.map { today > $0 } ?? false
    }

    private enum CodingKeys: String, CodingKey {
        case law, start, expires, basis, acknowledgedAfterCompletion, otherReadings
    }

    /// Decodes values written before `otherReadings` existed (cached limitations stay readable).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            law: try container.decode(GoverningLaw.self, forKey: .law),
            start: try container.decode(CivilDate.self, forKey: .start),
            expires: try container.decodeIfPresent(CivilDate.self, forKey: .expires),
            basis: try container.decode([String].self, forKey: .basis),
            acknowledgedAfterCompletion: try container.decodeIfPresent(
                Bool.self, forKey: .acknowledgedAfterCompletion) ?? false,
            otherReadings: try container.decodeIfPresent(
                [OtherReading].self, forKey: .otherReadings) ?? []
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(law, forKey: .law)
        try container.encode(start, forKey: .start)
        try container.encode(expires, forKey: .expires)
        try container.encode(basis, forKey: .basis)
        try container.encode(acknowledgedAfterCompletion, forKey: .acknowledgedAfterCompletion)
        try container.encode(otherReadings, forKey: .otherReadings)
    }
}
