import Crypto
import Foundation

/// The hash that chains the event log: SHA-256 over an event's content and the previous event's
/// hash, so that changing, removing or reordering any stored event breaks every hash after it.
///
/// The input is a domain tag followed by each field as a netstring (`<byte count>:<bytes>,`):
/// unambiguous whatever the fields contain (a newline in a note, a colon in an actor name), and
/// easy to recompute from the stored columns with any SHA-256 tool:
///
///     "kaishu-event-v1" seq case_id kind date recorded_at actor payload prev_hash
///
/// `seq` and `case_id` are decimal; `date` is `YYYY-MM-DD`; `payload` is the stored JSON text;
/// `prev_hash` is the previous event's hash in lower-case hex (64 zeros for the first event).
public struct EventContent: Hashable, Sendable {
    public var seq: Int64
    public var caseID: Int64
    public var kind: String
    public var date: String
    public var recordedAt: String
    public var actor: String
    public var payload: String
    public var prevHash: String

    public static let domain = "kaishu-event-v1"
    public static let genesis = String(repeating: "0", count: 64)

    public init(
        seq: Int64, caseID: Int64, kind: String, date: String, recordedAt: String, actor: String,
        payload: String, prevHash: String
    ) {
        self.seq = seq
        self.caseID = caseID
        self.kind = kind
        self.date = date
        self.recordedAt = recordedAt
        self.actor = actor
        self.payload = payload
        self.prevHash = prevHash
    }

    /// The exact bytes `hash` is SHA-256 of: the domain tag and each field as a netstring.
    /// `kaishu audit` writes these bytes out so `sha256sum` can check the chain independently.
    public var hashInput: [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(256 + payload.utf8.count + actor.utf8.count)
        func decimal(_ value: Int64) {
            if value >= 10 { decimal(value / 10) }
            buffer.append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        func netstring(_ text: String) {
            decimal(Int64(text.utf8.count))
            buffer.append(UInt8(ascii: ":"))
            buffer.append(contentsOf: text.utf8)
            buffer.append(UInt8(ascii: ","))
        }
        func netstring(_ number: Int64) {
            if number < 0 { return netstring(String(number)) }
            var digits: Int64 = 1
            var rest = number
            while rest >= 10 {
                digits += 1
                rest /= 10
            }
            decimal(digits)
            buffer.append(UInt8(ascii: ":"))
            decimal(number)
            buffer.append(UInt8(ascii: ","))
        }
        netstring(EventContent.domain)
        netstring(seq)
        netstring(caseID)
        netstring(kind)
        netstring(date)
        netstring(recordedAt)
        netstring(actor)
        netstring(payload)
        netstring(prevHash)
        return buffer
    }

    /// SHA-256 of the netstring encoding, lower-case hex.
    public var hash: String {
        hashInput.withUnsafeBytes { EventContent.hex(SHA256.hash(data: $0)) }
    }

    private static let digits = Array("0123456789abcdef".utf8)

    /// Lower-case hex of a SHA-256 digest (32 bytes).
    public static func hex(_ digest: SHA256.Digest) -> String {
        String(unsafeUninitializedCapacity: 2 * SHA256.Digest.byteCount) { out in
            var count = 0
            for byte in digest {
                out[count] = digits[Int(byte >> 4)]
                out[count + 1] = digits[Int(byte & 0x0F)]
                count += 2
            }
            return count
        }
    }
}
