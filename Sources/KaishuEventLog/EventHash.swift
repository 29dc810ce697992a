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
        buffer.reserveCapacity(256 + payload.utf8.count)
        func netstring(_ text: String) {
            buffer.append(contentsOf: String(text.utf8.count).utf8)
            buffer.append(UInt8(ascii: ":"))
            buffer.append(contentsOf: text.utf8)
            buffer.append(UInt8(ascii: ","))
        }
        netstring(EventContent.domain)
        netstring(String(seq))
        netstring(String(caseID))
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
        var hasher = SHA256()
        hasher.update(data: hashInput)
        return EventContent.hex(hasher.finalize())
    }

    private static let digits = Array("0123456789abcdef".utf8)

    public static func hex(_ digest: some Sequence<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
