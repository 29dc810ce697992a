import Foundation
import KaishuCore

/// An event's payload: the `CaseFact` as JSON with sorted keys, in exactly the shape its `Codable`
/// conformance reads and writes (`{"payment":{"amount":120000}}`).
///
/// Why not `JSONEncoder`: on Linux it costs tens of microseconds per small value, which is most of
/// the time of a million-case demo or a large import. This writer produces the same bytes as
/// `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` — a test holds it to that for
/// every kind of fact — and decoding still goes through `JSONDecoder`, so the `Codable`
/// conformance stays the one definition of the format. The hash covers the stored text, so
/// verifying the chain never depends on re-encoding.
public enum FactJSON {
    public static func encode(_ fact: CaseFact) -> String {
        var out = JSONText()
        write(fact, into: &out)
        return out.text
    }

    public static func decode(_ payload: String) throws -> CaseFact {
        try JSONDecoder().decode(CaseFact.self, from: Data(payload.utf8))
    }

    /// Keys are written in sorted (byte) order by hand; `nil` optionals are left out, as the
    /// synthesized `encodeIfPresent` does.
    private static func write(_ fact: CaseFact, into out: inout JSONText) {
        switch fact {
        case .opened(let source):
            out.object("opened") { $0.field("source", string: source) }
        case .claimAdded(let claim):
            out.object("claimAdded") { o in
                o.key("_0")
                write(claim, into: &o)
            }
        case .contact(let log):
            out.object("contact") { o in
                o.key("_0")
                write(log, into: &o)
            }
        case .stageChanged(let from, let to, let reason, let court):
            out.object("stageChanged") { o in
                o.field("court", string: court)
                o.field("from", string: from.rawValue)
                o.field("reason", string: reason)
                o.field("to", string: to.rawValue)
            }
        case .payment(let amount):
            out.object("payment") { $0.field("amount", int: amount.yen) }
        case .acknowledgment(let note):
            out.object("acknowledgment") { $0.field("note", string: note) }
        case .demandDelivered(let reference):
            out.object("demandDelivered") { $0.field("reference", string: reference) }
        case .agreement(let until):
            out.object("agreement") { $0.field("until", string: until?.iso) }
        case .refusal:
            out.object("refusal") { _ in }
        case .judgment(let note):
            out.object("judgment") { $0.field("note", string: note) }
        case .proceedingEnded(let reason):
            out.object("proceedingEnded") { $0.field("reason", string: reason) }
        case .disputed(let on, let reason):
            out.object("disputed") { o in
                o.field("_0", bool: on)
                o.field("reason", string: reason)
            }
        case .hold(let on, let reason):
            out.object("hold") { o in
                o.field("_0", bool: on)
                o.field("reason", string: reason)
            }
        case .rescheduled(let to, let reason):
            out.object("rescheduled") { o in
                o.field("reason", string: reason)
                o.field("to", string: to.iso)
            }
        case .letterSent(let kind, let reference):
            out.object("letterSent") { o in
                o.field("kind", string: kind)
                o.field("reference", string: reference)
            }
        case .courtStep(let step):
            out.object("courtStep") { $0.field("_0", string: step.rawValue) }
        case .correction(let target, let replacement, let reason):
            out.object("correction") { o in
                o.field("of", int: target)
                o.field("reason", string: reason)
                if let replacement {
                    o.key("replacement")
                    write(replacement.fact, into: &o)
                }
            }
        }
    }

    private static func write(_ claim: Claim, into out: inout JSONText) {
        out.open()
        // The contract's damages terms are optional and left out when absent, so a claim
        // recorded without them encodes exactly as before they existed.
        if let rate = claim.agreedRate {
            out.key("agreedRate")
            out.open()
            out.field("perMillion", int: rate.perMillion)
            out.close()
        }
        out.field("amount", int: claim.amount.yen)
        if let consumer = claim.consumerContract { out.field("consumerContract", bool: consumer) }
        out.field("contractDate", string: claim.contractDate.iso)
        out.field("dayCount", string: claim.dayCount?.rawValue)
        out.field("dueDate", string: claim.dueDate?.iso)
        out.field("invoice", string: claim.invoice)
        out.field("kind", string: claim.kind.rawValue)
        out.field("knownDate", string: claim.knownDate?.iso)
        out.field("paidBefore", int: claim.paidBefore.yen)
        out.close()
    }

    private static func write(_ log: ContactLog, into out: inout JSONText) {
        out.open()
        out.field("callbackOn", string: log.callbackOn?.iso)
        out.field("callbackTime", string: log.callbackTime)
        out.field("channel", string: log.channel.rawValue)
        out.field("outcome", string: log.outcome.rawValue)
        if let promise = log.promise {
            out.key("promise")
            out.open()
            out.field("amount", int: promise.amount.yen)
            out.field("date", string: promise.date.iso)
            out.close()
        }
        out.field("text", string: log.text)
        out.field("time", string: log.time)
        out.close()
    }
}

/// A minimal JSON writer: objects, string/number/bool fields, and `JSONEncoder`'s string escapes.
///
/// It writes UTF-8 bytes and makes one `String` at the end: a payload is a few dozen small pieces,
/// and appending each to a `String` cost more than the rest of the encoding.
public struct JSONText {
    public init() {}

    private var bytes: [UInt8] = []
    private var needsComma = false

    /// The JSON written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func open() {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    public mutating func close() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// `{"name":{…}}`: the shape of an enum case with associated values.
    public mutating func object(_ name: String, _ body: (inout JSONText) -> Void) {
        open()
        key(name)
        open()
        body(&self)
        close()
        close()
    }

    public mutating func key(_ name: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        JSONText.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func field(_ name: String, string value: String?) {
        guard let value else { return }
        key(name)
        JSONText.appendQuoted(value, to: &bytes)
        needsComma = true
    }

    public mutating func field(_ name: String, int value: Int64) {
        key(name)
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    public mutating func field(_ name: String, bool value: Bool) {
        key(name)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    /// Appends a JSON string literal: quote, backslash and control characters escaped; everything
    /// else (Japanese text, `/`) as is.
    public static func appendQuoted(_ value: String, to text: inout String) {
        var bytes: [UInt8] = []
        appendQuoted(value, to: &bytes)
        text.append(String(decoding: bytes, as: UTF8.self))
    }

    static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
                case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
                case ..<0x20:
                    // JSONEncoder writes other controls as \u00XX in lower-case hex.
                    let digits = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: Array("\\u00".utf8))
                    bytes.append(digits[Int(byte >> 4)])
                    bytes.append(digits[Int(byte & 0x0F)])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
