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
struct EventContent {
    var seq: Int64
    var caseID: Int64
    var kind: String
    var date: String
    var recordedAt: String
    var actor: String
    var payload: String
    var prevHash: String

    static let domain = "kaishu-event-v1"
    static let genesis = String(repeating: "0", count: 64)

    var hash: String {
        var hasher = SHA256()
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
        hasher.update(data: buffer)
        return EventContent.hex(hasher.finalize())
    }

    private static let digits = Array("0123456789abcdef".utf8)

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in digest {
            bytes.append(digits[Int(byte >> 4)])
            bytes.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
